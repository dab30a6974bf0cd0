import type UserConfig from "@11ty/eleventy/UserConfig";
import { CONTENT_SECURITY_POLICY, headersFile } from "./csp.ts";

/** `security.csp` for the <meta http-equiv> of every page, and the text of /_headers. */
export function securityPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addGlobalData("security", { csp: CONTENT_SECURITY_POLICY, headers: headersFile() });
}

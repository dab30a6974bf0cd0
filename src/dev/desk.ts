import type UserConfig from "@11ty/eleventy/UserConfig";
import type { ParsedPosts } from "../content/load.ts";
import { deskHtml } from "../desk/format.ts";
import { loadDesk, type DeskSource } from "../desk/load.ts";

/** Where the dev server shows the editor's desk. */
export const DESK_URL = "/_desk/";

/**
 * The editor's desk as a page of the dev server (`npm start`), the same as `npm run status`:
 * added only while serving, so it is never written to _site. Each rebuild reads the desk
 * again, re-parsing only the posts that changed.
 */
export function deskPagePlugin(eleventyConfig: UserConfig, source: Omit<DeskSource, "now" | "parsed">): void {
  const parsed: ParsedPosts = new Map();
  eleventyConfig.addTemplate("_desk.njk", "{{ deskPage | safe }}", {
    permalink: `${DESK_URL}index.html`,
    eleventyExcludeFromCollections: true,
    eleventyComputed: { deskPage: () => deskHtml(loadDesk({ ...source, now: new Date(), parsed }).desk, source.config.rhythm) },
  });
}

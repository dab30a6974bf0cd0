import { site, type SiteConfig } from "./config.ts";
import { resolveSiteUrl } from "./site/siteUrl.ts";

export interface BuildOptions {
  root: string;
  contentDir: string;
  outputDir: string;
  config: SiteConfig;
  pathPrefix: string;
}

/**
 * Build settings from the environment: SITE_URL over the configured URL, CONTENT_DIR over
 * "content", OUTPUT_DIR over "_site" (tests build fixtures side by side).
 */
export function buildOptions(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): BuildOptions {
  const { url, pathPrefix } = resolveSiteUrl(env.SITE_URL, site.url);
  return { root, contentDir: env.CONTENT_DIR || "content", outputDir: env.OUTPUT_DIR || "_site", config: { ...site, url }, pathPrefix };
}

import { site, type SiteConfig } from "./config.ts";
import { parseDate } from "./content/dates.ts";
import { SHARE_IMAGE_CACHE } from "./site/share-images.ts";
import { resolveSiteUrl } from "./site/siteUrl.ts";

/** A build setting from the environment that cannot be used; its message says what is expected. */
export class SettingError extends Error {
  override name = "SettingError";
}

export interface BuildOptions {
  root: string;
  contentDir: string;
  outputDir: string;
  config: SiteConfig;
  pathPrefix: string;
  /** The build's notion of now: decides which scheduled posts are live. */
  now: Date;
  /** Drafts and scheduled posts are shown (with a badge) in the dev server only. */
  includeUnpublished: boolean;
  /** Watch mode: an edit that leaves a post's listing unchanged rewrites that post's page only. */
  incremental: boolean;
  /** Eleventy runs as the dev server (`npm start`). */
  devServer: boolean;
  /** The dev server's port; its URL is the site URL while it runs. */
  devPort: number;
  /** The interface the dev server listens on (DEV_HOST): localhost unless the editor opts in. */
  devHost: string;
  /** `npm run build`: pages written per run of Eleventy (PAGES_PER_RUN); unset, the build's default. */
  pagesPerRun?: number;
  /** Where drawn share images are kept between builds, relative to the root (SHARE_IMAGE_CACHE). */
  shareImageCache: string;
  /** Fetch covers given as http(s) URLs for the share images (FETCH_COVERS=0: text-only images for those). */
  fetchCovers: boolean;
}

/** Where `npm start` writes its pages (drafts and scheduled posts included), apart from _site/. */
export const DEV_OUTPUT_DIR = ".cache/dev-site";

/** Where `npm start` serves the site: Eleventy's dev server on localhost, port PORT (default 8080). */
export function devServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `http://localhost:${devPortOf(env)}/`;
}

const devPortOf = (env: NodeJS.ProcessEnv) => (Number(env.PORT) > 0 ? Number(env.PORT) : 8080);

/**
 * Build settings from the environment: SITE_URL over the configured URL, CONTENT_DIR over
 * "content", OUTPUT_DIR over "_site" (tests build fixtures side by side), BUILD_TIME over
 * the clock, INCLUDE_UNPUBLISHED (set by the dev server) to show drafts, SHARE_IMAGES=0 (no
 * drawn share images), SHARE_IMAGE_CACHE and FETCH_COVERS for the share images.
 */
export function buildOptions(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): BuildOptions {
  const devServer = env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch";
  let url: string;
  let pathPrefix: string;
  try {
    // The dev server's canonical, feed and sitemap URLs name the dev server itself, never the production host.
    ({ url, pathPrefix } = resolveSiteUrl(env.SITE_URL, devServer ? devServerUrl(env) : site.url));
  } catch (error) {
    throw new SettingError((error as Error).message);
  }
  let now = new Date();
  if (env.BUILD_TIME) {
    const parsed = parseDate(env.BUILD_TIME, site.timeZone);
    if (!parsed) throw new SettingError(`BUILD_TIME: "${env.BUILD_TIME}" is not a date; expected YYYY-MM-DD or a date-time such as 2026-02-06T00:05:00+08:00`);
    now = parsed.instant;
  }
  let pagesPerRun: number | undefined;
  if (env.PAGES_PER_RUN) {
    pagesPerRun = Number(env.PAGES_PER_RUN);
    if (!Number.isInteger(pagesPerRun) || pagesPerRun < 1) throw new SettingError(`PAGES_PER_RUN: "${env.PAGES_PER_RUN}" is not a number of pages; expected a whole number such as 500 (fewer pages per run take less memory)`);
  }
  return {
    root,
    contentDir: env.CONTENT_DIR || "content",
    // The dev server's pages include drafts: they never go where a deploy takes the site from.
    outputDir: env.OUTPUT_DIR || (devServer ? DEV_OUTPUT_DIR : "_site"),
    config: { ...site, url, shareImages: site.shareImages && env.SHARE_IMAGES !== "0" },
    pathPrefix,
    now,
    includeUnpublished: devServer || env.INCLUDE_UNPUBLISHED === "1",
    incremental: devServer,
    devServer,
    devPort: devPortOf(env),
    devHost: env.DEV_HOST || "localhost",
    pagesPerRun,
    shareImageCache: env.SHARE_IMAGE_CACHE || SHARE_IMAGE_CACHE,
    fetchCovers: env.FETCH_COVERS !== "0",
  };
}

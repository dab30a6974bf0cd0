import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoots } from "../content/load.ts";
import { cardColours, shareImagesOf } from "../share/card.ts";
import { writeShareImages, type ShareImageReport } from "../share/images.ts";
import { ASSETS_DIR, findSiteFiles } from "./assets.ts";

/** Where drawn share images are kept between builds unless SHARE_IMAGE_CACHE says otherwise. */
export const SHARE_IMAGE_CACHE = ".cache/share-images";

export interface SiteShareImageOptions {
  root: string;
  contentDir: string;
  /** Where drawn images are kept between builds (SHARE_IMAGE_CACHE), relative to the root. */
  shareImageCache: string;
  /** Fetch covers given as http(s) URLs (FETCH_COVERS=0 turns it off). */
  fetchCovers: boolean;
}

/**
 * Writes the share image of every page that has one into the output folder, in the site's
 * colours (assets/site.css), with covers from the site's own files or the web.
 */
export async function writeSiteShareImages(
  pages: Record<string, readonly object[]>,
  options: SiteShareImageOptions,
  outputDir: string,
): Promise<ShareImageReport> {
  const images = shareImagesOf(pages);
  const css = path.join(options.root, ASSETS_DIR, "site.css");
  const found = findSiteFiles(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  return writeShareImages(images, {
    outputDir,
    cacheDir: path.resolve(options.root, options.shareImageCache),
    colours: cardColours(existsSync(css) ? readFileSync(css, "utf8") : ""),
    files: new Map(found.urls.map((url, i) => [url, found.sources[i]!])),
    fetchCovers: options.fetchCovers,
  });
}

/** The build's line about its share images. */
export function shareImageSummary(report: ShareImageReport): string {
  return `share images: ${report.images} (${report.drawn} drawn, ${report.reused} from the cache) in ${report.seconds.toFixed(2)} s`;
}

import type UserConfig from "@11ty/eleventy/UserConfig";
import { buildSearchIndex } from "./pagefind.ts";

/**
 * In the dev server, builds the search index once after the first build so the search page
 * works there too. Production builds index in scripts/build.ts, before the link check.
 */
export function devSearchPlugin(eleventyConfig: UserConfig): void {
  let indexed = false;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build" || indexed) return;
    indexed = true;
    const report = await buildSearchIndex(directories.output);
    console.log(`[search] indexed ${report.pages} posts in ${report.seconds.toFixed(2)} s`);
  });
}

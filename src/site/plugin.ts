import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteConfig } from "../config.ts";
import { ContentError } from "../content/errors.ts";
import { loadContent } from "../content/load.ts";
import { buildSite, type SiteIndex } from "./site.ts";

export interface ContentPluginOptions {
  /** Project root; messages name files relative to it. */
  root: string;
  /** Folder of posts, relative to the root. */
  contentDir: string;
  config: SiteConfig;
}

let last: { key: string; blog: SiteIndex } | undefined;

/**
 * Loads, validates and indexes the posts. Throws a ContentError listing every problem.
 * The index is reused while no post changed, so the build script's validation and
 * Eleventy's data step share one pass.
 */
export function loadBlog(options: ContentPluginOptions): SiteIndex {
  const { posts, problems, changed } = loadContent({
    root: options.root,
    contentDir: options.contentDir,
    timeZone: options.config.timeZone,
    authors: options.config.authors,
  });
  if (problems.length > 0) throw new ContentError(problems);
  const key = JSON.stringify([options.root, options.contentDir, options.config]);
  if (!changed && last?.key === key) return last.blog;
  const blog = buildSite(posts, options.config);
  if (blog.problems.length > 0) throw new ContentError(blog.problems);
  last = { key, blog };
  return blog;
}

/** Eleventy plugin: `site` (settings) and `blog` (every page model) as global data. */
export function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  eleventyConfig.addWatchTarget(`./${options.contentDir}/`);
  eleventyConfig.addGlobalData("site", options.config);
  eleventyConfig.addGlobalData("blog", () => loadBlog(options));
}

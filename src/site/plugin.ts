import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteConfig } from "../config.ts";
import { ContentError } from "../content/errors.ts";
import { loadContent } from "../content/load.ts";
import { publicationStatus } from "../content/publish.ts";
import { buildFeeds, type FeedFile, type FeedsPage } from "../feeds/feeds.ts";
import { absoluteUrl } from "../feeds/absolute.ts";
import { newsArticleJsonLd } from "./metadata.ts";
import { buildSite, type PostPage, type SiteIndex } from "./site.ts";
import { buildSitemap, sitemapPages } from "./sitemap.ts";

export interface ContentPluginOptions {
  /** Project root; messages name files relative to it. */
  root: string;
  /** Folder of posts, relative to the root. */
  contentDir: string;
  config: SiteConfig;
  /** "/" or the folder the site is served from ("/blog/"). */
  pathPrefix: string;
  /** The build's notion of now, for scheduled posts. */
  now: Date;
  /** Show drafts and scheduled posts (dev server), with a badge. */
  includeUnpublished: boolean;
}

/** Everything the templates render: page models, feed files, the feed pages and the sitemap. */
export interface Blog extends SiteIndex {
  /** Drafts and scheduled posts left out of this build. */
  unpublished: number;
  feeds: FeedFile[];
  feedPages: FeedsPage[];
  sitemap: string;
}

let last: { key: string; blog: Blog } | undefined;

/**
 * Loads, validates and indexes the posts. Throws a ContentError listing every problem.
 * The result is reused while no post changed, so the build script's validation and
 * Eleventy's data step share one pass.
 */
export function loadBlog(options: ContentPluginOptions): Blog {
  const { posts, problems, changed } = loadContent({
    root: options.root,
    contentDir: options.contentDir,
    timeZone: options.config.timeZone,
    authors: options.config.authors,
  });
  if (problems.length > 0) throw new ContentError(problems);
  const key = JSON.stringify([options.root, options.contentDir, options.config, options.pathPrefix, options.now, options.includeUnpublished]);
  if (!changed && last?.key === key) return last.blog;
  const live = options.includeUnpublished ? posts : posts.filter((p) => publicationStatus(p, options.now) === "published");
  const site = buildSite(live, options.config, options.now);
  if (site.problems.length > 0) throw new ContentError(site.problems);
  const feeds = buildFeeds(site, options.config, options.pathPrefix);
  const blog: Blog = {
    ...site,
    unpublished: posts.length - live.length,
    feeds: feeds.files,
    feedPages: feeds.pages,
    sitemap: buildSitemap(sitemapPages(site, feeds.pages), options.config),
  };
  last = { key, blog };
  return blog;
}

/** Eleventy plugin: `site` (settings) and `blog` (every page model) as global data. */
export function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  eleventyConfig.addWatchTarget(`./${options.contentDir}/`);
  eleventyConfig.addGlobalData("site", options.config);
  eleventyConfig.addGlobalData("blog", () => loadBlog(options));
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(url, options.config.url));
  eleventyConfig.addFilter("newsArticleJsonLd", (page: PostPage) => newsArticleJsonLd(page, options.config));
}

import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteConfig } from "../config.ts";
import { ContentError, type ContentProblem } from "../content/errors.ts";
import { loadContent } from "../content/load.ts";
import { publicationStatus } from "../content/publish.ts";
import { buildFeeds, type FeedFile, type FeedsPage } from "../feeds/feeds.ts";
import { absoluteUrl } from "../feeds/absolute.ts";
import { newsArticleJsonLd } from "./metadata.ts";
import type { Post } from "../content/schema.ts";
import { buildSite, renderBody, type PostPage, type SiteIndex } from "./site.ts";
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
  /** Watch mode: rewrite only the page of a post whose edit leaves every listing unchanged. */
  incremental?: boolean;
}

/** Everything the templates render: page models, feed files, the feed pages and the sitemap. */
export interface Blog extends SiteIndex {
  /** Drafts and scheduled posts left out of this build. */
  unpublished: number;
  feeds: FeedFile[];
  feedPages: FeedsPage[];
  sitemap: string;
}

let last: { key: string; blog: Blog; pageBySource: Map<string, PostPage> } | undefined;

/** Everything about a post that other pages show; an edit that keeps it can skip them. */
function listingOf(post: Post, status: string): string {
  const { body: _body, bodyLine: _line, inferred: _inferred, summary: _summary, ...listed } = post;
  return JSON.stringify([listed, status]);
}

/**
 * Watch mode: when every edited post keeps its listing (title, date, tags, summary line, URL…),
 * re-render just those posts and hand Eleventy a blog with only their pages. The full model
 * is updated in place, so the next full build shows the edit everywhere.
 */
function incrementalBlog(reparsed: string[], posts: Post[], options: ContentPluginOptions): Blog | undefined {
  if (!last || reparsed.length === 0 || reparsed.length > 20) return undefined;
  const bySource = new Map(posts.map((p) => [p.sourcePath, p]));
  const edits: [PostPage, Post][] = [];
  for (const source of reparsed) {
    const page = last.pageBySource.get(source);
    const post = bySource.get(source);
    if (!page || !post) return undefined;
    const status = publicationStatus(post, options.now);
    if (listingOf(post, status) !== listingOf(page.post, page.status)) return undefined;
    edits.push([page, post]);
  }
  const problems: ContentProblem[] = [];
  const siteOrigin = new URL(options.config.url).origin;
  for (const [page, post] of edits) Object.assign(page, { post }, renderBody(post, last.blog.linkTargets, siteOrigin, problems));
  if (problems.length > 0) throw new ContentError(problems);
  const none = { lists: [], homes: [], weeks: [], archives: [], tags: [], tagIndexes: [], authors: [], aliases: [], searches: [], notFound: [], feeds: [], feedPages: [] };
  return { ...last.blog, ...none, posts: edits.map(([page]) => page) };
}

/**
 * Loads, validates and indexes the posts. Throws a ContentError listing every problem.
 * The result is reused while no post changed, so the build script's validation and
 * Eleventy's data step share one pass.
 */
export function loadBlog(options: ContentPluginOptions): Blog {
  const { posts, problems, changed, reparsed, removed } = loadContent({
    root: options.root,
    contentDir: options.contentDir,
    timeZone: options.config.timeZone,
    authors: options.config.authors,
  });
  if (problems.length > 0) throw new ContentError(problems);
  const key = JSON.stringify([options.root, options.contentDir, options.config, options.pathPrefix, options.now, options.includeUnpublished]);
  if (!changed && last?.key === key) return last.blog;
  if (options.incremental && last?.key === key && !removed) {
    const partial = incrementalBlog(reparsed, posts, options);
    if (partial) return partial;
  }
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
  last = { key, blog, pageBySource: new Map(blog.posts.map((p) => [p.post.sourcePath, p])) };
  return blog;
}

/** Eleventy plugin: `site` (settings) and `blog` (every page model) as global data. */
export function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  const contentDir = path.relative(process.cwd(), path.resolve(options.root, options.contentDir)) || ".";
  eleventyConfig.addWatchTarget(contentDir.startsWith("..") || path.isAbsolute(contentDir) ? path.resolve(options.root, options.contentDir) : `./${contentDir}/`);
  eleventyConfig.addGlobalData("site", options.config);
  eleventyConfig.addGlobalData("blog", () => loadBlog(options));
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(url, options.config.url));
  eleventyConfig.addFilter("newsArticleJsonLd", (page: PostPage) => newsArticleJsonLd(page, options.config));
}

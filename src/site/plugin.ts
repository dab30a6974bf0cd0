import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Lang, SiteConfig } from "../config.ts";
import { renderBody, type PostEntry } from "../collections/entries.ts";
import { ContentError, type ContentProblem } from "../content/errors.ts";
import { loadContent, projectRoots, type LoadedContent, type ParsedPosts } from "../content/load.ts";
import { publicationStatus } from "../content/publish.ts";
import { listRegistryFiles, loadRegistry, registryStamp, type EntityRegistry } from "../entities/registry.ts";
import { loadTagRegistry, tagRegistryStamp, type TagRegistry } from "../tags/registry.ts";
import type { Post } from "../content/schema.ts";
import type { StoryIndex } from "../collections/stories.ts";
import { absoluteUrl } from "../feeds/absolute.ts";
import { PAGE_TYPES, type PageTypes } from "../pages/index.ts";
import { itemListJsonLd, newsArticleJsonLd, type ShareImage } from "../pages/metadata.ts";
import type { PagesOf, PageType } from "../pages/page-type.ts";
import { postBodyHtml, type PostPage } from "../pages/posts/post.ts";
import { itemUrl, linksTo, type LinkTarget } from "../pages/story-links.ts";
import { findSiteFiles, type SiteAssets } from "./assets.ts";
import { SHARE_IMAGE_CACHE, writeSiteShareImages } from "./share-images.ts";
import { pagesOfPart, type PagePart } from "./parts.ts";
import { buildSite, type Site } from "./site.ts";

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
  /** Share images: where drawn ones are cached, whether remote covers are fetched. */
  shareImageCache?: string;
  fetchCovers?: boolean;
  /** The dev server: it draws no share images (nobody shares a link to localhost). */
  devServer?: boolean;
}

/** The `blog` global data: what the templates render. */
export interface Blog {
  /** Each page type's models under its name; `src/pages/<type>/*.njk` paginate over them. */
  pages: PagesOf<PageTypes>;
  sitemap: string;
  newsSitemap: string;
  shareImage: Record<Lang, ShareImage>;
  /** Drafts and scheduled posts left out of this build. */
  unpublished: number;
  /** News items, the stories they form, how items joined them, and what grouping them took. */
  stories: StoryIndex["counts"];
  /** Whether the navigation links the topic index; a run that writes only some pages still knows. */
  hasTopics: boolean;
  /** Files under assets/ of types the site does not serve, left behind. */
  assetsLeftOut: string[];
}

/**
 * The caches that carry content from one build to the next, owned here. They live as long as
 * the process: in `npm run build` the validation step and Eleventy's data step share one
 * pass; in the dev server each rebuild re-parses only changed files and, when an edit
 * changes only a post's body, re-renders only that post.
 */
const caches: {
  parsed: ParsedPosts;
  registry?: { stamp: string; registry: EntityRegistry };
  tagRegistry?: { stamp: string; registry: TagRegistry };
  last?: { key: string; blog: Blog; site: Site; bySource: Map<string, PostEntry> };
} = { parsed: new Map() };

/** The blog a one-shot build validated, and the part of its pages the next Eleventy run writes. */
let handed: Blog | undefined;

/**
 * `npm run build` hands Eleventy the blog it has already built and validated, one part of its
 * pages per run (see parts.ts); `undefined` goes back to loading the content.
 */
export function writePart(blog: Blog | undefined, part?: PagePart): void {
  handed = blog && part ? { ...blog, pages: pagesOfPart(blog.pages, part) } : undefined;
}

/**
 * Drops what the caches hold. A one-shot build calls it once Eleventy has written the site, so
 * the link check that follows does not share the heap with every post and page model.
 */
export function forgetBuilds(): void {
  caches.parsed = new Map();
  caches.registry = undefined;
  caches.tagRegistry = undefined;
  caches.last = undefined;
}

/** Everything about a post that other pages show; an edit that keeps it can skip them. */
function listingOf(post: Post, status: string): string {
  const { body: _body, bodyLine: _line, inferred: _inferred, summary: _summary, ...listed } = post;
  return JSON.stringify([listed, status]);
}

/**
 * Watch mode: when every edited post keeps its listing (title, date, tags, summary line, URL…),
 * re-render just those posts and hand Eleventy a blog with only the pages that show their
 * bodies (the post's page, the feeds that carry it), as each page type's `refresh` says. The
 * last build's model is updated in place, so a later load that reuses it is up to date.
 */
function incrementalBlog(reparsed: string[], posts: Post[], options: ContentPluginOptions): Blog | undefined {
  const last = caches.last;
  if (!last || reparsed.length === 0 || reparsed.length > 20) return undefined;
  const bySource = new Map(posts.map((p) => [p.sourcePath, p]));
  const edits: [PostEntry, Post][] = [];
  for (const source of reparsed) {
    const entry = last.bySource.get(source);
    const post = bySource.get(source);
    if (!entry || !post) return undefined;
    if (listingOf(post, publicationStatus(post, options.now)) !== listingOf(entry.post, entry.status)) return undefined;
    // A translation of this post says whether its original changed since: its page changes too.
    const set = last.site.context.translations.get(entry.post);
    if (Object.values(set ?? {}).some((other) => other !== entry.post && other.translationOf)) return undefined;
    edits.push([entry, post]);
  }
  const problems: ContentProblem[] = [];
  const siteOrigin = new URL(options.config.url).origin;
  const rendered = edits.map(([entry, post]) => ({ entry, post, body: renderBody(post, last.site.linkTargets, siteOrigin, problems) }));
  // Nothing of the last build changes unless every edited post renders.
  if (problems.length > 0) throw new ContentError(problems);
  // A changed mention changes entity pages, a changed item other posts' story links: build them all.
  const itemFacts = (items: PostEntry["items"]) => JSON.stringify(items.map(({ anchor, headline, sources, amounts }) => [anchor, headline, sources, amounts]));
  if (rendered.some(({ entry, body }) => JSON.stringify(entry.entities) !== JSON.stringify(body.entities) || itemFacts(entry.items) !== itemFacts(body.items))) return undefined;
  const edited = new Map<string, PostEntry>();
  for (const { entry, post, body } of rendered) edited.set(post.sourcePath, Object.assign(entry, { post }, body));
  const all = last.site.pages as Record<string, { url: string }[]>;
  const pages = Object.fromEntries((PAGE_TYPES as readonly PageType[]).map((type) => [type.name, type.refresh?.(all[type.name]!, edited, last.site.context) ?? []]));
  return { ...last.blog, pages: pages as Blog["pages"] };
}

/**
 * Loads, validates and indexes the posts. Throws a ContentError listing every problem.
 * The result is reused while no post changed.
 */
export function loadBlog(options: ContentPluginOptions): Blog {
  const loaded = loadContent({
    root: options.root,
    contentDir: options.contentDir,
    timeZone: options.config.timeZone,
    authors: options.config.authors,
    parsed: caches.parsed,
  });
  const entities = registryOf(options);
  const tags = tagRegistryOf(options);
  const assets = findSiteFiles(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  const problems = [...loaded.problems, ...entities.problems, ...tags.problems, ...assets.problems];
  if (problems.length > 0) throw new ContentError(problems);
  try {
    return buildBlog(loaded, entities, tags, assets, options);
  } catch (error) {
    // A build that failed leaves nothing to reuse: the next load builds again and reports again.
    caches.last = undefined;
    throw error;
  }
}

/** The entity registry, read again only when one of its files changed. */
function registryOf(options: ContentPluginOptions): { registry: EntityRegistry; stamp: string; problems: ContentProblem[] } {
  const roots = projectRoots(options.root, options.contentDir);
  const stamp = registryStamp(listRegistryFiles(path.resolve(options.root, options.contentDir), roots));
  if (caches.registry?.stamp === stamp) return { ...caches.registry, problems: [] };
  const { registry, problems } = loadRegistry(options.root, options.contentDir, roots);
  caches.registry = problems.length ? undefined : { stamp, registry };
  return { registry, stamp, problems };
}

/** The tag registry (content/tags.yaml), read again only when the file changed. */
function tagRegistryOf(options: ContentPluginOptions): { registry: TagRegistry; stamp: string; problems: ContentProblem[] } {
  const stamp = tagRegistryStamp(options.root, options.contentDir);
  if (caches.tagRegistry?.stamp === stamp) return { ...caches.tagRegistry, problems: [] };
  const { registry, problems } = loadTagRegistry(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  caches.tagRegistry = problems.length ? undefined : { stamp, registry };
  return { registry, stamp, problems };
}

function buildBlog(
  { posts, changed, reparsed, removed }: LoadedContent,
  entities: { registry: EntityRegistry; stamp: string },
  tags: { registry: TagRegistry; stamp: string },
  assets: SiteAssets,
  options: ContentPluginOptions,
): Blog {
  const key = JSON.stringify([options.root, options.contentDir, options.config, options.pathPrefix, options.now, options.includeUnpublished, entities.stamp, tags.stamp, assets.urls]);
  if (!changed && caches.last?.key === key) return caches.last.blog;
  if (options.incremental && caches.last?.key === key && !removed) {
    const partial = incrementalBlog(reparsed, posts, options);
    if (partial) return partial;
  }
  const live = options.includeUnpublished ? posts : posts.filter((p) => publicationStatus(p, options.now) === "published");
  const site = buildSite(live, options.config, { now: options.now, pathPrefix: options.pathPrefix, entities: entities.registry, tags: tags.registry, assets: assets.urls });
  if (site.problems.length > 0) throw new ContentError(site.problems);
  const blog: Blog = { pages: site.pages, sitemap: site.sitemap, newsSitemap: site.newsSitemap, shareImage: site.shareImage, unpublished: posts.length - live.length, stories: site.context.stories.counts, hasTopics: site.pages.topicIndexes.length > 0, assetsLeftOut: assets.leftOut };
  caches.last = { key, blog, site, bySource: new Map(site.context.entries.map((entry) => [entry.post.sourcePath, entry])) };
  return blog;
}

/** Eleventy plugin: `site` (settings) and `blog` (every page model) as global data. */
export function contentPlugin(eleventyConfig: UserConfig, options: ContentPluginOptions): void {
  const contentDir = path.relative(process.cwd(), path.resolve(options.root, options.contentDir)) || ".";
  eleventyConfig.addWatchTarget(contentDir.startsWith("..") || path.isAbsolute(contentDir) ? path.resolve(options.root, options.contentDir) : `./${contentDir}/`);
  eleventyConfig.addGlobalData("site", options.config);
  // Exactly the files findAssets vetted, one by one (Eleventy never walks a folder that could
  // hold a link cycle or a file added after the check), each link copied as the file it names.
  // The dev server learns of a new asset when it restarts.
  const files = findSiteFiles(options.root, options.contentDir, projectRoots(options.root, options.contentDir));
  files.urls.forEach((url, i) => eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), files.sources[i]!)]: url.slice(1) }, { expand: true }));
  eleventyConfig.addGlobalData("blog", () => handed ?? loadBlog(options));
  // `npm run build` draws the share images beside Eleventy; a plain run of Eleventy draws them after.
  eleventyConfig.on("eleventy.after", async ({ dir }: { dir: { output: string } }) => {
    if (handed || options.devServer) return;
    const report = await writeSiteShareImages(loadBlog(options).pages, { ...options, shareImageCache: options.shareImageCache ?? SHARE_IMAGE_CACHE, fetchCovers: options.fetchCovers ?? true }, dir.output);
    for (const note of report.notes) console.log(`note: ${note}`);
  });
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(url, options.config.url));
  eleventyConfig.addFilter("newsArticleJsonLd", (page: PostPage) => newsArticleJsonLd(page, options.config));
  eleventyConfig.addFilter("itemListJsonLd", (page: PostPage) => itemListJsonLd(page, options.config));
  eleventyConfig.addFilter("postBody", postBodyHtml);
  eleventyConfig.addFilter("itemUrl", itemUrl);
  eleventyConfig.addFilter("storyLinks", (items: LinkTarget[], lang: Lang) => linksTo(items, lang));
}

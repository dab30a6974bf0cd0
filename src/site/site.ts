import { perLang, type Lang, type SiteConfig } from "../config.ts";
import { buildCollections, type Collections } from "../collections/context.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import type { FeedSpec } from "../feeds/feeds.ts";
import { PAGE_TYPES, type PageTypes } from "../pages/index.ts";
import { defaultShareImage, type ShareImage } from "../pages/metadata.ts";
import type { PageContext, PagesOf, PageType, SitemapEntry } from "../pages/page-type.ts";
import { buildSitemap } from "./sitemap.ts";

export interface BuildSiteOptions<Types extends readonly PageType<string, any>[]> {
  /** The build's notion of now, for scheduled posts; default: the clock. */
  now?: Date;
  /** "/" or the folder the site is served from ("/blog/"). */
  pathPrefix?: string;
  /** The page types to build; default: the registry in src/pages/index.ts. */
  pageTypes?: Types;
}

/** Everything one build makes from the posts. */
export interface Site<Types extends readonly PageType<string, any>[] = PageTypes> {
  /** Each page type's models under its name: what the templates paginate over. */
  pages: PagesOf<Types>;
  /** Every feed the page types offer. */
  feeds: readonly FeedSpec[];
  sitemap: string;
  /** Each language's default link-preview image, for pages without a cover (see pages/metadata.ts). */
  shareImage: Record<Lang, ShareImage>;
  collections: Collections;
  /** Problems that stop the build. */
  problems: ContentProblem[];
}

/** Builds the collections once, then every registered page type's models from them. */
export function buildSite<Types extends readonly PageType<string, any>[] = PageTypes>(
  posts: Post[],
  config: SiteConfig,
  options: BuildSiteOptions<Types> = {},
): Site<Types> {
  const pageTypes = options.pageTypes ?? (PAGE_TYPES as unknown as Types);
  const collections = buildCollections(posts, config, options.now ?? new Date());
  const feeds = pageTypes.flatMap((type) => type.feeds?.(collections) ?? []);
  const context: PageContext = { ...collections, pathPrefix: options.pathPrefix ?? "/", feeds };
  const pages: Record<string, { url: string }[]> = {};
  const sitemap: SitemapEntry[] = [];
  for (const type of pageTypes) {
    if (type.name in pages) throw new Error(`two page types are named "${type.name}"; each needs its own name`);
    pages[type.name] = type.pages(context);
    if (type.sitemap) sitemap.push(...pages[type.name]!.map(type.sitemap));
  }
  return {
    pages: pages as PagesOf<Types>,
    feeds,
    sitemap: buildSitemap(sitemap, config),
    shareImage: perLang((lang) => defaultShareImage(lang, config)),
    collections,
    problems: collections.problems,
  };
}

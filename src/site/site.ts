import { perLang, type Lang, type SiteConfig } from "../config.ts";
import { buildCollections } from "../collections/context.ts";
import type { LinkTargets } from "../collections/links.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import type { EntityRegistry } from "../entities/registry.ts";
import type { TagRegistry } from "../tags/registry.ts";
import { PAGE_TYPES, type PageTypes } from "../pages/index.ts";
import { defaultShareImage, type ShareImage } from "../pages/metadata.ts";
import type { PageContext, PagesOf, PageType, SitemapEntry } from "../pages/page-type.ts";
import { addressClashes, siteAddresses } from "./addresses.ts";
import { buildNewsSitemap } from "./news-sitemap.ts";
import { buildSitemap } from "./sitemap.ts";

export interface BuildSiteOptions<Types extends readonly PageType[]> {
  /** The build's notion of now, for scheduled posts; default: the clock. */
  now?: Date;
  /** "/" or the folder the site is served from ("/blog/"). */
  pathPrefix?: string;
  /** The page types to build; default: the registry in src/pages/index.ts. */
  pageTypes?: Types;
  /** The entities posts are matched against (content/entities/); default: none. */
  entities?: EntityRegistry;
  /** Which tags are one tag, and their equivalents in the other language (content/tags.yaml); default: none. */
  tags?: TagRegistry;
  /** Site URLs of the files copied from assets/ and the content folder's media/ ("/assets/site.css"); images are checked against them when given. */
  assets?: readonly string[];
}

/** Everything one build makes from the posts. */
export interface Site<Types extends readonly PageType[] = PageTypes> {
  /** Each page type's models under its name: what the templates paginate over. */
  pages: PagesOf<Types>;
  sitemap: string;
  /** news-sitemap.xml: the posts of the last 48 hours, for Google News. */
  newsSitemap: string;
  /** Each language's default link-preview image, for pages without a cover (see pages/metadata.ts). */
  shareImage: Record<Lang, ShareImage>;
  /** What the pages were built from, every feed included; watch mode re-renders from it. */
  context: PageContext;
  linkTargets: LinkTargets;
  /** Problems that stop the build. */
  problems: ContentProblem[];
}

/** Builds the collections once, then every registered page type's models from them. */
export function buildSite<Types extends readonly PageType[] = PageTypes>(posts: Post[], config: SiteConfig, options: BuildSiteOptions<Types> = {}): Site<Types> {
  const pageTypes = options.pageTypes ?? (PAGE_TYPES as unknown as Types);
  const now = options.now ?? new Date();
  const { collections, linkTargets, problems } = buildCollections(posts, config, now, options.entities, options.tags, options.assets && new Set(options.assets));
  const feeds = pageTypes.flatMap((type) => type.feeds?.(collections) ?? []);
  const context: PageContext = { ...collections, pathPrefix: options.pathPrefix ?? "/", feeds };
  const pages: Record<string, { url: string }[]> = {};
  const sitemap: SitemapEntry[] = [];
  for (const type of pageTypes) {
    if (type.name in pages) throw new Error(`two page types are named "${type.name}"; each needs its own name`);
    const built = type.pages(context);
    pages[type.name] = built;
    if (type.sitemap) for (const page of built) sitemap.push(type.sitemap(page));
  }
  // Checked before anything is written: Eleventy, writing the site in several runs, sees only the pages of one run.
  problems.push(...addressClashes(siteAddresses(pageTypes, pages, options.assets ?? [])));
  return {
    pages: pages as PagesOf<Types>,
    sitemap: buildSitemap(sitemap, config),
    newsSitemap: buildNewsSitemap(collections.entries, config, now),
    shareImage: perLang((lang) => defaultShareImage(lang, config)),
    context,
    linkTargets,
    problems,
  };
}

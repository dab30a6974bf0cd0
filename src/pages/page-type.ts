import { LANGS, otherLang, type Lang } from "../config.ts";
import type { Collections } from "../collections/context.ts";
import type { PostEntry } from "../collections/entries.ts";
import { onlyInFragment } from "../collections/urls.ts";
import type { FeedSpec } from "../feeds/feeds.ts";

/** The same page in each language that has one (hreflang alternates). */
export type Alternates = Partial<Record<Lang, string>>;

/** What every HTML page of the site has; base.njk reads it. */
export interface PageBase {
  lang: Lang;
  url: string;
  alternates: Alternates;
  /** Where the language switcher goes; `exact` is false when it lands on a nearby page with a note. */
  switchTo: { lang: Lang; url: string; exact: boolean };
}

/** One page's line in sitemap.xml. */
export interface SitemapEntry {
  url: string;
  alternates: Alternates;
  /** The day the page's content is dated, YYYY-MM-DD. */
  lastmod?: string;
}

/** What page types build from: the shared collections and every feed the page types offer. */
export interface PageContext extends Collections {
  /** The site's path prefix ("/" or "/blog/"), for files that name site paths Eleventy does not rewrite. */
  pathPrefix: string;
  feeds: readonly FeedSpec[];
}

/**
 * A page type: one room of the site. It builds its page models from the shared context;
 * `src/pages/<type>/<name>.njk` paginates over `blog.pages.<name>`. Everything else it
 * contributes (sitemap lines, feeds, watch-mode refreshes, links to files written after
 * Eleventy) is declared here, so the sitemap, the feeds, watch mode and the link check
 * learn about it from the registry in `src/pages/index.ts`.
 */
export interface PageType<Name extends string = string, Model extends { url: string } = { url: string }> {
  readonly name: Name;
  pages(context: PageContext): Model[];
  /** The page's sitemap.xml line; page types without one (redirects, 404s, feed files) are not listed. */
  sitemap?(page: Model): SitemapEntry;
  /** The feeds this page type offers, built from the collections alone. */
  feeds?(collections: Collections): FeedSpec[];
  /**
   * Watch mode: after an edit that changed only the bodies of `edited` posts (by source path),
   * the pages built before that show those bodies, brought up to date. Default: none.
   */
  refresh?(pages: Model[], edited: ReadonlyMap<string, PostEntry>): Model[];
  /** Site paths (prefixes) its pages link to that exist only after Eleventy has written the site. */
  linksWrittenLater?: readonly string[];
}

/** The model type of a page type. */
export type ModelOf<T> = T extends PageType<string, infer Model> ? Model : never;

/** `blog.pages`: each registered page type's models under its name. */
export type PagesOf<Types extends readonly PageType<string, any>[]> = { [T in Types[number] as T["name"]]: ModelOf<T>[] };

/** The usual sitemap line of an HTML page. */
export const listed = (page: PageBase): SitemapEntry => ({ url: page.url, alternates: page.alternates });

export interface Paged<T> {
  pageNumber: number;
  totalPages: number;
  items: T[];
  newer?: string;
  older?: string;
}

/** Splits items into pages of `size`; there is always a first page, possibly empty. */
export function paginate<T>(items: T[], size: number, url: (page: number) => string): Paged<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, i) => {
    const n = i + 1;
    return {
      pageNumber: n,
      totalPages,
      items: items.slice(i * size, n * size),
      newer: n > 1 ? url(n - 1) : undefined,
      older: n < totalPages ? url(n + 1) : undefined,
    };
  });
}

export function alternatesOf(entries: [Lang, string | undefined][]): Alternates {
  const alternates: Alternates = {};
  for (const [lang, url] of entries) if (url) alternates[lang] = url;
  return alternates;
}

/** A page that exists in every language at `url(lang)`. */
export const inEveryLang = (url: (lang: Lang) => string) => alternatesOf(LANGS.map((l) => [l, url(l)]));

/** The language switch of a page that exists in every language. */
export const switchToSame = (lang: Lang, url: (lang: Lang) => string): PageBase["switchTo"] => ({ lang: otherLang(lang), url: url(otherLang(lang)), exact: true });

/** Switch to the other language's equivalent, or to a nearby page whose note explains the gap. */
export function switchTo(lang: Lang, alternates: Alternates, nearby: string): PageBase["switchTo"] {
  const other = otherLang(lang);
  const exact = alternates[other];
  return exact ? { lang: other, url: exact, exact: true } : { lang: other, url: `${nearby}#${onlyInFragment(lang)}`, exact: false };
}


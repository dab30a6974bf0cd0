import { LANGS, otherLang, type Kind, type Lang } from "../config.ts";
import type { Collections } from "../collections/context.ts";
import type { PostEntry } from "../collections/entries.ts";
import { onlyInFragment, urls } from "../collections/urls.ts";
import type { FeedSpec } from "../feeds/feeds.ts";
import type { PageShareImage } from "../share/card.ts";

/** The same page in each language that has one (hreflang alternates). */
export type Alternates = Partial<Record<Lang, string>>;

/**
 * What every HTML page of the site has; layouts/base.njk reads it. The layout also looks for a
 * few optional fields to link the right feeds and mark the navigation: `post` (a post page),
 * `kind` (a kind list), `tag` (a tag page), `tagLinks`, `years` (the archive), `tags` (the tag
 * index). A new page type should give its models none of these names unless it means them.
 */
export interface PageBase {
  lang: Lang;
  url: string;
  alternates: Alternates;
  /** Where the language switcher goes; `exact` is false when it lands on a nearby page with a note. */
  switchTo: { lang: Lang; url: string; exact: boolean };
  /** The page's own link-preview image (drawn by the build, src/share/); pages without one show the site's. */
  shareImage?: PageShareImage;
}

/** One page's line in sitemap.xml. */
export interface SitemapEntry {
  url: string;
  alternates: Alternates;
  /** When the page's content last changed: a day (YYYY-MM-DD) or a date-time with offset. */
  lastmod?: string;
}

/**
 * What page types build their pages from: the shared collections, plus every feed the page
 * types offer (gathered from each type's `feeds` before any page is built, so the feeds page
 * can list them all).
 */
export interface PageContext extends Collections {
  /** The site's path prefix ("/" or "/blog/"), for files that name site paths Eleventy does not rewrite. */
  pathPrefix: string;
  feeds: readonly FeedSpec[];
}

/**
 * A page type: one room of the site. It builds its page models from the shared context; a
 * template in its folder paginates over `blog.pages.<name>`. Everything else it contributes
 * (sitemap lines, feeds, watch-mode refreshes, links to files written after Eleventy) is
 * declared here, so the sitemap, the feeds, watch mode and the link check learn about it
 * from the registry in `src/pages/index.ts`.
 */
export interface PageType<Name extends string = string, Model extends { url: string } = { url: string }> {
  /** Unique; the template's `pagination.data` is `blog.pages.<name>`. */
  readonly name: Name;
  pages(context: PageContext): Model[];
  /** The page's sitemap.xml line; page types without one (redirects, 404s, feed files) are not listed. */
  sitemap?(page: Model): SitemapEntry;
  /** The feeds this page type offers. They see only the collections: pages are built after every feed is known. */
  feeds?(collections: Collections): FeedSpec[];
  /**
   * Watch mode, after an edit that changed only post bodies: `edited` holds those posts'
   * entries (by source path), already re-rendered. Update the pages that show them in place,
   * in `pages` (the last build's, which later builds reuse), and return just those to be
   * rewritten. Default: none of this type's pages are rewritten.
   */
  refresh?(pages: Model[], edited: ReadonlyMap<string, PostEntry>, context: PageContext): Model[];
  /**
   * Site paths (prefixes) its pages link to that exist only after Eleventy has written the
   * site; a folder ("/pagefind/") is written whole by a later step, and no page may lie in it.
   */
  linksWrittenLater?: readonly string[];
  /**
   * The post file and field that chose this page's URL (a redirect's old URL), named when the
   * page would overwrite another. Without it, two page types writing one file is a bug here.
   */
  chosenBy?(page: Model): { file: string; line?: number; field: string };
}

type ModelOf<T> = T extends PageType<string, infer Model> ? Model : never;

/** `blog.pages`: each registered page type's models under its name. */
export type PagesOf<Types extends readonly PageType[]> = { [T in Types[number] as T["name"]]: ModelOf<T>[] };

/** The sitemap line of an HTML page: its URL and its hreflang alternates. */
export const sitemapLine = (page: PageBase): SitemapEntry => ({ url: page.url, alternates: page.alternates });

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
export function switchOrNearby(lang: Lang, alternates: Alternates, nearby: string): PageBase["switchTo"] {
  const other = otherLang(lang);
  const exact = alternates[other];
  return exact ? { lang: other, url: exact, exact: true } : { lang: other, url: `${nearby}#${onlyInFragment(lang)}`, exact: false };
}

/**
 * The language switch of a page whose counterpart `url` in the other language may be empty:
 * there when it lists posts, else the other language's home with the note.
 */
export function switchToListed(lang: Lang, url: string, listsPosts: boolean): PageBase["switchTo"] {
  const other = otherLang(lang);
  return listsPosts ? { lang: other, url, exact: true } : switchOrNearby(lang, {}, urls.langHome(other));
}

/** A page of language `lang` near an untranslated post, and what it is (the translation note names it). */
export interface Nearby {
  lang: Lang;
  url: string;
  scope: "week" | "kind" | "home";
}

/**
 * The post's week page in `lang`, else its kind's list there, else that language's home. Never
 * an empty list: a week page exists only for a week with posts, a kind list is taken only when it has some.
 */
export function nearbyPage(context: Pick<Collections, "weeks" | "byKind">, lang: Lang, week: string, kind: Kind): Nearby {
  if (context.weeks[lang].has(week)) return { lang, url: urls.weekHub(lang, week), scope: "week" };
  if (context.byKind[lang][kind].length) return { lang, url: urls.kindList(lang, kind), scope: "kind" };
  return { lang, url: urls.langHome(lang), scope: "home" };
}

/** A line that stands in for an empty list of one kind: the other language's posts of that kind, counted. */
export interface Pointer {
  lang: Lang;
  kind: Kind;
  count: number;
  url: string;
}

/** A pointer when this list (`own` posts) is empty and the other language's matching one (`count` posts) is not. */
export function pointerTo(own: number, lang: Lang, kind: Kind, count: number, url: string): Pointer | undefined {
  return own === 0 && count > 0 ? { lang, kind, count, url } : undefined;
}

/**
 * The pages of one group of posts (a tag, an author) in one language, paginated. The other
 * language's group with the same id is the first page's alternate and the switch target;
 * without one, the switch lands on `nearby` with a note.
 */
export function groupPages<T>(lang: Lang, items: T[], size: number, url: (lang: Lang, page?: number) => string, translated: boolean, nearby: string): (PageBase & Paged<T>)[] {
  const other = otherLang(lang);
  return paginate(items, size, (n) => url(lang, n)).map((chunk) => ({
    ...chunk,
    lang,
    url: url(lang, chunk.pageNumber),
    alternates: alternatesOf([
      [lang, url(lang, chunk.pageNumber)],
      [other, chunk.pageNumber === 1 && translated ? url(other) : undefined],
    ]),
    switchTo: translated ? { lang: other, url: url(other), exact: true } : switchOrNearby(lang, {}, nearby),
  }));
}

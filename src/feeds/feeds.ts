import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import { KINDS, LANGS, type Kind, type Lang, type SiteConfig } from "../config.ts";
import { t } from "../i18n/strings.ts";
import type { PageBase, PostPage, SiteIndex } from "../site/site.ts";
import { absolutizeHtml, absoluteUrl } from "./absolute.ts";
import { rfc3339, zoneFeedDates } from "./dates.ts";

export type FeedFormat = "atom" | "rss" | "json";

export const FEED_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

/** One feed: which posts, in which format, at which URL. */
export interface FeedSpec {
  url: string;
  format: FeedFormat;
  lang: Lang;
  scope: "all" | "kind" | "tag";
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  pageUrl: string;
  entries: PostPage[];
}

export interface FeedFile {
  url: string;
  body: string;
}

export interface FeedsPage extends PageBase {
  groups: { scope: FeedSpec["scope"]; feeds: { url: string; format: FeedFormat; title: string; count: number }[] }[];
}

export const feedUrls = {
  atom: (lang: Lang) => `/${lang}/feed.xml`,
  rss: (lang: Lang) => `/${lang}/rss.xml`,
  json: (lang: Lang) => `/${lang}/feed.json`,
  kind: (lang: Lang, kind: Kind) => `/${lang}/${kind}/feed.xml`,
  tag: (tagPageUrl: string) => `${tagPageUrl}feed.xml`,
  index: (lang: Lang) => `/${lang}/feeds/`,
};

/** Every feed of the site; entries are newest first and capped at `config.feedSize`. */
export function defineFeeds(blog: SiteIndex, config: SiteConfig): FeedSpec[] {
  const specs: FeedSpec[] = [];
  const cap = (pages: PostPage[]) => pages.slice(0, config.feedSize);
  for (const lang of LANGS) {
    const siteTitle = config.title[lang];
    const all = cap(blog.collections.byLang[lang]);
    for (const format of ["atom", "rss", "json"] as const) {
      specs.push({ url: feedUrls[format](lang), format, lang, scope: "all", title: siteTitle, description: config.description[lang], pageUrl: `/${lang}/`, entries: all });
    }
    for (const kind of KINDS) {
      const entries = cap(blog.collections.byKind.get(`${lang}/${kind}`) ?? []);
      specs.push({
        url: feedUrls.kind(lang, kind),
        format: "atom",
        lang,
        scope: "kind",
        title: `${siteTitle} · ${t(lang, `kindPlural.${kind}`)}`,
        description: t(lang, `kindIntro.${kind}`),
        pageUrl: `/${lang}/${kind}/`,
        entries,
      });
    }
    for (const tag of blog.collections.byTag) {
      if (tag.lang !== lang) continue;
      specs.push({
        url: feedUrls.tag(tag.url),
        format: "atom",
        lang,
        scope: "tag",
        title: `${siteTitle} · ${t(lang, "tagTitle", { tag: tag.name })}`,
        description: t(lang, "tagTitle", { tag: tag.name }),
        pageUrl: tag.url,
        entries: cap(tag.posts),
      });
    }
  }
  return specs;
}

/** The instant a feed last changed: its newest entry, never the build time, so builds are reproducible. */
function updatedOf(spec: FeedSpec, fallback: Date): Date {
  return spec.entries[0]?.post.date ?? fallback;
}

const LANG_TAGS: Record<Lang, string> = { zh: "zh-CN", en: "en" };

interface Entry {
  url: string;
  title: string;
  summary: string;
  html: string;
  date: Date;
  authors: string[];
  tags: string[];
  image?: string;
}

function entryOf(page: PostPage, siteUrl: string): Entry {
  const url = absoluteUrl(page.url, siteUrl);
  const image = page.post.cover ? absoluteUrl(page.post.cover.src, siteUrl) : undefined;
  const cover = page.post.cover ? `<p><img src="${escapeAttr(image!)}" alt="${escapeAttr(page.post.cover.alt)}"></p>` : "";
  return {
    url,
    title: page.post.title,
    summary: page.post.description,
    // Heading permalinks help on the page; in a feed reader they are noise.
    html: cover + absolutizeHtml(page.html.replace(/ ?<a class="heading-anchor"[^>]*>#<\/a>/g, ""), page.url, siteUrl),
    date: page.post.date,
    authors: page.post.authors,
    tags: page.post.tags,
    image,
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Renders one feed to text. `pathPrefix` places the CSS stylesheet that makes Atom and RSS
 * readable in a browser without XSLT. Dates carry the site's offset, so the day a reader
 * sees is the day the post is dated.
 */
export function renderFeed(spec: FeedSpec, config: SiteConfig, options: { pathPrefix: string; fallbackDate: Date }): string {
  const feedUrl = absoluteUrl(spec.url, config.url);
  const pageUrl = absoluteUrl(spec.pageUrl, config.url);
  // The page that lists every feed; the stylesheet shows its address to a person who opened a feed.
  const feedsPage = { href: absoluteUrl(feedUrls.index(spec.lang), config.url), rel: "related", type: "text/html" };
  const updated = updatedOf(spec, options.fallbackDate);
  const entries = spec.entries.map((page) => entryOf(page, config.url));
  const stylesheets = [{ type: "text/css", href: `${options.pathPrefix}assets/feed.css` }];
  const zone = config.timeZone;
  // The publisher is the feed's author, so an entry without authors still has one (RFC 4287 §4.1.2, JSON Feed 1.1).
  const publisher = [{ name: config.publisher }];

  if (spec.format === "atom") {
    const xml = generateAtomFeed(
      {
        id: feedUrl,
        title: { type: "text", value: spec.title },
        subtitle: { type: "text", value: spec.description },
        updated,
        authors: publisher,
        links: [
          { href: feedUrl, rel: "self", type: FEED_TYPES.atom },
          { href: pageUrl, rel: "alternate", type: "text/html" },
          feedsPage,
        ],
        generator: { text: "Eleventy" },
        xml: { lang: LANG_TAGS[spec.lang] },
        entries: entries.map((e) => ({
          id: e.url,
          title: { type: "text", value: e.title },
          links: [{ href: e.url, rel: "alternate", type: "text/html" }],
          published: e.date,
          updated: e.date,
          summary: { type: "text", value: e.summary },
          content: { type: "html", value: e.html },
          authors: e.authors.map((name) => ({ name })),
          categories: e.tags.map((term) => ({ term })),
        })),
      },
      { stylesheets },
    );
    return zoneFeedDates(xml, zone);
  }
  if (spec.format === "rss") {
    const xml = generateRssFeed(
      {
        title: spec.title,
        link: pageUrl,
        description: spec.description,
        language: LANG_TAGS[spec.lang],
        lastBuildDate: updated,
        atom: { links: [{ href: feedUrl, rel: "self", type: FEED_TYPES.rss }, feedsPage] },
        items: entries.map((e) => ({
          title: e.title,
          link: e.url,
          guid: { value: e.url, isPermaLink: true },
          pubDate: e.date,
          // RSS readers take an item's description as HTML: a "<" in the plain-text summary must not open a tag there.
          description: e.summary.replace(/</g, "&lt;"),
          content: { encoded: e.html },
          categories: e.tags.map((name) => ({ name })),
          dc: e.authors.length ? { creators: e.authors } : undefined,
        })),
      },
      { stylesheets },
    );
    return zoneFeedDates(xml, zone);
  }
  // JSON Feed 1.1: authors and tags, when present, hold at least one value; empty values are left out.
  const json = generateJsonFeed({
    title: spec.title,
    home_page_url: pageUrl,
    feed_url: feedUrl,
    description: spec.description || undefined,
    language: LANG_TAGS[spec.lang],
    authors: publisher,
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      summary: e.summary || undefined,
      content_html: e.html,
      image: e.image,
      authors: e.authors.length ? e.authors.map((name) => ({ name })) : undefined,
      tags: e.tags.length ? e.tags : undefined,
    })),
  }) as { items?: object[] };
  // Dates are added here, as feedsmith would write them in UTC; an empty item list, which it drops, stays (JSON Feed requires it).
  const items = entries.map((e, i) => ({ ...json.items![i], date_published: rfc3339(e.date, zone), date_modified: rfc3339(e.date, zone) }));
  return JSON.stringify({ ...json, items }, null, 2);
}

/** Every feed file and the per-language page that lists them. */
export function buildFeeds(blog: SiteIndex, config: SiteConfig, pathPrefix: string): { files: FeedFile[]; pages: FeedsPage[] } {
  const specs = defineFeeds(blog, config);
  const newest = blog.posts[0]?.post.date ?? new Date(0);
  const files = specs.map((spec) => ({ url: spec.url, body: renderFeed(spec, config, { pathPrefix, fallbackDate: newest }) }));
  const pages: FeedsPage[] = LANGS.map((lang) => {
    const other: Lang = lang === "zh" ? "en" : "zh";
    const mine = specs.filter((s) => s.lang === lang);
    return {
      lang,
      url: feedUrls.index(lang),
      alternates: { zh: feedUrls.index("zh"), en: feedUrls.index("en") },
      switchTo: { lang: other, url: feedUrls.index(other), exact: true },
      groups: (["all", "kind", "tag"] as const).map((scope) => ({
        scope,
        feeds: mine.filter((s) => s.scope === scope).map((s) => ({ url: s.url, format: s.format, title: s.title, count: s.entries.length })),
      })),
    };
  });
  return { files, pages };
}


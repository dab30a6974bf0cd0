import { generateAtomFeed, generateJsonFeed, generateRssFeed } from "feedsmith";
import { LANG_TAGS, type Kind, type Lang, type SiteConfig } from "../config.ts";
import type { PostEntry } from "../collections/entries.ts";
import { absolutizeHtml, absoluteUrl } from "./absolute.ts";
import { rfc3339, zoneFeedDates } from "./dates.ts";
import { formatDate } from "../i18n/dates.ts";
import { tn } from "../i18n/strings.ts";

export type FeedFormat = "atom" | "rss" | "json";

export const FEED_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

/** What a feed follows, in the order the feeds page lists them. */
export const FEED_SCOPES = ["all", "kind", "tag", "topic"] as const;
/** "moved": a feed kept at an old address for its subscribers (a merged tag's), not listed. */
export type FeedScope = (typeof FEED_SCOPES)[number] | "moved";

/** One feed: which posts, in which format, at which URL. Page types define them. */
export interface FeedSpec {
  url: string;
  format: FeedFormat;
  lang: Lang;
  scope: FeedScope;
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  pageUrl: string;
  /** Newest first, at most the site's `feedSize`. */
  entries: PostEntry[];
  /** An entry's content as HTML (links may be site-relative); default: the post's whole body. */
  contentOf?: (entry: PostEntry) => string;
}

export interface FeedFile {
  url: string;
  body: string;
}

export const feedUrls = {
  atom: (lang: Lang) => `/${lang}/feed.xml`,
  rss: (lang: Lang) => `/${lang}/rss.xml`,
  json: (lang: Lang) => `/${lang}/feed.json`,
  kind: (lang: Lang, kind: Kind) => `/${lang}/${kind}/feed.xml`,
  tag: (tagPageUrl: string) => `${tagPageUrl}feed.xml`,
  topic: (topicPageUrl: string) => `${topicPageUrl}feed.xml`,
  index: (lang: Lang) => `/${lang}/feeds/`,
};

/** When a post last changed: its `updated` (or latest correction), else its publication. */
const changedAt = (entry: PostEntry) => entry.post.updated ?? entry.post.date;

/** The instant a feed last changed: its latest entry change, never the build time, so builds are reproducible. */
function updatedOf(spec: FeedSpec, fallback: Date): Date {
  let latest: Date | undefined;
  for (const entry of spec.entries) if (!latest || changedAt(entry) > latest) latest = changedAt(entry);
  return latest ?? fallback;
}


interface Entry {
  url: string;
  title: string;
  summary: string;
  html: string;
  date: Date;
  updated: Date;
  authors: string[];
  tags: string[];
  image?: string;
}

/**
 * A post as feeds carry it, made once per post and site URL however many feeds carry it (the
 * language's, its kind's, its tags'); made again when watch mode has re-rendered the post.
 */
const madeEntries = new WeakMap<PostEntry, { html: string; siteUrl: string; entry: Entry }>();

function feedEntryOf(page: PostEntry, siteUrl: string, zone: string, contentOf?: (entry: PostEntry) => string): Entry {
  if (contentOf) return { ...feedEntryOf(page, siteUrl, zone), html: absolutizeHtml(contentOf(page), page.url, siteUrl) };
  const made = madeEntries.get(page);
  if (made && made.html === page.html && made.siteUrl === siteUrl) return made.entry;
  const entry = makeFeedEntry(page, siteUrl, zone);
  madeEntries.set(page, { html: page.html, siteUrl, entry });
  return entry;
}

/** A post's corrections at the top of its feed content, so a subscriber sees what changed. */
function correctionsHtml(page: PostEntry, zone: string): string {
  if (!page.corrections.length) return "";
  const lang = page.post.lang;
  const items = page.corrections.map((c) => `<li><strong>${formatDate(c.date, lang, zone)}</strong> ${c.html.trim()}</li>`);
  return `<section><p><strong>${tn(lang, "corrections", page.corrections.length)}</strong></p><ul>${items.join("")}</ul></section>`;
}

function makeFeedEntry(page: PostEntry, siteUrl: string, zone: string): Entry {
  const url = absoluteUrl(page.url, siteUrl);
  const image = page.post.cover ? absoluteUrl(page.post.cover.src, siteUrl) : undefined;
  const cover = page.post.cover ? `<p><img src="${escapeAttr(image!)}" alt="${escapeAttr(page.post.cover.alt)}"></p>` : "";
  return {
    url,
    title: page.post.title,
    summary: page.post.description,
    // Heading permalinks help on the page; in a feed reader they are noise.
    html: cover + absolutizeHtml(correctionsHtml(page, zone) + page.html.replace(/ ?<a class="heading-anchor"[^>]*>#<\/a>/g, ""), page.url, siteUrl),
    date: page.post.date,
    updated: changedAt(page),
    authors: page.post.authors,
    tags: page.tagNames,
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
  const entries = spec.entries.map((page) => feedEntryOf(page, config.url, config.timeZone, spec.contentOf));
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
          updated: e.updated,
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
  const items = entries.map((e, i) => ({ ...json.items![i], date_published: rfc3339(e.date, zone), date_modified: rfc3339(e.updated, zone) }));
  return JSON.stringify({ ...json, items }, null, 2);
}

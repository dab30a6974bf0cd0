import { LANG_TAGS, LANGS, type Lang, type SiteConfig } from "../config.ts";
import { SCHEMA_ORG_TYPES } from "../entities/registry.ts";
import { absoluteUrl } from "../feeds/absolute.ts";
import { isoDateTime } from "../i18n/dates.ts";
import { t } from "../i18n/strings.ts";
import type { PostPage } from "./posts/post.ts";

/**
 * The site's default link-preview image: assets/share.png, rendered by
 * scripts/share-image.ts. Pages without a share image of their own (src/share/) show it.
 */
export const DEFAULT_SHARE_IMAGE = { src: "/assets/share.png", width: 1200, height: 630 } as const;

/** A link-preview image; width and height only where they are known (the default image). */
export interface ShareImage {
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

type SiteNames = Pick<SiteConfig, "title" | "description">;

/** The default share image in a language, its alt text saying what the image shows: the site's names in every language and the tagline. */
export function defaultShareImage(lang: Lang, config: SiteNames): ShareImage {
  const site = LANGS.map((l) => config.title[l]).join(" · ");
  return { ...DEFAULT_SHARE_IMAGE, alt: t(lang, "shareImageAlt", { site, tagline: config.description[lang] }) };
}

/** JSON for a <script type="application/ld+json"> block: no "<" can end the script or open a comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** schema.org NewsArticle of a post page. */
export function newsArticle(page: PostPage, config: SiteConfig): Record<string, unknown> {
  const post = page.post;
  const url = absoluteUrl(page.url, config.url);
  const published = isoDateTime(post.date, config.timeZone);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
    description: post.description,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: published,
    dateModified: post.updated ? isoDateTime(post.updated, config.timeZone) : published,
    inLanguage: LANG_TAGS[post.lang],
    author: post.authors.length
      ? page.authorLinks.map((a) => ({ "@type": "Person", name: a.title, url: absoluteUrl(a.url, config.url) }))
      : [{ "@type": "Organization", name: config.publisher }],
    keywords: [...new Set([...page.tagNames, ...post.keywords])],
    // The drawn card (1200×630, the title on it), then the cover in its own proportions.
    image: [page.shareImage?.src ?? DEFAULT_SHARE_IMAGE.src, ...(post.cover ? [post.cover.src] : [])].map((src) => absoluteUrl(src, config.url)),
    publisher: { "@type": "Organization", name: config.publisher, url: config.url },
    ...entitiesOf(page, config),
    ...(page.series ? { isPartOf: { "@type": "CreativeWorkSeries", name: page.series.name, url: absoluteUrl(page.series.url, config.url) } } : {}),
    ...(page.corrections.length
      ? { correction: page.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: isoDateTime(c.date, config.timeZone) })) }
      : {}),
  };
}

/** `about`: what the title names or the front matter adds; `mentions`: every other entity in the post. */
function entitiesOf(page: PostPage, config: SiteConfig): Record<string, unknown> {
  const thing = (e: PostPage["entityLinks"][number]) => ({
    "@type": SCHEMA_ORG_TYPES[e.type],
    name: e.title,
    url: absoluteUrl(e.url, config.url),
    ...(e.homepage ? { sameAs: [e.homepage] } : {}),
  });
  const about = page.entityLinks.filter((e) => e.about).map(thing);
  const mentions = page.entityLinks.filter((e) => !e.about).map(thing);
  return { ...(about.length ? { about } : {}), ...(mentions.length ? { mentions } : {}) };
}

/**
 * schema.org ItemList of a post's news items: each item's headline, its address in the page,
 * and the pages it cites. Undefined for a post without items.
 */
export function itemList(page: PostPage, config: SiteConfig): Record<string, unknown> | undefined {
  const items = page.items.filter((item) => item.anchor);
  if (items.length === 0) return undefined;
  const url = absoluteUrl(page.url, config.url);
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name: page.post.title,
    url,
    numberOfItems: items.length,
    itemListElement: items.map((item, i) => ({
      "@type": "ListItem",
      position: i + 1,
      url: `${url}#${item.anchor}`,
      name: item.headline,
      item: {
        "@type": "CreativeWork",
        "@id": `${url}#${item.anchor}`,
        headline: item.headline,
        url: `${url}#${item.anchor}`,
        ...(item.sources.length ? { isBasedOn: [...new Set(item.sources)] } : {}),
      },
    })),
  };
}

export function itemListJsonLd(page: PostPage, config: SiteConfig): string {
  const list = itemList(page, config);
  return list ? scriptSafeJson(list) : "";
}

export function newsArticleJsonLd(page: PostPage, config: SiteConfig): string {
  return scriptSafeJson(newsArticle(page, config));
}

import type { SiteConfig } from "../config.ts";
import { absoluteUrl } from "../feeds/absolute.ts";
import { isoDateTime } from "../i18n/dates.ts";
import type { PostPage } from "./site.ts";

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
    dateModified: published,
    inLanguage: post.lang === "zh" ? "zh-CN" : "en",
    author: post.authors.length
      ? page.authorLinks.map((a) => ({ "@type": "Person", name: a.title, url: absoluteUrl(a.url, config.url) }))
      : [{ "@type": "Organization", name: config.publisher }],
    keywords: [...new Set([...post.tags, ...post.keywords])],
    ...(post.cover ? { image: [absoluteUrl(post.cover.src, config.url)] } : {}),
    publisher: { "@type": "Organization", name: config.publisher, url: config.url },
  };
}

export function newsArticleJsonLd(page: PostPage, config: SiteConfig): string {
  return scriptSafeJson(newsArticle(page, config));
}

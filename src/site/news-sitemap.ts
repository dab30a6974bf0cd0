import type { Lang, SiteConfig } from "../config.ts";
import type { PostEntry } from "../collections/entries.ts";
import { isoDateTime } from "../i18n/dates.ts";
import { loc, xmlText } from "./sitemap.ts";

/** Google News reads only articles of the last two days; older ones are left out. */
export const NEWS_WINDOW_HOURS = 48;
/** Google News reads at most this many URLs from one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

/** The publication's language as Google News spells it: Simplified Chinese is "zh-cn". */
const NEWS_LANGUAGE: Record<Lang, string> = { zh: "zh-cn", en: "en" };

/**
 * news-sitemap.xml in the Google News format: every published post of the last 48 hours
 * before `now` (the build's moment), newest first, each under its language's publication
 * name and language. Empty (a valid urlset) when nothing is that new.
 */
export function buildNewsSitemap(entries: readonly PostEntry[], config: SiteConfig, now: Date): string {
  const since = now.getTime() - NEWS_WINDOW_HOURS * 3600_000;
  const recent = entries
    .filter((e) => e.status === "published" && e.post.date.getTime() >= since && e.post.date.getTime() <= now.getTime())
    .slice(0, NEWS_SITEMAP_LIMIT);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ];
  for (const { post, url } of recent) {
    lines.push(
      "  <url>",
      `    <loc>${loc(url, config)}</loc>`,
      "    <news:news>",
      "      <news:publication>",
      `        <news:name>${xmlText(config.title[post.lang])}</news:name>`,
      `        <news:language>${NEWS_LANGUAGE[post.lang]}</news:language>`,
      "      </news:publication>",
      `      <news:publication_date>${isoDateTime(post.date, config.timeZone)}</news:publication_date>`,
      `      <news:title>${xmlText(post.title)}</news:title>`,
      "    </news:news>",
      "  </url>",
    );
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

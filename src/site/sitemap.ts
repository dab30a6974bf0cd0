import { LANG_TAGS, type Lang, type SiteConfig } from "../config.ts";
import { absoluteUrl } from "../feeds/absolute.ts";
import type { SitemapEntry } from "../pages/page-type.ts";


/** Sitemaps want plain URIs: Chinese path segments are percent-encoded. */
export const loc = (url: string, config: SiteConfig) => xmlText(encodeURI(absoluteUrl(url, config.url)));

/** Text safe inside XML: escaped, and without characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * sitemap.xml: every HTML page, with hreflang alternates where a page exists in both
 * languages and the post date as lastmod. Redirect pages are left out.
 */
export function buildSitemap(pages: SitemapEntry[], config: SiteConfig): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages) {
    lines.push("  <url>", `    <loc>${loc(page.url, config)}</loc>`);
    if (page.lastmod) lines.push(`    <lastmod>${page.lastmod}</lastmod>`);
    const alternates = Object.entries(page.alternates) as [Lang, string][];
    if (alternates.length > 1) {
      for (const [lang, url] of alternates) {
        lines.push(`    <xhtml:link rel="alternate" hreflang="${LANG_TAGS[lang]}" href="${loc(url, config)}"/>`);
      }
      const fallback = page.alternates[config.defaultLang] ?? page.url;
      lines.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${loc(fallback, config)}"/>`);
    }
    lines.push("  </url>");
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

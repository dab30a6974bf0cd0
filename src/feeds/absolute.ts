import { mapSrcset } from "./srcset.ts";

/**
 * Makes every URL of post HTML absolute for feeds, where readers have no base URL: each
 * href and src, and each candidate of a srcset. The HTML is our own sanitizer's output
 * (attributes always double-quoted), so matching those attributes is enough; nothing else
 * in the markup changes.
 */
export function absolutizeHtml(html: string, pageUrl: string, siteUrl: string): string {
  const page = absoluteUrl(pageUrl, siteUrl);
  const resolve = (url: string) => resolveUrl(url, page, siteUrl);
  return html.replace(/\s(href|src|srcset)="([^"]*)"/g, (_, attr: string, value: string) =>
    ` ${attr}="${attr === "srcset" ? mapSrcset(value, resolve) : resolve(value)}"`,
  );
}

/**
 * One URL of a page's HTML as an absolute URL: a site path ("/zh/x/") lands below the site
 * URL (which carries any path prefix), a fragment or a relative path resolves against the
 * page's absolute URL, and a URL with a scheme stays as it is.
 */
export function resolveUrl(url: string, pageAbsoluteUrl: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (url === "" || url.startsWith("#")) return pageAbsoluteUrl + url;
  if (url.startsWith("/") && !url.startsWith("//")) return absoluteUrl(url, siteUrl);
  return new URL(url, pageAbsoluteUrl).href;
}

/** A site-relative URL ("/zh/x/") as an absolute one below the site URL (which carries any path prefix). */
export function absoluteUrl(url: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return siteUrl.replace(/\/$/, "") + (url.startsWith("/") ? url : `/${url}`);
}

/**
 * Makes the links of post HTML absolute for feeds, where readers have no base URL.
 * The HTML is our own sanitizer's output (attributes always double-quoted), so matching
 * href/src attributes is enough; nothing else in the markup changes.
 */
export function absolutizeHtml(html: string, pageUrl: string, siteUrl: string): string {
  const root = siteUrl.replace(/\/$/, "");
  return html.replace(/\s(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    if (value.startsWith("#")) return ` ${attr}="${absoluteUrl(pageUrl, siteUrl)}${value}"`;
    if (value.startsWith("/") && !value.startsWith("//")) return ` ${attr}="${root}${value}"`;
    return whole;
  });
}

/** A site-relative URL ("/zh/x/") as an absolute one below the site URL (which carries any path prefix). */
export function absoluteUrl(url: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return siteUrl.replace(/\/$/, "") + (url.startsWith("/") ? url : `/${url}`);
}

/** Reads the site URL (env SITE_URL over the configured default); fails with a clear message. */
export function resolveSiteUrl(value: string | undefined, fallback: string): { url: string; pathPrefix: string } {
  const raw = value?.trim() || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`SITE_URL: "${raw}" is not a URL; expected an absolute http(s) URL such as https://example.com/ or https://user.github.io/blog/`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || parsed.username) {
    throw new Error(`SITE_URL: "${raw}" must be a plain http(s) URL without query, fragment or credentials, such as https://user.github.io/blog/`);
  }
  const pathPrefix = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  return { url: `${parsed.origin}${pathPrefix}`, pathPrefix };
}

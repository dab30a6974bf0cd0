/**
 * Query parameters that say how a reader arrived, not what they read: campaign tags, click
 * ids, share parameters. Two links that differ only in these are the same page.
 */
const TRACKING_PARAMETERS: RegExp[] = [
  /^utm_\w+$/i,
  /^(?:fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|ttclid|li_fat_id)$/i,
  /^(?:mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|vero_id|oly_enc_id|oly_anon_id|rb_clickid|s_cid|ncid|cmpid)$/i,
  /^(?:ref|ref_src|ref_url|referrer|via|share|share_from|share_token|shareid|from|spm|scm|si|feature|vt|__twitter_impression)$/i,
];

/** A WeChat Official Account article is its __biz, mid, idx and sn; the rest is the reader's session. */
const WECHAT_ARTICLE_HOST = "mp.weixin.qq.com";
const WECHAT_ARTICLE_PARAMETERS = new Set(["__biz", "mid", "idx", "sn"]);

/** Hosts that serve one page under several names: the key uses the first. */
const HOST_ALIASES = new Map([
  ["twitter.com", "x.com"],
  ["mobile.twitter.com", "x.com"],
  ["mobile.x.com", "x.com"],
  ["youtu.be", "youtube.com"],
]);
/** Hosts whose pages are their paths alone: a post on X is /user/status/id whatever the query says. */
const PATH_ONLY_HOSTS = new Set(["x.com"]);

const byNameThenValue = ([a, av]: [string, string], [b, bv]: [string, string]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0);

/**
 * The key two items share when they cite the same page: host without `www.`, `m.` or `amp.`
 * (and one name for X and YouTube), path without trailing slash or AMP segment, the query
 * without tracking parameters and sorted; scheme and fragment left out. The WHATWG URL parser
 * does the rest (host case, default ports, percent-encoding, whose hex digits are then
 * uppercased). Returns undefined for what cannot identify a story: anything but http(s), a
 * site's front page, a WeChat link that does not name its article. (normalize-url does
 * most of this at 15 µs a link, 4 s for a ten-year archive; this takes about 2.)
 */
export function sourceKey(href: string): string | undefined {
  const trimmed = href.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const bare = url.hostname.replace(/^(?:www|m|amp)\./, "");
  const hostname = HOST_ALIASES.get(bare) ?? bare;
  const host = hostname + (url.port ? `:${url.port}` : "");
  let pagePath = url.pathname
    .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
    .replace(/^\/amp(?=\/)|\/amp(?:\.html)?\/?$/i, "")
    .replace(/\/+$/, "");
  let params = url.search.length > 1 ? [...url.searchParams] : [];
  if (bare === "youtu.be" && pagePath) {
    params = [["v", pagePath.slice(1)]];
    pagePath = "/watch";
  }
  if (hostname === WECHAT_ARTICLE_HOST) {
    params = params.filter(([name]) => WECHAT_ARTICLE_PARAMETERS.has(name));
    // A search result or profile link ("/s?src=11&timestamp=…") names no article.
    if (pagePath === "/s" && params.length < WECHAT_ARTICLE_PARAMETERS.size) return undefined;
    if (pagePath !== "/s" && !pagePath.startsWith("/s/")) return undefined;
  } else if (PATH_ONLY_HOSTS.has(hostname)) params = [];
  else params = params.filter(([name]) => name !== "amp" && !TRACKING_PARAMETERS.some((re) => re.test(name)));
  const query = params.length ? `?${new URLSearchParams(params.sort(byNameThenValue)).toString()}` : "";
  // A front page ("36kr.com/") is where many stories come from, not one of them; "blog.com/?p=12" is a post.
  if (!pagePath && !query) return undefined;
  return host + pagePath + query;
}

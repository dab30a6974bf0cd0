import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { inlineText } from "./news-items.ts";

/** A link to where a post's news came from, for the list of sources under the post. */
export interface Source {
  url: string;
  /** What the link is about: the news item's headline for a source line, else the link's text. */
  title: string;
  /** Who published it: the text of a source line's link ("扬子晚报"), else empty. */
  outlet: string;
  host: string;
}

interface SourcesEnv {
  /** Filled with the post's sources, each once, in order, when given. */
  sources?: Source[];
  siteOrigin?: string;
}

/** Links that invite the reader somewhere (chats, subscriptions) rather than cite a source. */
const PROMOTION_HOSTS = /^(?:t\.me|telegram\.me|telegram\.dog|discord\.gg|discord\.com|wa\.me|chat\.whatsapp\.com|mailchi\.mp|eepurl\.com)$/;
const PROMOTION_TEXT = /订阅(?:我们|本|号|周报|日报)|立即订阅|关注我们|加入(?:我们|群)|扫码|subscribe (?:to|now|here)|sign up|join (?:us|our)|follow us/i;

function isPromotion(url: URL, text: string): boolean {
  return PROMOTION_HOSTS.test(url.host.replace(/^www\./, "")) || PROMOTION_TEXT.test(text);
}

const linkText = (children: Token[], open: number) => {
  const inner: Token[] = [];
  for (let j = open + 1; j < children.length && children[j]!.type !== "link_close"; j++) inner.push(children[j]!);
  return inlineText(inner);
};

/**
 * Collects the external links of a post as sources, leaving out the ones a reader already
 * sees as headlines (a heading that is a link, a list of links, a paragraph that is one
 * link) and promotions. A link on a news item's source line ("来源：[扬子晚报](…)") becomes
 * the item's headline with the outlet beside it. Links inside raw HTML (promotion cards)
 * are not Markdown links and never count.
 */
function collectSources(state: StateCore): void {
  const env = state.env as SourcesEnv;
  if (!env.sources) return;
  const shown = new Set<string>();
  const candidates: Source[] = [];
  let headline = "";
  let inHeading = false;
  let listItemStart = false;
  state.tokens.forEach((token, i) => {
    if (token.type === "news_item_open") headline = inlineText(state.tokens[i + 2]?.children ?? []);
    if (token.type === "news_item_close") headline = "";
    if (token.type === "heading_open") inHeading = true;
    if (token.type === "heading_close") inHeading = false;
    if (token.type === "list_item_open") listItemStart = true;
    else if (token.type !== "paragraph_open" && token.type !== "inline") listItemStart = false;
    if (token.type !== "inline" || !token.children) return;
    const children = token.children;
    if (!children.some((c) => c.type === "link_open")) {
      listItemStart = false;
      return;
    }
    const sourceLine = state.tokens[i - 1]?.attrGet("class")?.includes("news-source") ?? false;
    const firstLink = children.findIndex((c) => c.type !== "text" || c.content.trim() !== "");
    const wholeLink = children.at(-1)?.type === "link_close" && children.filter((c) => c.type === "link_open").length === 1;
    children.forEach((child, j) => {
      if (child.type !== "link_open") return;
      const href = child.attrGet("href") ?? "";
      if (!/^https?:\/\//i.test(href)) return;
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        return;
      }
      if (env.siteOrigin && url.origin === env.siteOrigin) return;
      const text = linkText(children, j);
      if (inHeading || ((listItemStart || wholeLink) && j === firstLink)) shown.add(href);
      if (isPromotion(url, text)) return;
      const host = url.host.replace(/^www\./, "");
      // Outside an item a source line's link is simply named by its text.
      const outlet = sourceLine && headline && text && text !== href ? text : "";
      candidates.push({ url: href, title: (sourceLine && headline) || text || href, outlet: outlet === host ? "" : outlet, host });
    });
    listItemStart = false;
  });
  const listed = new Set<string>();
  for (const source of candidates) {
    if (shown.has(source.url) || listed.has(source.url)) continue;
    listed.add(source.url);
    env.sources.push(source);
  }
}

export function sourcesPlugin(md: MarkdownIt): void {
  md.core.ruler.push("collect_sources", collectSources);
}

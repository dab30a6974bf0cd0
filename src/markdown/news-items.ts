import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";

/**
 * News items in a brief. Briefs are written as a run of items: a headline (a heading, or a
 * line on its own, often bold or a link), then labelled lines such as "说明：" or "Why it
 * matters:", bullets, and a source line. This plugin finds them in the token stream and
 * marks them up as units: each item a <section class="news-item"> whose headline is a
 * heading (so it gets a stable anchor from its own text, and a place in the table of
 * contents), each labelled line a paragraph of its own with its label in a span.
 *
 * Digests and deep dives are read with stricter rules ("post"): headings are items only when
 * they read as headlines (a link, or a labelled line under one), and a list whose entries open
 * with a bold line and cite a link ("- **OpenAI 发布 …**  \n  正文 \n  详情：[…](…)") is a
 * list of items, each <li> the unit. Without `newsItems` in the env a body renders as plain
 * Markdown.
 */

/** Labels editors put at the start of a line in a news item, in both languages. */
const FIELD_LABELS = [
  "说明", "简介", "摘要", "概要", "背景", "要点", "重点", "亮点", "详情", "影响", "意义", "点评", "解读", "分析", "观点", "数据",
  "Summary", "What happened", "Why it matters", "Background", "Context", "Key points", "Highlights", "Details", "Impact", "Takeaway", "Takeaways", "Analysis",
];
/** Labels of a source line: the item's link to where the news came from. */
const SOURCE_LABELS = ["来源", "来源出处", "出处", "原文", "原文链接", "链接", "Source", "Sources", "Via", "Link", "Read more"];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const LABEL_WORDS = [...FIELD_LABELS, ...SOURCE_LABELS].sort((a, b) => b.length - a.length).map(escapeRe).join("|");
/** A labelled line: the label, optionally bold, then a full-width or ASCII colon. */
const LABELLED_LINE = new RegExp(`^(?:\\*\\*|__)?(?:${LABEL_WORDS})(?:\\*\\*|__)?\\s*[：:]|^(?:\\*\\*|__)(?:${LABEL_WORDS})[：:](?:\\*\\*|__)`, "i");
const SOURCE_LABEL = new RegExp(`^(?:\\*\\*|__)?(?:${SOURCE_LABELS.map(escapeRe).join("|")})(?:\\*\\*|__)?\\s*[：:]`, "i");
/** A bold label the editor wrote at the start of a paragraph: "**深度解读 & 洞察：**". */
const BOLD_LABEL = /^[^\n]{1,24}[：:]\s*$/;
/** Where a headline line would be a sentence instead: it ends like one. */
const SENTENCE_END = /[。！？；.!?;：:…”"]$/;
/** A line that continues a source line: the link or address of the outlet it names. */
const SOURCE_CONTINUATION = /^(?:https?:\/\/|\[|<)/i;
const MAX_HEADLINE = 120;

/** A news item found in a body. */
export interface NewsItem {
  headline: string;
  /** 0-based line of the body where its headline is. */
  line: number;
  /** Whether it links to an outside page (a source). */
  hasSource: boolean;
  /** The http(s) links it cites, in order. */
  sources: string[];
  /** Sums of money it states ("5亿美元", "$500million"), each once: what tells two stories about one company apart. */
  amounts: string[];
  /** Its id in the page, once the renderer has given it one ("" before). */
  anchor: string;
  /** Where in the rendered HTML its last child ends (-1 before rendering, or when it was lost). */
  offset: number;
}

/** How news items are told apart: a daily brief is all items; other posts need clearer signs. */
export type NewsItemRules = "brief" | "post";

export interface NewsEnv {
  /** Recognise news items, with the rules of this kind of post. */
  newsItems?: NewsItemRules;
  /** Filled with each item found, in order, when recognition is on. */
  foundItems?: NewsItem[];
}

/** What an item's opening token carries: its headline; a list entry that is an item also its mark. */
export interface ItemMeta {
  newsItem: true;
  headline: string;
}

/** The opening token of a news item: a <section> around a headline, or an <li>. */
export const opensItem = (token: Token): boolean => token.type === "news_item_open" || (token.meta as ItemMeta | null)?.newsItem === true;
/** The closing token of a news item. */
export const closesItem = (token: Token): boolean => token.type === "news_item_close" || (token.meta as { newsItemEnd?: boolean } | null)?.newsItemEnd === true;

const lineAt = (state: StateBlock, line: number) => state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);

/**
 * Block rule used only as a paragraph terminator at the top level of a brief: a labelled
 * line starts a paragraph of its own, so "说明：" does not run on from the headline above
 * it and a "来源：" line after a list is not swallowed by the last bullet as a lazy
 * continuation; and the line after a source line starts afresh (the next item's headline),
 * unless it is the source's link. Inside lists and quotes lines are left as written.
 */
function labelledLineTerminator(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (!silent || !(state.env as NewsEnv).newsItems) return false;
  const lazy = state.sCount[startLine]! < state.blkIndent;
  if (state.level > 0 && !lazy) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const line = lineAt(state, startLine);
  if (LABELLED_LINE.test(line)) return true;
  return startLine > 0 && SOURCE_LABEL.test(lineAt(state, startLine - 1)) && !SOURCE_CONTINUATION.test(line);
}

type BlockKind = "heading" | "labelled" | "source" | "bold" | "line" | "other" | "rule";

interface Block {
  start: number;
  /** Index after the block's last token. */
  end: number;
  kind: BlockKind;
  /** Heading level, for headings. */
  level: number;
  /** A one-line paragraph that is entirely bold. */
  emphatic: boolean;
  /** A labelled line with nothing after its label ("要点：" above a list). */
  bare: boolean;
}

const meaningful = (children: Token[]) => children.filter((c) => !(c.type === "text" && c.content.trim() === ""));

/** The plain text of an inline token's children. */
export function inlineText(children: Token[]): string {
  return children.map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" ? " " : "")).join("").trim();
}

/** Whether children are wholly wrapped in one pair of `open`/`close` tokens. */
function wrappedIn(children: Token[], open: string, close: string): boolean {
  const m = meaningful(children);
  if (m[0]?.type !== open || m.at(-1)?.type !== close) return false;
  return m.filter((c) => c.type === open).length === 1;
}

function classify(tokens: Token[], start: number): Block {
  const token = tokens[start]!;
  let end = start + 1;
  if (token.nesting === 1) {
    let depth = 1;
    while (depth > 0 && end < tokens.length) depth += tokens[end++]!.nesting;
  }
  const block: Block = { start, end, kind: "other", level: 0, emphatic: false, bare: false };
  if (token.type === "heading_open") return { ...block, kind: "heading", level: Number(token.tag.slice(1)) };
  if (token.type === "hr") return { ...block, kind: "rule" };
  if (token.type !== "paragraph_open") return block;
  const children = tokens[start + 1]!.children ?? [];
  const text = inlineText(children);
  const label = labelOf(children);
  if (label) {
    const bare = label.kind === "plain" ? text.length <= label.length : children.length <= label.close + 2 && !/[^\s：:]/.test(children[label.close + 1]?.content ?? "");
    return { ...block, kind: SOURCE_LABEL.test(text) ? "source" : "labelled", bare };
  }
  const oneLine = !children.some((c) => c.type === "softbreak" || c.type === "hardbreak" || c.type === "image");
  if (!oneLine || !text || text.length > MAX_HEADLINE) return block;
  if (wrappedIn(children, "strong_open", "strong_close")) return { ...block, kind: "bold", emphatic: true };
  return { ...block, kind: "line" };
}

/**
 * The label at the start of a paragraph's inline children: a known label in plain text
 * ("说明：…"), or any short bold run ending in a colon ("**深度解读 & 洞察：**").
 * Returns how to split the children, or undefined when the paragraph has no label.
 */
function labelOf(children: Token[]): { kind: "plain"; length: number } | { kind: "bold"; close: number } | undefined {
  const first = children[0];
  if (!first) return undefined;
  if (first.type === "text") {
    const m = LABELLED_LINE.exec(first.content);
    return m && !m[0].startsWith("*") && !m[0].startsWith("_") ? { kind: "plain", length: m[0].length } : undefined;
  }
  if (first.type !== "strong_open") return undefined;
  const close = children.findIndex((c) => c.type === "strong_close");
  if (close < 0) return undefined;
  const inner = inlineText(children.slice(1, close));
  const after = children[close + 1];
  const colonInside = BOLD_LABEL.test(inner);
  const colonAfter = !/[：:]$/.test(inner) && after?.type === "text" && /^[：:]/.test(after.content) && inner.length <= 24;
  return colonInside || colonAfter ? { kind: "bold", close } : undefined;
}

/** Marks a labelled paragraph and its label: <p class="news-field"><span class="news-label">说明：</span>…. */
function markLabel(state: StateCore, paragraph: Token, inline: Token, source: boolean): void {
  paragraph.attrJoin("class", source ? "news-source" : "news-field");
  const children = inline.children!;
  const label = labelOf(children);
  if (!label) return;
  if (label.kind === "bold") {
    children[0]!.attrJoin("class", "news-label");
    return;
  }
  const first = children[0]!;
  const open = new state.Token("news_label_open", "span", 1);
  open.attrSet("class", "news-label");
  const text = new state.Token("text", "", 0);
  text.content = first.content.slice(0, label.length);
  const close = new state.Token("news_label_close", "span", -1);
  first.content = first.content.slice(label.length).trimStart();
  children.splice(0, first.content ? 0 : 1, open, text, close);
}

/** Turns a paragraph into a heading of `level`, dropping bold that wraps the whole line. */
function promote(tokens: Token[], block: Block, level: number): void {
  const open = tokens[block.start]!;
  const close = tokens[block.end - 1]!;
  open.type = "heading_open";
  close.type = "heading_close";
  open.tag = close.tag = `h${level}`;
  open.markup = close.markup = "#".repeat(level);
  const inline = tokens[block.start + 1]!;
  if (block.kind === "bold") {
    const children = inline.children!;
    inline.children = children.filter((c) => c.type !== "strong_open" && c.type !== "strong_close");
  }
}

/** Whether the heading at blocks[start] leads a news item: it is a link, or a labelled line is under it before blocks[end]. */
function leadsItem(tokens: Token[], blocks: Block[], start: number, end: number): boolean {
  if ((tokens[blocks[start]!.start + 1]!.children ?? []).some((c) => c.type === "link_open")) return true;
  for (let i = start + 1; i < end; i++) if (blocks[i]!.kind === "labelled" || blocks[i]!.kind === "source") return true;
  return false;
}

/** Whether headings of one level are news headlines: one is a link, or has a labelled line under it. */
function headingsLeadItems(tokens: Token[], blocks: Block[], level: number): boolean {
  let under = false;
  for (const b of blocks) {
    if (b.kind === "heading") {
      under = b.level === level;
      if (under && (tokens[b.start + 1]!.children ?? []).some((c) => c.type === "link_open")) return true;
    } else if (under && (b.kind === "labelled" || b.kind === "source")) return true;
  }
  return false;
}

/** The http(s) links among tokens, in order. */
function linksIn(tokens: Token[], from: number, to: number): string[] {
  const hrefs: string[] = [];
  for (let i = from; i < to; i++) {
    for (const c of tokens[i]!.children ?? []) {
      const href = c.type === "link_open" ? c.attrGet("href") : null;
      if (href && /^https?:/i.test(href)) hrefs.push(href);
    }
  }
  return hrefs;
}

/**
 * A sum of money as Chinese and English news write it, large enough to be news: "5亿美元",
 * "1.25 亿元", "$500 million", "€2bn"; not "20美元" or "$20", which many stories mention.
 * A number starts where no digit is before it: tried at every digit of a long run, the regex
 * backtracked through the rest of the run each time (a 100 KB run took 64 s).
 */
const MONEY = /(?<!\d)\d+(?:\.\d+)?\s*(?:万亿|千亿|百亿|亿|千万|百万|万)\s*(?:美元|人民币|元|欧元|英镑|日元|港元)|[$€£¥]\s?\d+(?:[.,]\d+)*\s?(?:trillion|billion|million|bn|[mb])\b/gi;

/** The sums of money in an item's text, normalized (no spaces, lowercase), each once. */
export function moneyAmounts(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(MONEY), (m) => m[0].replace(/\s+/g, "").toLowerCase()))];
}

function newItem(tokens: Token[], open: number, close: number, headline: string): NewsItem {
  const sources = linksIn(tokens, open, close);
  let text = "";
  for (let i = open; i < close; i++) if (tokens[i]!.type === "inline") text += `${tokens[i]!.content}\n`;
  return { headline, line: tokens[open]!.map?.[0] ?? 0, hasSource: sources.length > 0, sources, amounts: moneyAmounts(text), anchor: "", offset: -1 };
}

/** A bold lead followed by a colon or dash and text is a headline when it is this long: "**要点**：" is a label. */
const MIN_INLINE_HEADLINE = 8;
const LABEL_SET = new Set([...FIELD_LABELS, ...SOURCE_LABELS].map((label) => label.toLowerCase()));

/**
 * The headline of a list entry written as a digest's item: a line that is all bold, then a
 * line break ("- **OpenAI 发布 …**"), or a bold headline, a colon or dash and its text on one
 * line ("- **OpenAI ships GPT-5.3-Codex**: …"); undefined for any other entry, such as
 * "- **要点**：…", a bold label. `open` is the entry's list_item_open.
 */
export function boldLead(tokens: Token[], open: number): string | undefined {
  const inline = tokens[open + 2];
  if (tokens[open + 1]?.type !== "paragraph_open" || inline?.type !== "inline") return undefined;
  const children = meaningful(inline.children ?? []);
  const end = children.findIndex((c) => c.type === "strong_close");
  if (children[0]?.type !== "strong_open" || end < 0) return undefined;
  const headline = inlineText(children.slice(1, end)).replace(/[：:]$/, "").trim();
  if (!headline || headline.length > MAX_HEADLINE) return undefined;
  const after = children[end + 1];
  if (!after || after.type === "softbreak" || after.type === "hardbreak") return headline;
  const inlineLead = after.type === "text" && /^\s*(?:[：:]|[—–-]\s)/.test(after.content) || /[：:]$/.test(inlineText(children.slice(1, end)));
  return inlineLead && [...headline].length >= MIN_INLINE_HEADLINE && !LABEL_SET.has(headline.toLowerCase()) ? headline : undefined;
}

/** Characters of an entry's text outside its headline and its links' text: an item says something of its own. */
function ownText(tokens: Token[], open: number, close: number): number {
  let length = 0;
  let first = true;
  for (let i = open; i < close; i++) {
    const children = tokens[i]!.children;
    if (!children) continue;
    let depth = 0;
    let inLead = first;
    for (const c of children) {
      if (c.type === "link_open") depth++;
      else if (c.type === "link_close") depth--;
      else if (inLead && c.type === "strong_close") inLead = false;
      else if (c.type === "text" && depth === 0 && !inLead) length += c.content.replace(/[\s：:—–-]+/g, "").length;
    }
    first = false;
  }
  return length;
}

/** A list entry needs this much text of its own to be an item rather than a reference ("- **Latent Space** <url>"). */
const MIN_ITEM_TEXT = 8;

/** List entries that are items need company: one bold line in a list is emphasis, not a digest. */
const MIN_LIST_ITEMS = 2;

/**
 * Entries of top-level lists that are news items: the entry opens with a bold line (the bold
 * run is the whole first line) and cites a link. Marks each <li> and its close; returns
 * whether there were enough to be items.
 */
function markListItems(state: StateCore): boolean {
  const tokens = state.tokens;
  const env = state.env as NewsEnv;
  const found: { open: number; close: number; item: NewsItem }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "list_item_open" || token.level !== 1) continue;
    let close = i + 1;
    for (let depth = 1; close < tokens.length; close++) {
      depth += tokens[close]!.type === "list_item_open" ? 1 : tokens[close]!.type === "list_item_close" ? -1 : 0;
      if (depth === 0) break;
    }
    const headline = boldLead(tokens, i);
    if (!headline || ownText(tokens, i, close) < MIN_ITEM_TEXT) continue;
    const item = newItem(tokens, i, close, headline);
    if (item.sources.length > 0) found.push({ open: i, close, item });
    i = close;
  }
  if (found.length < MIN_LIST_ITEMS) return false;
  for (const { open, close, item } of found) {
    const li = tokens[open]!;
    li.attrJoin("class", "news-item");
    li.meta = { ...(li.meta ?? {}), newsItem: true, headline: item.headline } satisfies ItemMeta;
    tokens[close]!.meta = { ...(tokens[close]!.meta ?? {}), newsItemEnd: true };
    env.foundItems?.push(item);
  }
  return true;
}

/** Finds the news items among a body's top-level blocks (or in its lists) and marks them up in place. */
function markNewsItems(state: StateCore, rules: NewsItemRules): void {
  const tokens = state.tokens;
  const env = state.env as NewsEnv;
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; ) {
    const block = classify(tokens, i);
    blocks.push(block);
    i = block.end;
  }
  for (const block of blocks) {
    if (block.kind === "labelled" || block.kind === "source") markLabel(state, tokens[block.start]!, tokens[block.start + 1]!, block.kind === "source");
  }

  const isField = (b?: Block) => b?.kind === "labelled" || b?.kind === "source";
  // A headline line: a line of its own followed by a labelled line that says something (a
  // source line alone, or a bare label such as "要点：", follows ordinary prose as well), or,
  // in a brief, a bold line followed by text (elsewhere that is a label: "**结语**").
  const isHeadlineLine = (i: number) => {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.kind !== "line" && b.kind !== "bold") return false;
    const text = inlineText(tokens[b.start + 1]!.children ?? []);
    if (SENTENCE_END.test(text) && !b.emphatic) return false;
    if (next?.kind === "labelled" && !next.bare) return true;
    return rules === "brief" && b.emphatic && (isField(next) || next?.kind === "other" || next?.kind === "line");
  };
  const lineItems = new Set<number>();
  const sections = new Set<number>();
  blocks.forEach((_, i) => {
    if (isHeadlineLine(i)) lineItems.add(i);
  });
  // A bold line right before an item (or a heading) is the label of a section of items.
  blocks.forEach((b, i) => {
    if (b.kind !== "bold") return;
    const next = blocks[i + 1];
    if ((lineItems.has(i + 1) || (rules === "brief" && next?.kind === "heading")) && !isField(next)) {
      sections.add(i);
      lineItems.delete(i);
    }
  });

  const headingLevels = [...new Set(blocks.filter((b) => b.kind === "heading").map((b) => b.level))].sort();
  const deepest = headingLevels.at(-1);
  let itemLevel: number;
  if (lineItems.size > 0) {
    const sectionLevel = sections.size > 0 ? Math.min(Math.max((deepest ?? 1) + 1, 2), 3) : undefined;
    for (const i of sections) promote(tokens, blocks[i]!, sectionLevel!);
    itemLevel = Math.min((sectionLevel ?? deepest ?? 1) + 1, 4);
    for (const i of lineItems) promote(tokens, blocks[i]!, itemLevel);
    for (const i of sections) blocks[i] = { ...blocks[i]!, kind: "heading", level: sectionLevel! };
    for (const i of lineItems) blocks[i] = { ...blocks[i]!, kind: "heading", level: itemLevel };
  } else if (
    deepest !== undefined &&
    (rules === "brief" ? headingLevels.length > 1 || deepest >= 3 || headingsLeadItems(tokens, blocks, deepest) : headingsLeadItems(tokens, blocks, deepest))
  ) {
    // Headings only: the deepest level holds the items, the levels above are sections; a
    // brief's h2s alone, and any post's headings that are not a brief's, are items only when
    // they read as headlines.
    itemLevel = deepest;
  } else {
    markListItems(state);
    return;
  }

  // Wrap each item, from its headline to the next heading at its level or above, a rule or
  // raw HTML (a promotion card), or to its source line when it has one: what follows the
  // last item (an outro, a list of other links) stays outside it.
  const starts = blocks.flatMap((b, i) => (b.kind === "heading" && b.level === itemLevel ? [i] : []));
  const wraps: { open: number; close: number; headline: string }[] = [];
  const ends = (b: Block) => (b.kind === "heading" && b.level <= itemLevel) || b.kind === "rule" || tokens[b.start]!.type === "html_block";
  for (const s of starts) {
    let e = s + 1;
    while (e < blocks.length && !ends(blocks[e]!)) e++;
    // Outside a brief, a heading among items is an item only when it reads as one: a closing
    // "今日趋势总结" after numbered items with sources is a section.
    if (rules === "post" && lineItems.size === 0 && !leadsItem(tokens, blocks, s, e)) continue;
    const source = blocks.slice(s + 1, e).findIndex((b) => b.kind === "source");
    if (source !== -1 && lineItems.size > 0) e = s + 1 + source + 1;
    const close = e < blocks.length ? blocks[e]!.start : tokens.length;
    const open = blocks[s]!.start;
    const headline = inlineText(tokens[open + 1]!.children ?? []);
    wraps.push({ open, close, headline });
    env.foundItems?.push(newItem(tokens, open, close, headline));
  }
  // One pass that copies the tokens with the wraps in place (a splice per item would move the rest each time).
  const opens = new Map(wraps.map((w) => [w.open, w.headline]));
  const closes = new Map<number, number>();
  for (const w of wraps) closes.set(w.close, (closes.get(w.close) ?? 0) + 1);
  const wrapped: Token[] = [];
  for (let i = 0; i <= tokens.length; i++) {
    for (let n = closes.get(i) ?? 0; n > 0; n--) {
      const close = new state.Token("news_item_close", "section", -1);
      close.block = true;
      wrapped.push(close);
    }
    const headline = opens.get(i);
    if (headline !== undefined) {
      const open = new state.Token("news_item_open", "section", 1);
      open.block = true;
      open.attrSet("class", "news-item");
      open.meta = { newsItem: true, headline } satisfies ItemMeta;
      wrapped.push(open);
    }
    if (i < tokens.length) wrapped.push(tokens[i]!);
  }
  state.tokens = wrapped;
}

export function newsItemsPlugin(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "news_label", labelledLineTerminator, { alt: ["paragraph"] });
  md.core.ruler.push("news_items", (state) => {
    const rules = (state.env as NewsEnv).newsItems;
    if (rules) markNewsItems(state, rules);
  });
}

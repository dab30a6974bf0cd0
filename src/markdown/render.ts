import { randomBytes } from "node:crypto";
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Lang } from "../config.ts";
import { unicodeSlug } from "../i18n/slug.ts";
import { t } from "../i18n/strings.ts";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import htmlInline from "markdown-it/lib/rules_inline/html_inline.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { cjkBreaksPlugin } from "./cjk-breaks.ts";
import { extensionsPlugin, footnote } from "./extensions.ts";
import { foreignSyntaxPlugin, type ForeignSyntax, type ForeignSyntaxEnv } from "./foreign-syntax.ts";
import { closesItem, newsItemsPlugin, opensItem, type ItemMeta, type NewsEnv, type NewsItem } from "./news-items.ts";
import { mentionsPlugin, type MentionsEnv } from "./mentions.ts";
import { isExternal, sanitizePostHtml } from "./sanitize.ts";
import { sourcesPlugin, type Source } from "./sources.ts";

export type { ForeignSyntax, Source };

/** Per-render context: how to rewrite links that point at legacy or relative paths. */
export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface RenderEnv extends NewsEnv, MentionsEnv, ForeignSyntaxEnv {
  /** Filled with the body's sources (see sources.ts) when given. */
  sources?: Source[];
  /** Filled with the h2–h4 headings of the body, in order, when given. */
  headings?: Heading[];
  /** Language of the page, for the heading links' accessible names. */
  lang?: Lang;
  /** Returns the new href for a link, or undefined to keep it. `line` is 0-based within the body. */
  resolveLink?: (href: string, text: string, line: number) => string | undefined;
  /** Called with each Markdown image's address, to say whether its file exists. `line` is 0-based within the body. */
  checkImage?: (src: string, line: number) => void;
}

export interface MarkdownOptions {
  /** Origin of the site; links elsewhere are external and get rel="noopener noreferrer". */
  siteOrigin: string;
}

/** Link targets Markdown may produce: relative paths, fragments, http(s), mailto and tel. */
const SAFE_LINK = /^(?:[#/?.]|https?:|mailto:|tel:|(?![a-z][a-z0-9+.-]*:)[^\s]*$)/i;

interface InternalEnv extends RenderEnv {
  siteOrigin?: string;
}

/** Ids the page layout uses itself: a heading never takes one ("Top", "Main"). */
const LAYOUT_IDS = new Set(["top", "main", "search", "search-input", "toc-title", "week-links-title", "entities-title", "corrections-title", "series-title", "only-in-zh", "only-in-en"]);

function headingId(text: string): string {
  const slug = unicodeSlug(text) || "section";
  return LAYOUT_IDS.has(slug) ? `${slug}-section` : slug;
}

/**
 * Ids unique in a page as markdown-it-anchor makes them: the first free of "a", "a-1", "a-2", ….
 * Each base remembers the suffix it reached, so the nth heading of the same text costs one
 * lookup rather than n (10,000 identical headings took 26 s, now 1 s).
 */
function uniqueIds(used = new Set<string>()): (base: string) => string {
  const nextSuffix = new Map<string, number>();
  return (base) => {
    let id = base;
    if (used.has(id)) {
      let n = nextSuffix.get(base) ?? 1;
      while (used.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    used.add(id);
    return id;
  };
}

/** The heading ids of one render: markdown-it-anchor's own search for a free suffix then finds the first it tries free. */
const headingIds = new WeakMap<StateCore, (base: string) => string>();
function headingIdsOf(state: StateCore): (base: string) => string {
  let unique = headingIds.get(state);
  if (!unique) headingIds.set(state, (unique = uniqueIds()));
  return unique;
}
function uniqueHeadingId(text: string, state: StateCore): string {
  return headingIdsOf(state)(headingId(text));
}

/**
 * A heading's own "{#id}": claimed before any id is made from a heading's text, so it is
 * kept as written unless the layout uses it or an earlier heading claimed it too.
 */
function claimHeadingId(id: string, state: StateCore): string {
  return headingIdsOf(state)(LAYOUT_IDS.has(id.toLowerCase()) ? `${id}-section` : id);
}

/** An allocator of ids free in the page as rendered so far (headings, items, the layout's own). */
function freeIds(state: StateCore): (base: string) => string {
  const used = new Set(LAYOUT_IDS);
  for (const token of state.tokens) {
    const id = token.attrGet("id");
    if (id) used.add(id);
  }
  return uniqueIds(used);
}

/**
 * Marks where an item's last child ends, so links can be added there after rendering; never
 * left in the output. Private-use characters around a number and a key made once per process,
 * which no editor's text can hold by chance.
 */
const SLOT_KEY = randomBytes(6).toString("hex");
const SLOT = new RegExp(`\uE000${SLOT_KEY}:(\\d+)\uE001`, "g");
const slotText = (index: number) => `\uE000${SLOT_KEY}:${index}\uE001`;

/** The "#" link to an anchor, as the heading links have it. */
function anchorLink(state: StateCore, id: string): Token[] {
  const open = new state.Token("link_open", "a", 1);
  open.attrs = [["class", "heading-anchor"], ["href", `#${id}`], ["aria-label", t((state.env as RenderEnv).lang ?? "zh", "itemLink")], ["data-pagefind-ignore", ""]];
  // Marked as the heading links' "#" is: not part of the headline's text. A no-break space
  // keeps the "#" on the headline's last line.
  const space = Object.assign(new state.Token("text", "", 0), { content: "\u00a0", meta: { isPermalinkSymbol: true } });
  const symbol = Object.assign(new state.Token("text", "", 0), { content: "#", meta: { isPermalinkSymbol: true } });
  return [space, open, symbol, new state.Token("link_close", "a", -1)];
}

/**
 * Gives every news item its id: a headline heading keeps the anchor it has (from its own text,
 * so it survives edits to other items and a re-ordering); a list entry, or a heading at a level
 * without anchors, gets one the same way, unique in the page, with a "#" link beside its
 * headline. When the env collects items, each learns its id, and a slot marks its end.
 */
function itemIds(state: StateCore): void {
  const tokens = state.tokens;
  if (!tokens.some(opensItem)) return;
  const env = state.env as RenderEnv;
  const used = new Set<string>();
  for (const token of tokens) {
    const id = token.type === "heading_open" ? token.attrGet("id") : null;
    if (id) used.add(id);
  }
  const uniqueId = uniqueIds(used);
  const unique = (text: string) => uniqueId(headingId(text));
  let k = 0;
  const open: number[] = [];
  const withSlots: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (opensItem(token)) {
      const headline = (token.meta as ItemMeta).headline;
      const heading = tokens[i + 1]?.type === "heading_open" ? tokens[i + 1]! : undefined;
      // The headline's inline: the heading's, or the first paragraph's in a list entry.
      const children = tokens[i + 2]!.children ?? [];
      let id = heading ? heading.attrGet("id") : token.attrGet("id");
      if (!id) {
        id = unique(headline);
        (heading ?? token).attrSet("id", id);
        const at = heading ? children.length : children.findIndex((c) => c.type === "strong_close") + 1;
        children.splice(at, 0, ...anchorLink(state, id));
      } else {
        // The heading's own "#": it links to an item, and stays on the headline's last line.
        const link = children.findIndex((c) => c.type === "link_open" && c.attrGet("class") === "heading-anchor");
        if (link > 0) {
          children[link]!.attrSet("aria-label", t(env.lang ?? "zh", "itemLink"));
          if (children[link - 1]!.type === "text" && children[link - 1]!.content === " ") children[link - 1]!.content = "\u00a0";
        }
      }
      const item = env.foundItems?.[k];
      if (item) item.anchor = id;
      open.push(k++);
    } else if (closesItem(token) && open.length > 0) {
      const index = open.pop()!;
      if (env.foundItems?.[index]) withSlots.push(Object.assign(new state.Token("news_item_slot", "", 0), { meta: { index } }));
    }
    withSlots.push(token);
  }
  state.tokens = withSlots;
}

/**
 * Takes the slots out of rendered HTML, telling each item where its end is. Slots come in
 * order; one the sanitizer dropped (an unclosed <textarea> in a pasted card swallows what
 * follows) leaves its item without a place, and the others keep theirs.
 */
function placeItems(html: string, items: NewsItem[]): string {
  let out = "";
  let from = 0;
  let next = 0;
  for (const m of html.matchAll(SLOT)) {
    out += html.slice(from, m.index);
    from = m.index + m[0].length;
    const index = Number(m[1]);
    if (index >= next && items[index]) {
      items[index]!.offset = out.length;
      next = index + 1;
    }
  }
  return out + html.slice(from);
}

/**
 * markdown-it's inline HTML rule matches a comment, processing instruction, declaration or
 * CDATA section with a regex that scans to the end of the paragraph before it fails, once per
 * opener: a paragraph of unclosed "<!--" (or "<?", "<!X", "<![CDATA[") took quadratic time,
 * 51 s for 200 KB (now 0.6 s). Such an opener can match only if its terminator comes after
 * it, which one search per paragraph tells; the rule is skipped for the others, so the output
 * is the same.
 */
interface HtmlTerminators {
  lastIndex: Map<string, number>;
  /** Positions from which a comment's walk (see commentCloses) is known to reach no "-->". */
  unclosed?: Uint8Array;
}
const terminatorsOf = new WeakMap<StateInline, HtmlTerminators>();

/**
 * Whether markdown-it's comment regex, <!--(?:[^-]|-[^-]|--[^>])*-->, matches from `from` (just
 * after "<!--"). Its group takes "x" (x not "-"), "-x" (x not "-") or "--x" (x not ">"), and at
 * any position at most one of them fits, so there is one walk: it matches where that walk
 * stops at "-->".
 * A walk that reaches a position an earlier failed walk passed fails too, so every position
 * is walked at most once per paragraph.
 */
function commentCloses(src: string, from: number, unclosed: Uint8Array): boolean {
  const walked: number[] = [];
  const dash = (i: number) => src.charCodeAt(i) === 0x2d;
  for (let i = from; i < src.length && !unclosed[i]; ) {
    walked.push(i);
    if (!dash(i)) i += 1;
    else if (!dash(i + 1)) i += 2;
    else if (src.charCodeAt(i + 2) !== 0x3e) i += 3;
    else return true;
  }
  for (const i of walked) unclosed[i] = 1;
  return false;
}

/** Whether the inline HTML at `state.pos` can match; true for everything but the four openers above. */
function inlineHtmlCanClose(state: StateInline): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x3c) return true;
  let terminators = terminatorsOf.get(state);
  if (!terminators) terminatorsOf.set(state, (terminators = { lastIndex: new Map() }));
  const found = terminators.lastIndex;
  const after = (terminator: string, at: number) => {
    if (!found.has(terminator)) found.set(terminator, src.lastIndexOf(terminator));
    return found.get(terminator)! >= at;
  };
  if (src.startsWith("<!--", pos)) {
    if (src.startsWith(">", pos + 4) || src.startsWith("->", pos + 4)) return true;
    terminators.unclosed ??= new Uint8Array(src.length);
    return commentCloses(src, pos + 4, terminators.unclosed);
  }
  if (src.startsWith("<?", pos)) return after("?>", pos + 2);
  if (src.startsWith("<![CDATA[", pos)) return after("]]>", pos + 9);
  if (/^<![A-Za-z]/.test(src.slice(pos, pos + 3))) return after(">", pos + 3);
  return true;
}

/** markdown-it's inline HTML rule, skipped where it cannot match (see inlineHtmlCanClose). */
function linearInlineHtml(md: MarkdownIt): void {
  md.inline.ruler.at("html_inline", (state, silent) => inlineHtmlCanClose(state) && htmlInline(state, silent));
}

/** An <img> tag's src attribute. */
const SRC_ATTRIBUTE = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * Tells `check` of every <img> in a piece of raw HTML, with its line. Each tag's end is found
 * once and reused by the openers before it, so a run of unclosed "<img" stays linear.
 */
function checkHtmlImages(html: string, firstLine: number, check: (src: string, line: number) => void): void {
  const lower = html.toLowerCase();
  let line = firstLine;
  let counted = 0;
  let end = -1;
  for (let at = lower.indexOf("<img"); at !== -1; at = lower.indexOf("<img", at + 4)) {
    if (!/[\s/>]/.test(html[at + 4] ?? "")) continue;
    if (end < at) end = html.indexOf(">", at);
    if (end === -1) return;
    for (let i = html.indexOf("\n", counted); i !== -1 && i < at; i = html.indexOf("\n", i + 1)) line++;
    counted = at;
    // A tag is read up to 2,000 characters: a run of openers before one far ">" costs no more than that each.
    const m = SRC_ATTRIBUTE.exec(html.slice(at + 4, Math.min(end, at + 2_004)));
    const src = (m?.[1] ?? m?.[2] ?? m?.[3] ?? "").trim();
    if (src) check(src, line);
  }
}

/** Emphasis leaves empty text tokens behind; the rules after it read tokens' first characters. */
function dropEmptyText(state: StateCore): void {
  for (const token of state.tokens) if (token.children) token.children = token.children.filter((c) => c.type !== "text" || c.content !== "");
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  // Only explicit URLs become links: "GPT-5.3" or "Node.js" are not domains to link to.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  const pretest = md.linkify.pretest.bind(md.linkify);
  md.linkify.pretest = (text: string) => text.includes(":") && pretest(text);

  md.use(linearInlineHtml);
  md.core.ruler.after("inline", "drop_empty_text", dropEmptyText);
  md.use(newsItemsPlugin);
  md.use(cjkBreaksPlugin);
  md.use(anchor, {
    slugifyWithState: uniqueHeadingId,
    level: [2, 3, 4],
    tabIndex: false,
    permalink: anchor.permalink.linkInsideHeader({
      symbol: "#",
      placement: "after",
      class: "heading-anchor",
      // The "#" is navigation, not content: search leaves it out of result titles.
      renderAttrs: (_slug, state) => ({ "aria-label": t((state.env as RenderEnv).lang ?? "zh", "sectionLink"), "data-pagefind-ignore": "" }),
    }),
  });

  md.core.ruler.after("anchor", "news_item_ids", itemIds);
  md.renderer.rules.news_item_slot = (tokens, idx) => slotText((tokens[idx]!.meta as { index: number }).index);
  md.use(extensionsPlugin, { claimHeadingId, uniqueIds: freeIds });
  // After the GitHub alerts' rule is in place, so it runs before it, on the text as written.
  md.use(foreignSyntaxPlugin);

  md.core.ruler.push("resolve_links", (state) => {
    const env = state.env as InternalEnv;
    for (const block of state.tokens) {
      if (block.type === "html_block" && env.checkImage) checkHtmlImages(block.content, block.map?.[0] ?? 0, env.checkImage);
      const children = block.children ?? [];
      // The line of each child: the block's first, plus the line breaks before it.
      let line = block.map?.[0] ?? 0;
      children.forEach((token, i) => {
        if (token.type === "softbreak" || token.type === "hardbreak") line++;
        if (token.type === "html_inline" && env.checkImage) checkHtmlImages(token.content, line, env.checkImage);
        if (token.type === "image" && env.checkImage) {
          const src = token.attrGet("src");
          if (src) env.checkImage(src, line);
          return;
        }
        if (token.type !== "link_open") return;
        const href = token.attrGet("href");
        if (!href) return;
        if (env.resolveLink) {
          let text = "";
          for (let j = i + 1; j < children.length && children[j]!.type !== "link_close"; j++) text += children[j]!.content;
          const next = env.resolveLink(href, text, line);
          if (next !== undefined) token.attrSet("href", next);
        }
        if (env.siteOrigin && isExternal(token.attrGet("href")!, env.siteOrigin)) token.attrSet("rel", "noopener noreferrer");
      });
    }
  });

  md.use(sourcesPlugin);
  md.use(mentionsPlugin);

  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet("loading", "lazy");
    tokens[idx]!.attrSet("decoding", "async");
    return image(tokens, idx, options, env, self);
  };
  return md;
}

const shared = createMarkdown();
/**
 * Enough to find a brief's headlines at a fraction of the cost: the block structure, the
 * inline content of top-level blocks only (items are told apart by those), news items.
 */
const headlinesOnly = new MarkdownIt({ html: true }).use(linearInlineHtml);
headlinesOnly.core.ruler.at("inline", (state) => {
  for (const token of state.tokens) {
    if (token.type !== "inline" || token.level > 1) continue;
    token.children = [];
    state.md.inline.parse(token.content, state.md, state.env, token.children);
  }
});
headlinesOnly.core.ruler.after("inline", "drop_empty_text", dropEmptyText);
headlinesOnly.use(newsItemsPlugin);
/**
 * Plain CommonMark with HTML: for reading text out of Markdown, not for pages. With footnotes,
 * so a summary never reads a reference as text (without them "[^1]: https://…" makes "[^1]" a link "^1").
 */
const plain = new MarkdownIt({ html: true }).use(linearInlineHtml).use(footnote);
/** A footnote reference whose definition lies beyond the head read for a summary. */
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;

/**
 * Markdown to safe HTML. markdown-it escapes all text and only emits links that pass
 * `validateLink`, so its output is safe by construction; raw HTML in a post is the only
 * way in for scripts and handlers, and any post that has some goes through sanitize-html.
 */
export function renderMarkdown(body: string, options: MarkdownOptions, env: RenderEnv = {}): string {
  const internal: InternalEnv = { ...env, siteOrigin: options.siteOrigin };
  const tokens = shared.parse(body, internal);
  let rawHtml = false;
  tokens.forEach((token, i) => {
    if (token.type === "html_block" || token.children?.some((c) => c.type === "html_inline" && !c.meta?.isPermalinkSymbol)) rawHtml = true;
    const id = env.headings && token.type === "heading_open" ? token.attrGet("id") : null;
    if (!id) return;
    const text = (tokens[i + 1]?.children ?? [])
      .filter((c) => (c.type === "text" || c.type === "code_inline") && !c.meta)
      .map((c) => c.content)
      .join("")
      .trim();
    env.headings!.push({ level: Number(token.tag.slice(1)), id, text });
  });
  const html = shared.renderer.render(tokens, shared.options, internal);
  const safe = rawHtml ? sanitizePostHtml(html, options.siteOrigin) : html;
  return env.foundItems?.length ? placeItems(safe, env.foundItems) : safe;
}

/**
 * The headlines of a brief's first news items, for a summary built from them. Reads a head
 * of the body large enough for the first items of any real brief (the whole body when that
 * falls short), and never runs the rendering rules.
 */
export function briefHeadlines(body: string, count: number): string[] {
  for (const [head, whole] of growingHeads(body, [2000, 8000])) {
    const env: NewsEnv = { newsItems: "brief", foundItems: [] };
    headlinesOnly.parse(head, env);
    if (env.foundItems!.length >= count || whole) return env.foundItems!.slice(0, count).map((item) => item.headline);
  }
  return [];
}

/** Heads of a body cut at a blank line after each size, then the whole body; `whole` marks the last. */
function* growingHeads(body: string, sizes: number[]): Generator<[head: string, whole: boolean]> {
  for (const size of sizes) {
    const cut = body.length > size ? body.indexOf("\n\n", size) : -1;
    if (cut === -1) break;
    yield [body.slice(0, cut + 1), false];
  }
  yield [body, true];
}

/** The markdown-it token stream of a body, for checks that look at its structure (news items too, when the env asks). */
export function parseMarkdown(body: string, env: NewsEnv = {}) {
  return shared.parse(body, env);
}

/** Text of the first paragraph of a body, without markup; "" when it has none. */
export function firstParagraphText(body: string): string {
  // The summary comes from the top of a post: read growing heads of it, cut at a blank line.
  for (const [head] of growingHeads(body, [600, 3000, 12000])) {
    const text = paragraphText(head);
    if (text) return text;
  }
  return "";
}

function paragraphText(markdown: string): string {
  const tokens = plain.parse(markdown, {});
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "footnote_block_open") break;
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open" || token.type === "blockquote_open") depth++;
    if (token.type === "bullet_list_close" || token.type === "ordered_list_close" || token.type === "blockquote_close") depth--;
    if (depth > 0 || token.type !== "paragraph_open") continue;
    const inline = tokens[i + 1];
    const children = inline?.children ?? [];
    // A paragraph that is only bold text is a section label, not a summary.
    const meaningful = children.filter((c) => !(c.type === "text" && c.content.trim() === "") && c.type !== "softbreak");
    if (meaningful[0]?.type === "strong_open" && meaningful.at(-1)?.type === "strong_close") continue;
    const text = children
      .map((c) => (c.type === "text" ? c.content.replace(FOOTNOTE_REF, "") : c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text) return text;
  }
  return "";
}

/** One line of Markdown or HTML to plain text (titles written as styled HTML lines, summaries). */
export function markdownText(fragment: string): string {
  const tokens = plain.parseInline(fragment, {});
  return (tokens[0]?.children ?? [])
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { closesItem, inlineText, opensItem, type ItemMeta } from "./news-items.ts";

/**
 * Mentions of entities (companies, models, products, people) in a body, found in its text:
 * headings, news item headlines, paragraphs, lists, tables and link text, never in code, raw
 * block HTML, URLs or link targets. Each mention is placed in its unit, the news item or the
 * section it is in, so a timeline can link to the item rather than to the top of the post.
 * Optionally the first mention of each entity in the prose links to the entity's page.
 *
 * The finder comes from the render env; without one the rule does nothing.
 */

export interface MentionFinder {
  find(text: string): { id: string; start: number; end: number }[];
}

/** The news item or section a mention is in: its heading's anchor and text. */
export interface MentionUnit {
  anchor: string;
  title: string;
  /** A news item (a brief's unit), not just a section. */
  item: boolean;
}

/** An entity the body mentions, with the units it is mentioned in (empty: only outside any). */
export interface BodyMention {
  id: string;
  units: MentionUnit[];
}

export interface MentionsEnv {
  mentionFinder?: MentionFinder;
  /** Entities the post's front matter says it is not about: their names are left alone. */
  excludedMentions?: ReadonlySet<string>;
  /** Given, the first mention of each entity in the prose links to this page. */
  mentionHref?: (id: string) => string;
  /** Filled with each entity mentioned, in order of first mention. */
  mentions?: BodyMention[];
}

/** Stands for inline content that holds no name (code, an HTML tag, an image, an address). */
const OBJECT = "\uFFFC";

/** Autolinks and bare URLs show their address: it is not a mention. */
const showsAddress = (token: Token) => token.markup === "linkify" || token.markup === "autolink";

function findMentions(state: StateCore): void {
  const env = state.env as MentionsEnv;
  const finder = env.mentionFinder;
  if (!finder) return;
  const byId = new Map<string, { mention: BodyMention; anchors: Set<string> }>();
  const linked = new Set<string>();
  let section: MentionUnit | undefined;
  let unit: MentionUnit | undefined;
  let inItem = false;
  let inHeading = false;

  const record = (id: string) => {
    let found = byId.get(id);
    if (!found) {
      found = { mention: { id, units: [] }, anchors: new Set() };
      byId.set(id, found);
    }
    if (unit && !found.anchors.has(unit.anchor)) {
      found.anchors.add(unit.anchor);
      found.mention.units.push(unit);
    }
  };

  state.tokens.forEach((token, i) => {
    if (opensItem(token)) {
      inItem = true;
      const id = state.tokens[i + 1]?.type === "heading_open" ? state.tokens[i + 1]!.attrGet("id") : token.attrGet("id");
      unit = id ? { anchor: id, title: (token.meta as ItemMeta).headline, item: true } : undefined;
    } else if (closesItem(token)) {
      inItem = false;
      unit = section;
    } else if (token.type === "heading_open") {
      inHeading = true;
      const id = token.attrGet("id");
      if (!inItem) {
        // A heading without an anchor (h1, h5) still ends the section before it.
        section = id ? { anchor: id, title: inlineText(state.tokens[i + 1]?.children ?? []), item: false } : undefined;
        unit = section;
      }
    } else if (token.type === "heading_close") inHeading = false;
    if (token.type !== "inline" || !token.children) return;

    const children = token.children;
    // The inline content as one text, so a name split by a line break or by emphasis is read
    // whole ("Claude\nOpus 4.6", "深度\n求索"), and "**Meta**verse" is not Meta. Code, raw
    // HTML tags, images and shown addresses are an object character: never part of a name.
    let text = "";
    const spans: { child: number; start: number; linkable: boolean }[] = [];
    let linkDepth = 0;
    let address = false;
    children.forEach((child, j) => {
      if (child.type === "link_open") {
        linkDepth++;
        address = showsAddress(child);
      } else if (child.type === "link_close") {
        linkDepth--;
        address = false;
      }
      if (child.type === "text" && !address) {
        spans.push({ child: j, start: text.length, linkable: linkDepth === 0 });
        text += child.content;
      } else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
      else if (child.type === "code_inline" || child.type === "html_inline" || child.type === "image" || (child.type === "text" && address)) text += OBJECT;
    });
    if (text.includes("\u00a0")) text = text.replace(/\u00a0/g, " ");
    const found = finder.find(text).filter((m) => !env.excludedMentions?.has(m.id));
    for (const m of found) record(m.id);

    // Raw HTML may open an element a link cannot go into (an <a> of its own): mention, never link.
    // Only prose links, each entity once: headings are navigation, and a link cannot hold another.
    if (!env.mentionHref || inHeading || children.some((c) => c.type === "html_inline")) return;
    const toLink = new Map<number, { start: number; end: number; id: string }[]>();
    // Matches come left to right, so the span that holds each is found by walking forward once.
    let at = 0;
    for (const m of found) {
      while (at + 1 < spans.length && spans[at + 1]!.start <= m.start) at++;
      if (linked.has(m.id)) continue;
      const span = spans[at] && spans[at]!.start <= m.start && m.end <= spans[at]!.start + children[spans[at]!.child]!.content.length ? spans[at] : undefined;
      if (!span?.linkable) continue;
      linked.add(m.id);
      toLink.set(span.child, [...(toLink.get(span.child) ?? []), { start: m.start - span.start, end: m.end - span.start, id: m.id }]);
    }
    if (toLink.size === 0) return;
    const textToken = (content: string) => {
      const t = new state.Token("text", "", 0);
      t.content = content;
      return t;
    };
    token.children = children.flatMap((child, j) => {
      const links = toLink.get(j);
      if (!links) return [child];
      const out: Token[] = [];
      let from = 0;
      for (const m of links) {
        if (m.start > from) out.push(textToken(child.content.slice(from, m.start)));
        const open = new state.Token("link_open", "a", 1);
        open.attrs = [["href", env.mentionHref!(m.id)], ["class", "entity-link"]];
        out.push(open, textToken(child.content.slice(m.start, m.end)), new state.Token("link_close", "a", -1));
        from = m.end;
      }
      if (from < child.content.length) out.push(textToken(child.content.slice(from)));
      return out;
    });
  });
  env.mentions?.push(...[...byId.values()].map((f) => f.mention));
}

export function mentionsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("entity_mentions", findMentions);
}

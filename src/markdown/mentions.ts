import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { inlineText } from "./news-items.ts";

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
    if (token.type === "news_item_open") {
      inItem = true;
      const id = state.tokens[i + 1]?.type === "heading_open" ? state.tokens[i + 1]!.attrGet("id") : null;
      unit = id ? { anchor: id, title: inlineText(state.tokens[i + 2]?.children ?? []), item: true } : undefined;
    } else if (token.type === "news_item_close") {
      inItem = false;
      unit = section;
    } else if (token.type === "heading_open") {
      inHeading = true;
      const id = token.attrGet("id");
      if (id && !inItem) {
        section = { anchor: id, title: inlineText(state.tokens[i + 1]?.children ?? []), item: false };
        unit = section;
      }
    } else if (token.type === "heading_close") inHeading = false;
    if (token.type !== "inline" || !token.children) return;

    const children = token.children;
    // Raw HTML may open an element a link cannot go into (an <a> of its own): mention, never link.
    const linkable = env.mentionHref && !inHeading && !children.some((c) => c.type === "html_inline");
    const out: Token[] = [];
    let linkDepth = 0;
    let address = false;
    for (const child of children) {
      if (child.type === "link_open") {
        linkDepth++;
        address = showsAddress(child);
      } else if (child.type === "link_close") {
        linkDepth--;
        address = false;
      }
      if (child.type !== "text" || address) {
        out.push(child);
        continue;
      }
      const found = finder.find(child.content).filter((m) => !env.excludedMentions?.has(m.id));
      for (const m of found) record(m.id);
      // Only prose links: headings are navigation, and a link cannot hold another.
      const toLink: ReturnType<MentionFinder["find"]> = [];
      if (linkable && linkDepth === 0) {
        for (const m of found) {
          if (linked.has(m.id)) continue;
          linked.add(m.id);
          toLink.push(m);
        }
      }
      if (toLink.length === 0) {
        out.push(child);
        continue;
      }
      let at = 0;
      const text = (content: string) => {
        const t = new state.Token("text", "", 0);
        t.content = content;
        return t;
      };
      for (const m of toLink) {
        if (m.start > at) out.push(text(child.content.slice(at, m.start)));
        const open = new state.Token("link_open", "a", 1);
        open.attrs = [["href", env.mentionHref!(m.id)], ["class", "entity-link"]];
        const close = new state.Token("link_close", "a", -1);
        out.push(open, text(child.content.slice(m.start, m.end)), close);
        at = m.end;
      }
      if (at < child.content.length) out.push(text(child.content.slice(at)));
    }
    token.children = out;
  });
  env.mentions?.push(...[...byId.values()].map((f) => f.mention));
}

export function mentionsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("entity_mentions", findMentions);
}

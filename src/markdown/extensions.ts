import type { PluginSimple } from "markdown-it";
import type MarkdownIt from "markdown-it";
import attrs from "markdown-it-attrs";
import deflist from "markdown-it-deflist";
import footnoteTyped from "markdown-it-footnote";
import taskLists from "markdown-it-task-lists";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import type { Lang } from "../config.ts";

/**
 * Markdown that real posts use beyond CommonMark: footnotes, task lists, definition lists,
 * GitHub alerts and "## Title {#id}" heading ids.
 */

/** Its types are written against markdown-it's CommonJS types, which the ES module's do not match. */
export const footnote = footnoteTyped as unknown as PluginSimple;

const ALERT_TYPES = ["note", "tip", "important", "warning", "caution"] as const;
type AlertType = (typeof ALERT_TYPES)[number];

/** The words these elements show or announce; the page's language picks them at render time. */
const TEXT: Record<Lang, Record<AlertType, string> & { footnotes: string; footnoteRef: string; backRef: string; task: string }> = {
  zh: { note: "注意", tip: "提示", important: "重要", warning: "警告", caution: "小心", footnotes: "脚注", footnoteRef: "脚注 {n}", backRef: "返回引用 {n}", task: "任务" },
  en: { note: "Note", tip: "Tip", important: "Important", warning: "Warning", caution: "Caution", footnotes: "Footnotes", footnoteRef: "Footnote {n}", backRef: "Back to reference {n}", task: "Task" },
};

interface LangEnv {
  lang?: Lang;
}
const textFor = (env: unknown) => TEXT[(env as LangEnv).lang === "en" ? "en" : "zh"];

/** Gives a heading's custom id its final, page-unique form. */
export type ClaimId = (id: string, state: StateCore) => string;

/** A heading's trailing "{#id}" and nothing else: any other brace text stays visible text. */
const CUSTOM_ID = /\{#[\p{L}\p{N}_.:-]+\}$/u;

/**
 * markdown-it-attrs' own rule, taken without registering it: on the whole stream it reads
 * any trailing "{…}" in any block (prose "a set {a, b}" loses its braces, kramdown's
 * "{: .class}" disappears unseen), so it is only shown a heading whose text ends in "{#id}".
 */
function curlyAttributesRule(): (state: StateCore) => void {
  let rule: ((state: StateCore) => void) | undefined;
  const capture = { core: { ruler: { before: (_at: string, _name: string, fn: (state: StateCore) => void) => (rule = fn) } }, renderer: { rules: {} } };
  attrs(capture as unknown as Parameters<typeof attrs>[0], { allowedAttributes: ["id"] });
  return rule!;
}

function headingIdsPlugin(md: MarkdownIt, claim: ClaimId): void {
  const curly = curlyAttributesRule();
  md.core.ruler.after("inline", "heading_custom_ids", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i]!.type !== "heading_open") continue;
      const inline = tokens[i + 1]!;
      const last = inline.children?.at(-1);
      if (last?.type !== "text" || !CUSTOM_ID.test(last.content)) continue;
      // Only the text that carries the braces, so no inline element can take the id.
      const view = Object.assign(new state.Token("inline", "", 0), { children: [last], content: last.content });
      curly({ tokens: [tokens[i]!, view, tokens[i + 2]!] } as StateCore);
      const id = tokens[i]!.attrGet("id");
      if (!id) continue;
      tokens[i]!.attrs = [["id", claim(id, state)]];
      inline.content = inline.content.replace(/\s*\{#[^{}]*\}$/u, "");
    }
  });
}

/** A checkbox, checked or not, as a token of its own rather than raw HTML (which would make the post go through the sanitizer). */
function taskCheckboxes(md: MarkdownIt): void {
  md.use(taskLists, { enabled: false });
  md.core.ruler.after("github-task-lists", "task_checkboxes", (state) => {
    for (const token of state.tokens) {
      const first = token.type === "inline" ? token.children?.[0] : undefined;
      if (first?.type !== "html_inline" || !first.content.startsWith('<input class="task-list-item-checkbox"')) continue;
      first.type = "task_checkbox";
      first.meta = { checked: first.content.includes("checked") };
      first.content = "";
      // The box keeps its distance from the text in CSS, the same in every font.
      const text = token.children![1];
      if (text?.type === "text") text.content = text.content.trimStart();
    }
  });
  md.renderer.rules.task_checkbox = (tokens, idx, _options, env) =>
    `<input class="task-list-item-checkbox" type="checkbox" disabled${(tokens[idx]!.meta as { checked: boolean }).checked ? " checked" : ""} aria-label="${textFor(env).task}">`;
}

const ALERT_MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*([^\n]*)/i;

/**
 * GitHub alerts ("> [!NOTE]" and the other four): a blockquote whose first line is the marker
 * becomes a titled callout; its title is the page language's word for the kind, or the
 * editor's own, escaped. Each quote is matched to its own close by a stack, so a quote inside
 * an alert, or an alert inside a quote, stays nested as written (markdown-it-github-alerts
 * closed an alert at the first quote's end).
 */
function alerts(md: MarkdownIt): void {
  md.core.ruler.after("block", "github-alerts", (state) => {
    const open: { token: Token; alert: boolean }[] = [];
    state.tokens.forEach((token, i) => {
      if (token.type === "blockquote_open") {
        const inline = state.tokens[i + 1]?.type === "paragraph_open" ? state.tokens[i + 2] : undefined;
        const marker = inline?.type === "inline" ? ALERT_MARKER.exec(inline.content) : null;
        open.push({ token, alert: !!marker });
        if (!marker || !inline) return;
        token.type = "alert_open";
        token.tag = "div";
        token.meta = { type: marker[1]!.toLowerCase(), title: marker[2]!.trim() };
        inline.content = inline.content.slice(marker[0].length).replace(/^\s+/, "");
        // A marker alone on its line leaves no empty paragraph behind.
        if (!inline.content) state.tokens[i + 1]!.hidden = state.tokens[i + 3]!.hidden = true;
      } else if (token.type === "blockquote_close" && open.pop()?.alert) {
        token.type = "alert_close";
        token.tag = "div";
      }
    });
  });
  md.renderer.rules.alert_open = (tokens, idx, _options, env) => {
    const { title, type } = tokens[idx]!.meta as { title: string; type: AlertType };
    const shown = title || textFor(env)[type];
    return `<div class="markdown-alert markdown-alert-${type}"><p class="markdown-alert-title">${md.utils.escapeHtml(shown)}</p>\n`;
  };
}

interface FootnoteMeta {
  id: number;
  subId?: number;
  noteId?: string;
  refId?: string;
}
interface FootnoteEnv {
  footnotes?: { list?: unknown[] };
}

const stashed = new WeakMap<StateCore, Token[]>();

/** A note's number, and a reference's: "1", or "1-2" for its second reference. */
const noteNumber = (meta: FootnoteMeta) => `${meta.id + 1}`;
const refNumber = (meta: FootnoteMeta) => `${meta.id + 1}${meta.subId ? `-${meta.subId + 1}` : ""}`;

/** Footnote ids the page does not use yet: "fn-1", "fnref-1", "fnref-1-2" for a second reference. */
function footnoteIds(state: StateCore, unique: (base: string) => string): void {
  const refIds = new Map<string, string>();
  const noteIds = new Map<number, string>();
  const refId = (meta: FootnoteMeta) => {
    const key = refNumber(meta);
    if (!refIds.has(key)) refIds.set(key, unique(`fnref-${key}`));
    return refIds.get(key)!;
  };
  const noteId = (id: number) => {
    if (!noteIds.has(id)) noteIds.set(id, unique(`fn-${id + 1}`));
    return noteIds.get(id)!;
  };
  for (const token of state.tokens) {
    for (const child of token.children ?? []) {
      if (child.type !== "footnote_ref") continue;
      const meta = child.meta as FootnoteMeta;
      Object.assign(meta, { refId: refId(meta), noteId: noteId(meta.id) });
    }
  }
  for (const token of state.tokens) {
    if (token.type === "footnote_open") (token.meta as FootnoteMeta).noteId = noteId((token.meta as FootnoteMeta).id);
    if (token.type === "footnote_anchor") (token.meta as FootnoteMeta).refId = refId(token.meta as FootnoteMeta);
  }
}

/**
 * Footnotes: the list is set aside while the rules that structure the body (news items, ids)
 * run, so it never becomes part of the last item, and comes back with ids unique in the page.
 */
function footnotes(md: MarkdownIt, uniqueIds: (state: StateCore) => (base: string) => string): void {
  md.use(footnote);
  md.core.ruler.before("news_items", "footnotes_aside", (state) => {
    if (!(state.env as FootnoteEnv).footnotes?.list) return;
    const at = state.tokens.findIndex((t) => t.type === "footnote_block_open");
    if (at === -1) return;
    stashed.set(state, state.tokens.slice(at));
    state.tokens = state.tokens.slice(0, at);
  });
  md.core.ruler.after("news_item_ids", "footnotes_back", (state) => {
    const list = stashed.get(state);
    if (list) state.tokens = state.tokens.concat(list);
    if ((state.env as FootnoteEnv).footnotes?.list) footnoteIds(state, uniqueIds(state));
  });

  // Ids as footnoteIds gave them, or their plain form for a token stream that skipped it.
  const noteIdOf = (meta: FootnoteMeta) => meta.noteId ?? `fn-${noteNumber(meta)}`;
  const refIdOf = (meta: FootnoteMeta) => meta.refId ?? `fnref-${refNumber(meta)}`;
  md.renderer.rules.footnote_ref = (tokens, idx, _options, env) => {
    const meta = tokens[idx]!.meta as FootnoteMeta;
    const label = textFor(env).footnoteRef.replace("{n}", noteNumber(meta));
    return `<sup class="footnote-ref"><a href="#${noteIdOf(meta)}" id="${refIdOf(meta)}" aria-label="${label}">[${noteNumber(meta)}]</a></sup>`;
  };
  md.renderer.rules.footnote_block_open = (_tokens, _idx, _options, env) =>
    `<hr class="footnotes-sep">\n<section class="footnotes" aria-label="${textFor(env).footnotes}">\n<ol class="footnotes-list">\n`;
  md.renderer.rules.footnote_open = (tokens, idx) => `<li id="${noteIdOf(tokens[idx]!.meta as FootnoteMeta)}" class="footnote-item">`;
  md.renderer.rules.footnote_anchor = (tokens, idx, _options, env) => {
    const meta = tokens[idx]!.meta as FootnoteMeta;
    // U+FE0E keeps "↩" a text glyph, not an emoji, on iOS.
    return ` <a href="#${refIdOf(meta)}" class="footnote-backref" aria-label="${textFor(env).backRef.replace("{n}", refNumber(meta))}">\u21a9\ufe0e</a>`;
  };
}

export interface ExtensionOptions {
  /** A heading's "{#id}", made safe and unique in the page. */
  claimHeadingId: ClaimId;
  /** The render's allocator of page-unique ids, seeded with those the headings and items took. */
  uniqueIds: (state: StateCore) => (base: string) => string;
}

/** Registers the extensions; news items' rules ("news_items", "news_item_ids") must be in place already. */
export function extensionsPlugin(md: MarkdownIt, options: ExtensionOptions): void {
  headingIdsPlugin(md, options.claimHeadingId);
  md.use(deflist);
  taskCheckboxes(md);
  alerts(md);
  footnotes(md, options.uniqueIds);
}

import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Lang } from "../config.ts";
import { unicodeSlug } from "../content/slug.ts";
import { t } from "../i18n/strings.ts";
import { sanitizePostHtml } from "./sanitize.ts";

/** Per-render context: how to rewrite links that point at legacy or relative paths. */
export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface RenderEnv {
  /** Filled with the h2–h4 headings of the body, in order, when given. */
  headings?: Heading[];
  /** Language of the page, for the heading links' accessible names. */
  lang?: Lang;
  /** Returns the new href for a link, or undefined to keep it. `line` is 0-based within the body. */
  resolveLink?: (href: string, text: string, line: number) => string | undefined;
}

export interface MarkdownOptions {
  /** Origin of the site; links elsewhere are external and get rel="noopener noreferrer". */
  siteOrigin: string;
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(anchor, {
    slugify: (s: string) => unicodeSlug(s) || "section",
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
  md.core.ruler.push("resolve_links", (state) => {
    const resolve = (state.env as RenderEnv | undefined)?.resolveLink;
    if (!resolve) return;
    for (const block of state.tokens) {
      const children = block.children ?? [];
      children.forEach((token, i) => {
        if (token.type !== "link_open") return;
        const href = token.attrGet("href");
        if (!href) return;
        let text = "";
        for (let j = i + 1; j < children.length && children[j]!.type !== "link_close"; j++) text += children[j]!.content;
        const next = resolve(href, text, block.map?.[0] ?? 0);
        if (next !== undefined) token.attrSet("href", next);
      });
    }
  });
  return md;
}

const shared = createMarkdown();

/** Markdown to safe HTML. */
export function renderMarkdown(body: string, options: MarkdownOptions, env: RenderEnv = {}): string {
  const tokens = shared.parse(body, env);
  if (env.headings) {
    tokens.forEach((token, i) => {
      const id = token.type === "heading_open" ? token.attrGet("id") : null;
      if (!id) return;
      const text = (tokens[i + 1]?.children ?? [])
        .filter((c) => (c.type === "text" || c.type === "code_inline") && !c.meta)
        .map((c) => c.content)
        .join("")
        .trim();
      env.headings!.push({ level: Number(token.tag.slice(1)), id, text });
    });
  }
  return sanitizePostHtml(shared.renderer.render(tokens, shared.options, env), options.siteOrigin);
}

/** The markdown-it token stream of a body, for checks that look at its structure. */
export function parseMarkdown(body: string) {
  return shared.parse(body, {});
}

/** Text of the first paragraph of a body, without markup; "" when it has none. */
export function firstParagraphText(body: string): string {
  const tokens = shared.parse(body, {});
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open" || token.type === "blockquote_open") depth++;
    if (token.type === "bullet_list_close" || token.type === "ordered_list_close" || token.type === "blockquote_close") depth--;
    if (depth > 0 || token.type !== "paragraph_open") continue;
    const inline = tokens[i + 1];
    const children = inline?.children ?? [];
    // A paragraph that is only bold text is a section label, not a summary.
    const meaningful = children.filter((c) => !(c.type === "text" && c.content.trim() === "") && c.type !== "softbreak");
    if (meaningful[0]?.type === "strong_open" && meaningful.at(-1)?.type === "strong_close") continue;
    const text = children
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text) return text;
  }
  return "";
}

/** One line of Markdown or HTML to plain text (titles written as styled HTML lines, summaries). */
export function markdownText(fragment: string): string {
  const tokens = shared.parseInline(fragment, {});
  return (tokens[0]?.children ?? [])
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

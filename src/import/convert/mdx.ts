/**
 * MDX (mdxjs.com/docs/what-is-mdx) and the components Docusaurus, Nextra, Starlight, Mintlify
 * and mdx-embed give it: top-level import/export, {/* comments *\/}, {expressions}, and
 * <YouTube>, <Tweet>, <Gist>, <Admonition>, <Callout>, <Aside>, <Note>…, <Tabs> / <TabItem>,
 * <Details>, <TOCInline>, <CodeBlock>, <Image>, <img>. Other capitalized components are left
 * for the editor.
 */
import { attr, readElement, skipBraces, type ElementTag } from "./args.ts";
import { bilibiliId, dedentCommon, embedFromUrl, trimBlankLines, type Embed, type Platform } from "./build.ts";
import { block, closer, leaf, opener, removed, type Item, type Scan } from "./context.ts";
import { codeOut, type Opaque } from "./opaque.ts";
import { alertOpener, detailsOpener, embedItem, figureItem, leftAlone, missingCloser } from "./shared.ts";
import { brief } from "./text.ts";

/**
 * Where an import/export starting at `at` ends: the end of its paragraph, or later while its
 * braces, brackets or parentheses are still open (a function body may hold blank lines).
 */
function statementEnd(scan: Scan, at: number): number {
  const src = scan.src;
  const blank = scan.text.nextBlank(at);
  const paragraphEnd = blank >= src.length && !src.endsWith("\n") ? src.length : Math.max(at, blank - 1);
  const limit = Math.min(src.length, at + 20000);
  let depth = 0;
  let quote = "";
  for (let i = at; i < limit; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote || (c === "\n" && quote !== "`")) quote = "";
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      while (i + 1 < limit && src[i + 1] !== "\n") i++;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth = Math.max(0, depth - 1);
    else if (c === "\n" && depth === 0) {
      const next = scan.text.lineEnd(i + 1);
      if (i + 1 >= src.length || src.slice(i + 1, next).trim() === "") return i;
    }
  }
  // Never closed: only its own paragraph is taken.
  return depth === 0 && !quote && limit === src.length ? src.length : paragraphEnd;
}

/** A top-level import or export statement, at `at` (a line start): removed up to the paragraph's end. */
export function esmItem(scan: Scan, at: number): Item | null {
  const src = scan.src;
  if (!/^(import|export)[\s{*]/.test(src.slice(at, at + 7))) return null;
  const end = statementEnd(scan, at);
  const line = scan.line(at);
  const keyword = src.startsWith("import", at) ? "import" : "export";
  return leaf(at, end, () => {
    scan.notes.converted(line, `MDX ${keyword}`, `"${brief(src.slice(at, scan.text.lineEnd(at)))}" removed`);
    return removed;
  });
}

/** JSX children are indented for layout: the content loses that indentation before it is wrapped. */
function dedented(item: Item): Item {
  const wrap = item.wrap!;
  item.wrap = (inner) => wrap(dedentCommon(inner));
  return item;
}

/** `{/* … *\/}` (removed), `{" "}` (a space) and other `{expressions}` (left for the editor). */
export function mdxBrace(scan: Scan, at: number): { item: Item; end: number } | null {
  const src = scan.src;
  const next = src[at + 1];
  if (next === undefined || next === "#" || next === ":" || next === "{" || next === "%" || next === "}") return null;
  const line = scan.line(at);
  if (src.startsWith("/*", at + 1)) {
    const close = scan.text.find("*/}", at + 3);
    if (close === -1) return null;
    const end = close + 3;
    return {
      end,
      item: leaf(at, end, () => {
        scan.notes.converted(line, "MDX comment", "removed");
        return { text: "", block: true };
      }),
    };
  }
  const end = skipBraces(src, at, Math.min(src.length, scan.text.nextBlank(at), at + 1000));
  if (end === -1) return null;
  const expression = src.slice(at + 1, end - 1).trim();
  if (/^(["'])\s*\1$/.test(expression)) {
    return {
      end,
      item: leaf(at, end, () => {
        scan.notes.converted(line, "MDX expression", `{${expression}} became a space`);
        return { text: " " };
      }),
    };
  }
  return { end, item: leftAlone(scan, at, end, "MDX expression", `{${brief(expression)}} is not evaluated here: replace it with its value.`) };
}

const EMBEDS: Record<string, Platform> = {
  youtube: "youtube",
  liteyoutubeembed: "youtube",
  youtubeembed: "youtube",
  youtubevideo: "youtube",
  youtubeplayer: "youtube",
  vimeo: "vimeo",
  tweet: "x",
  twitter: "x",
  xembed: "x",
  gist: "gist",
  bilibili: "bilibili",
};
const ALERTS = new Set(["admonition", "callout", "aside", "note", "tip", "info", "warning", "caution", "danger", "important", "check", "success", "error", "alert"]);
const TABS = new Set(["tabs", "tablist", "codegroup", "codetabs"]);
const TAB_ITEMS = new Set(["tabitem", "tab"]);

function stringAttr(el: ElementTag, ...names: string[]): string | undefined {
  for (const name of names) {
    const found = attr(el, name);
    if (found && !found.expression && !found.bare) return found.value;
  }
  return undefined;
}

function embedOf(platform: Platform, el: ElementTag): Embed | undefined {
  const url = stringAttr(el, "url", "src", "href", "tweetLink", "gistLink");
  if (url && /^https?:/.test(url)) return embedFromUrl(url);
  const title = stringAttr(el, "title");
  if (platform === "x") {
    const link = stringAttr(el, "tweetLink");
    const parts = link?.split("/") ?? [];
    if (parts.length >= 3 && parts[1] === "status") return { platform, user: parts[0], id: parts[2]! };
    const id = stringAttr(el, "id", "tweetId");
    return id ? { platform, id, user: stringAttr(el, "user", "username") } : undefined;
  }
  if (platform === "gist") {
    const link = stringAttr(el, "gistLink", "id");
    if (!link) return undefined;
    const slash = link.lastIndexOf("/");
    return slash === -1 ? { platform, id: link, extra: stringAttr(el, "file") } : { platform, user: link.slice(0, slash), id: link.slice(slash + 1), extra: stringAttr(el, "file") };
  }
  const id = stringAttr(el, "id", "videoId", "videoid", "youTubeId", "youtubeId", "vimeoId", "bvid", "v");
  if (!id) return undefined;
  return { platform, id: platform === "bilibili" ? bilibiliId(id) : id, title };
}

/** `<Name …>`, `<Name … />` or `</Name>`. */
export function componentItem(scan: Scan, el: ElementTag): Item | null {
  const lower = el.name.toLowerCase();
  const key = `jsx:${el.name}`;
  const syntax = `MDX <${el.name}>`;
  const line = scan.line(el.start);
  if (el.closing) {
    const known = ALERTS.has(lower) || TABS.has(lower) || TAB_ITEMS.has(lower) || lower === "details";
    return closer(el.start, el.end, key, () => {
      if (known) scan.notes.attention(line, syntax, "closing tag without its opening tag: remove it.");
      return null;
    });
  }
  const expressions = el.attrs.filter((a) => a.expression).map((a) => a.name);
  const platform = EMBEDS[lower];
  if (platform) {
    const embed = embedOf(platform, el);
    if (!embed && expressions.length) return leftAlone(scan, el.start, el.end, syntax, `its ${expressions.join(", ")} is an expression: replace the component with a link to the video or post.`);
    return embedItem(scan, el.start, el.end, syntax, embed);
  }
  if (lower === "tocinline" || lower === "toc" || lower === "tableofcontents") {
    return leaf(el.start, el.end, () => {
      scan.notes.converted(line, syntax, "table of contents removed (the site adds its own)");
      return removed;
    });
  }
  if (lower === "image" || lower === "img" || lower === "figure") {
    return figureItem(scan, el.start, el.end, syntax, { src: stringAttr(el, "src") ?? "", alt: stringAttr(el, "alt") ?? "", title: stringAttr(el, "title"), caption: stringAttr(el, "caption") }, false);
  }
  const closerHint = `</${el.name}>`;
  if (!el.selfClosing && ALERTS.has(lower)) {
    const type = ["admonition", "callout", "aside", "alert"].includes(lower) ? stringAttr(el, "type", "variant", "kind", "status") ?? "note" : lower;
    return dedented(alertOpener(scan, el.start, el.end, key, syntax, type === "default" ? "note" : type, stringAttr(el, "title", "heading"), closerHint));
  }
  if (!el.selfClosing && lower === "details") {
    const item = detailsOpener(scan, el.start, el.end, key, syntax, stringAttr(el, "summary", "title"), attr(el, "open") !== undefined, closerHint);
    const wrap = item.wrap!;
    // A <summary> child becomes the summary.
    item.wrap = (inner) => {
      const body = dedentCommon(inner);
      const summary = /^\s*<summary>(.*?)<\/summary>/.exec(body);
      if (!summary) return wrap(body);
      const made = detailsOpener(scan, el.start, el.end, key, syntax, summary[1], attr(el, "open") !== undefined, closerHint);
      return made.wrap!(body.slice(summary[0].length));
    };
    return item;
  }
  if (!el.selfClosing && (TABS.has(lower) || TAB_ITEMS.has(lower))) {
    const label = TAB_ITEMS.has(lower) ? stringAttr(el, "label", "title", "value") : undefined;
    return opener(
      el.start,
      el.end,
      key,
      (inner) => {
        scan.notes.converted(line, syntax, TAB_ITEMS.has(lower) ? `tab${label ? ` "${label}"` : ""} became a section${label ? " under a bold label" : ""}` : "tabs removed; their sections follow one another");
        const body = trimBlankLines(dedentCommon(inner));
        return block(label ? (body ? `**${label}**\n\n${body}` : `**${label}**`) : body);
      },
      () => missingCloser(scan, line, syntax, closerHint),
    );
  }
  const message = `unknown component <${el.name}>: replace it with Markdown, or remove it.`;
  if (el.selfClosing) return leftAlone(scan, el.start, el.end, syntax, message);
  const note = () => {
    scan.notes.attention(line, syntax, message);
    return null;
  };
  return opener(el.start, el.end, key, undefined, note);
}

/** `<img src="…" alt="…" />` in MDX becomes a Markdown image (JSX has no raw HTML). */
export function mdxImage(scan: Scan, el: ElementTag): Item | null {
  const src = attr(el, "src");
  if (!src) return null;
  if (src.expression) return leftAlone(scan, el.start, el.end, "MDX <img>", "its src is an expression (require or import): write the image's path instead.");
  return figureItem(scan, el.start, el.end, "MDX <img>", { src: src.value, alt: stringAttr(el, "alt") ?? "", title: stringAttr(el, "title") }, false);
}

/** Docusaurus `<CodeBlock language="js">…</CodeBlock>`: fenced, content byte for byte. */
export function codeBlockOpaque(scan: Scan, at: number): Opaque | null {
  if (!scan.src.startsWith("<CodeBlock", at)) return null;
  const el = readElement(scan.text, at);
  if (!el || el.closing || el.name !== "CodeBlock" || el.selfClosing) return null;
  const close = scan.text.find("</CodeBlock>", el.end);
  if (close === -1) return null;
  const end = close + "</CodeBlock>".length;
  const lang = stringAttr(el, "language", "lang") ?? /language-([\w-]+)/.exec(stringAttr(el, "className") ?? "")?.[1] ?? "";
  const line = scan.line(at);
  return {
    start: at,
    end,
    item: leaf(at, end, (indent) => {
      scan.notes.converted(line, "MDX <CodeBlock>", `became a fenced code block${lang ? ` (${lang})` : ""}`);
      return codeOut(scan, at, el.end, close, end, lang, indent, true);
    }),
  };
}

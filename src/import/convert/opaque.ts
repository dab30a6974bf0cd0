/**
 * Constructs whose content is not Markdown to convert (code-block tags, raw, comments): found
 * before anything else, so code inside them can neither be converted nor confuse the search
 * for the Markdown code regions.
 */
import { readTag, type TemplateTag } from "./args.ts";
import { codeSpan, fence } from "./build.ts";
import type { Item, Scan } from "./context.ts";
import { Text } from "./text.ts";
import type { Out } from "./types.ts";

export interface Opaque {
  start: number;
  end: number;
  item: Item;
}

/** The content between an opener and its closer, without the line breaks that only separate them from it. */
export function innerText(src: string, openEnd: number, closeStart: number): string {
  let inner = src.slice(openEnd, closeStart);
  const firstBreak = inner.indexOf("\n");
  if (firstBreak !== -1 && inner.slice(0, firstBreak).trim() === "") inner = inner.slice(firstBreak + 1);
  const lastBreak = inner.lastIndexOf("\n");
  if (lastBreak !== -1 && /^[ \t>]*$/.test(inner.slice(lastBreak + 1))) inner = inner.slice(0, lastBreak);
  else if (lastBreak === -1 && /^[ \t]*$/.test(inner) && firstBreak !== -1) inner = "";
  return inner;
}

/**
 * Code as its generator showed it: Hugo's and Zola's escaped shortcodes unescaped, paired
 * Liquid {% raw %} markers removed (the same as in fenced code, so a second run changes nothing).
 */
export function unescapeCode(code: string): string {
  if (!code.includes("{")) return code;
  const text = new Text(code);
  const pieces: string[] = [];
  const raws: TemplateTag[] = [];
  const escapes: TemplateTag[] = [];
  for (let at = text.find("{", 0); at !== -1; at = text.find("{", at + 1)) {
    const tag = code[at + 1] === "{" || code[at + 1] === "%" ? readTag(text, at) : null;
    if (tag?.flavor === "escaped") escapes.push(tag);
    else if (tag?.flavor === "liquid" && (tag.name === "raw" || tag.name === "endraw") && tag.args === "") raws.push(tag);
    if (tag) at = tag.end - 1;
  }
  const paired = raws.some((t) => t.name === "raw") && raws.some((t) => t.name === "endraw");
  const edits = [...escapes, ...(paired ? raws : [])].sort((x, y) => x.start - y.start);
  let pos = 0;
  for (const tag of edits) {
    pieces.push(code.slice(pos, tag.start), tag.literal ?? "");
    pos = tag.end;
  }
  pieces.push(code.slice(pos));
  return pieces.join("");
}

/** Whether the construct from `start` to `end` stands alone on its lines. */
export function standsAlone(src: string, start: number, end: number): boolean {
  const lineStart = src.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = src.indexOf("\n", end);
  if (lineEnd === -1) lineEnd = src.length;
  return /^[ \t>]*$/.test(src.slice(lineStart, start)) && src.slice(end, lineEnd).trim() === "";
}

/**
 * A code-block tag as a fenced block holding its content byte for byte (an inline code span
 * when it sat inside a line of text). `indent` prefixes the closing fence.
 */
export function codeOut(scan: Scan, openStart: number, openEnd: number, closeStart: number, closeEnd: number, lang: string, indent: string, jsxString = false): Out {
  let content = unescapeCode(innerText(scan.src, openEnd, closeStart));
  // <CodeBlock>{`code`}</CodeBlock>: the code is the template string.
  if (jsxString && content.startsWith("{`") && content.endsWith("`}")) content = content.slice(2, -2);
  if (!content.includes("\n") && !standsAlone(scan.src, openStart, closeEnd)) return { text: codeSpan(content) };
  const made = fence(lang.replace(/[`\s]/g, ""), content);
  const cut = made.lastIndexOf("\n");
  return { text: `${made.slice(0, cut + 1)}${indent}${made.slice(cut + 1)}`, block: true, verbatim: true };
}

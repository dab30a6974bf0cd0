/**
 * Reading template tags and their arguments, each by one forward pass (no backtracking
 * expressions): Hugo `{{< >}}` / `{{% %}}`, Liquid and Hexo `{% %}` / `{{ }}`, Zola
 * `{{ name(…) }}` / `{% name(…) %}`, and HTML or JSX attributes.
 */
import type { Text } from "./text.ts";

export interface TemplateTag {
  flavor: "hugo" | "liquid" | "output" | "zola-call" | "zola-block" | "zola-end" | "escaped";
  start: number;
  end: number;
  /** Hugo's delimiter: "<" for {{< >}}, "%" for {{% %}}. */
  delim?: "<" | "%";
  /** Shortcode or tag name; for outputs, the whole expression. */
  name: string;
  /** Raw text after the name (Zola: inside the parentheses). */
  args: string;
  /** Hugo closer {{< /name >}}. */
  closing?: boolean;
  /** Hugo {{< name />}}. */
  selfClosing?: boolean;
  // For an escaped tag (Hugo {{</* x */>}}, Zola {{/* x */}}): the tag it shows literally.
  literal?: string;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isNameChar = (c: string | undefined) => c !== undefined && /[\w./-]/.test(c);

/** The template tag starting at `pos` (a "{"), or null. */
export function readTag(text: Text, pos: number): TemplateTag | null {
  const src = text.src;
  if (src[pos] !== "{") return null;
  const second = src[pos + 1];
  if (second === "{") {
    const third = src[pos + 2];
    if (third === "<" || third === "%") return readHugo(text, pos, third);
    if (src.startsWith("/*", pos + 2)) return readEscaped(text, pos, "{{", "}}");
    return readOutput(text, pos);
  }
  if (second === "%") {
    if (src.startsWith("/*", pos + 2)) return readEscaped(text, pos, "{%", "%}");
    return readBlockTag(text, pos);
  }
  return null;
}

function readEscaped(text: Text, pos: number, open: string, close: string): TemplateTag | null {
  const closer = `*/${close}`;
  const at = text.findInParagraph(closer, pos + open.length + 2);
  if (at === -1) return null;
  const inner = text.src.slice(pos + open.length + 2, at);
  return { flavor: "escaped", start: pos, end: at + closer.length, name: "", args: "", literal: `${open}${inner}${close}` };
}

function readHugo(text: Text, pos: number, delim: "<" | "%"): TemplateTag | null {
  const src = text.src;
  const end = delim === "<" ? ">" : "%";
  if (src.startsWith("/*", pos + 3)) {
    const closer = `*/${end}}}`;
    const at = text.findInParagraph(closer, pos + 5);
    if (at === -1) return null;
    return { flavor: "escaped", start: pos, end: at + closer.length, name: "", args: "", literal: `{{${delim}${src.slice(pos + 5, at)}${end}}}` };
  }
  let i = pos + 3;
  while (isSpace(src[i])) i++;
  const closing = src[i] === "/";
  if (closing) i++;
  while (closing && isSpace(src[i])) i++;
  const nameStart = i;
  while (isNameChar(src[i])) i++;
  if (i === nameStart || !/[A-Za-z0-9_]/.test(src[nameStart]!)) return null;
  const closer = `${end}}}`;
  const at = text.findInParagraph(closer, i);
  if (at === -1) return null;
  let name = src.slice(nameStart, i);
  let args = src.slice(i, at).trim();
  let selfClosing = false;
  if (args.endsWith("/")) {
    selfClosing = true;
    args = args.slice(0, -1).trim();
  } else if (name.endsWith("/") && args === "") {
    selfClosing = true;
    name = name.slice(0, -1);
  }
  return { flavor: "hugo", delim, start: pos, end: at + closer.length, name, args, closing, selfClosing };
}

/** `{% … %}`: a Liquid or Hexo tag, or a Zola body shortcode `{% name(…) %}` / `{% end %}`. */
function readBlockTag(text: Text, pos: number): TemplateTag | null {
  const src = text.src;
  let i = pos + 2;
  if (src[i] === "-") i++;
  while (isSpace(src[i])) i++;
  const nameStart = i;
  if (src[i] === "#") i++;
  else while (src[i] !== undefined && /[\w-]/.test(src[i]!)) i++;
  if (i === nameStart) return null;
  const at = text.findInParagraph("%}", i);
  if (at === -1) return null;
  let name = src.slice(nameStart, i);
  let inner = src.slice(i, at);
  if (name.endsWith("-") && inner.trim() === "") name = name.slice(0, -1);
  inner = inner.replace(/-$/, "").trim();
  const end = at + 2;
  if (inner.startsWith("(") && inner.endsWith(")") && /^\w+$/.test(name)) {
    return { flavor: "zola-block", start: pos, end, name, args: inner.slice(1, -1) };
  }
  if (name === "end" && inner === "") return { flavor: "zola-end", start: pos, end, name, args: "" };
  return { flavor: "liquid", start: pos, end, name, args: inner };
}

/** `{{ … }}`: a Liquid (or Vue) output, or a Zola shortcode `{{ name(…) }}`. */
function readOutput(text: Text, pos: number): TemplateTag | null {
  const src = text.src;
  let i = pos + 2;
  while (src[i] === "-" || isSpace(src[i])) i++;
  // "{{ }}" and "{{{" are not worth reading; "{{#id}}" is no template either.
  if (src[i] === "}" || src[i] === "{" || src[i] === undefined) return null;
  const at = text.findInParagraph("}}", i);
  if (at === -1) return null;
  const inner = src.slice(i, at).replace(/-$/, "").trim();
  if (inner === "") return null;
  const call = /^(\w+)\(/.exec(inner);
  if (call && inner.endsWith(")")) return { flavor: "zola-call", start: pos, end: at + 2, name: call[1]!, args: inner.slice(call[0].length, -1) };
  return { flavor: "output", start: pos, end: at + 2, name: inner, args: "" };
}

export interface ShortcodeArgs {
  positional: string[];
  named: Map<string, string>;
}

/** Reads a quoted value starting at `i` (the quote); returns the value and the index after it. */
function readQuoted(raw: string, i: number): [string, number] {
  const q = raw[i]!;
  let out = "";
  let j = i + 1;
  while (j < raw.length && raw[j] !== q) {
    if (raw[j] === "\\" && q !== "`" && j + 1 < raw.length) {
      out += raw[j + 1];
      j += 2;
    } else out += raw[j++];
  }
  return [out, j + 1];
}

const isQuote = (c: string | undefined) => c === '"' || c === "'" || c === "`";

/** Hugo shortcode (and Jekyll include) arguments: positional and `key=value`, values bare, "…", '…' or `…`. */
export function parseShortcodeArgs(raw: string): ShortcodeArgs {
  const positional: string[] = [];
  const named = new Map<string, string>();
  let i = 0;
  while (i < raw.length) {
    while (isSpace(raw[i])) i++;
    if (i >= raw.length) break;
    if (isQuote(raw[i])) {
      const [value, next] = readQuoted(raw, i);
      positional.push(value);
      i = next;
      continue;
    }
    const start = i;
    while (i < raw.length && /[\w-]/.test(raw[i]!)) i++;
    if (i > start && raw[i] === "=") {
      const key = raw.slice(start, i);
      i++;
      if (isQuote(raw[i])) {
        const [value, next] = readQuoted(raw, i);
        named.set(key, value);
        i = next;
      } else {
        const valueStart = i;
        while (i < raw.length && !isSpace(raw[i])) i++;
        named.set(key, raw.slice(valueStart, i));
      }
      continue;
    }
    while (i < raw.length && !isSpace(raw[i])) i++;
    positional.push(raw.slice(start, i));
  }
  return { positional, named };
}

/** Hexo (Nunjucks) tag arguments: split at whitespace; quotes group words and are removed. */
export function parseHexoArgs(raw: string): string[] {
  const args: string[] = [];
  let current = "";
  let has = false;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (isSpace(c)) {
      if (has) args.push(current);
      current = "";
      has = false;
      i++;
    } else if (c === '"' || c === "'") {
      const [value, next] = readQuoted(raw, i);
      current += value;
      has = true;
      i = next;
    } else {
      current += c;
      has = true;
      i++;
    }
  }
  if (has) args.push(current);
  return args;
}

/** Zola shortcode arguments: `key=value` separated by commas; strings in "…", '…' or `…`. */
export function parseZolaArgs(raw: string): Map<string, string> {
  const named = new Map<string, string>();
  let i = 0;
  while (i < raw.length) {
    while (isSpace(raw[i]) || raw[i] === ",") i++;
    const start = i;
    while (i < raw.length && /\w/.test(raw[i]!)) i++;
    if (i === start) break;
    const key = raw.slice(start, i);
    while (isSpace(raw[i])) i++;
    if (raw[i] !== "=") {
      named.set(key, "true");
      continue;
    }
    i++;
    while (isSpace(raw[i])) i++;
    if (isQuote(raw[i])) {
      const [value, next] = readQuoted(raw, i);
      named.set(key, value);
      i = next;
    } else if (raw[i] === "[") {
      const valueStart = i;
      let depth = 0;
      for (; i < raw.length; i++) {
        if (raw[i] === "[") depth++;
        else if (raw[i] === "]" && --depth === 0) {
          i++;
          break;
        } else if (isQuote(raw[i])) i = readQuoted(raw, i)[1] - 1;
      }
      named.set(key, raw.slice(valueStart, i));
    } else {
      const valueStart = i;
      while (i < raw.length && raw[i] !== "," && !isSpace(raw[i])) i++;
      named.set(key, raw.slice(valueStart, i));
    }
  }
  return named;
}

export interface Attr {
  name: string;
  /** The value as written, without its quotes; "" for a bare attribute. */
  value: string;
  /** Where the value (inside its quotes) is in the body. */
  valueStart: number;
  valueEnd: number;
  /** A JSX expression value `{…}`. */
  expression: boolean;
  bare: boolean;
}

export interface ElementTag {
  start: number;
  end: number;
  name: string;
  attrs: Attr[];
  closing: boolean;
  selfClosing: boolean;
}

/** Longest HTML or JSX tag read; longer ones are left as text, which keeps the scan linear. */
const MAX_TAG = 2000;

/**
 * The HTML or JSX tag starting at `pos` (a "<"), or null. Template tags inside quoted values
 * are skipped whole, so `src="{{ "/a.png" | relative_url }}"` is one value.
 */
export function readElement(text: Text, pos: number): ElementTag | null {
  const src = text.src;
  const limit = Math.min(src.length, pos + MAX_TAG, text.nextBlank(pos));
  let i = pos + 1;
  const closing = src[i] === "/";
  if (closing) i++;
  const nameStart = i;
  if (!/[A-Za-z]/.test(src[i] ?? "")) return null;
  while (i < limit && /[\w.:-]/.test(src[i]!)) i++;
  const name = src.slice(nameStart, i);
  const attrs: Attr[] = [];
  for (;;) {
    const spaceStart = i;
    while (i < limit && isSpace(src[i])) i++;
    if (i >= limit) return null;
    const c = src[i]!;
    if (c === ">") return { start: pos, end: i + 1, name, attrs, closing, selfClosing: false };
    if (c === "/" && src[i + 1] === ">") return { start: pos, end: i + 2, name, attrs, closing, selfClosing: true };
    if (i === spaceStart || closing) return null;
    if (c === "{") {
      // JSX spread {...props}
      const end = skipBraces(src, i, limit);
      if (end === -1) return null;
      i = end;
      continue;
    }
    const attrStart = i;
    while (i < limit && /[^\s=>/"'{<]/.test(src[i]!)) i++;
    if (i === attrStart) return null;
    const attrName = src.slice(attrStart, i);
    let j = i;
    while (j < limit && isSpace(src[j])) j++;
    if (src[j] !== "=") {
      attrs.push({ name: attrName, value: "", valueStart: i, valueEnd: i, expression: false, bare: true });
      continue;
    }
    j++;
    while (j < limit && isSpace(src[j])) j++;
    const q = src[j];
    if (q === '"' || q === "'") {
      const valueStart = j + 1;
      let k = valueStart;
      while (k < limit && src[k] !== q) {
        if (src[k] === "{" && (src[k + 1] === "{" || src[k + 1] === "%")) {
          const tag = readTag(text, k);
          if (tag && tag.end <= limit) {
            k = tag.end;
            continue;
          }
        }
        k++;
      }
      if (k >= limit) return null;
      attrs.push({ name: attrName, value: src.slice(valueStart, k), valueStart, valueEnd: k, expression: false, bare: false });
      i = k + 1;
    } else if (q === "{") {
      const end = skipBraces(src, j, limit);
      if (end === -1) return null;
      attrs.push({ name: attrName, value: src.slice(j + 1, end - 1), valueStart: j + 1, valueEnd: end - 1, expression: true, bare: false });
      i = end;
    } else {
      const valueStart = j;
      let k = j;
      while (k < limit && !isSpace(src[k]) && src[k] !== ">" && !(src[k] === "/" && src[k + 1] === ">")) k++;
      if (k === valueStart) return null;
      attrs.push({ name: attrName, value: src.slice(valueStart, k), valueStart, valueEnd: k, expression: false, bare: false });
      i = k;
    }
  }
}

/** Index after the "}" matching the "{" at `pos`, skipping strings, or -1. */
export function skipBraces(src: string, pos: number, limit: number): number {
  let depth = 0;
  for (let i = pos; i < limit; i++) {
    const c = src[i];
    if (c === "{") depth++;
    else if (c === "}") {
      if (--depth === 0) return i + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      let close = i + 1;
      while (close < limit && src[close] !== c) close++;
      if (close >= limit) return -1;
      i = close;
    }
  }
  return -1;
}

export function attr(tag: ElementTag, name: string): Attr | undefined {
  const lower = name.toLowerCase();
  return tag.attrs.find((a) => a.name.toLowerCase() === lower);
}

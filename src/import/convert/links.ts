/**
 * Link and image destinations: Markdown links, images and reference definitions, <a href> and
 * <img src>. A destination may be wrapped in template tags (`{{ site.baseurl }}/x`,
 * `{{ "/a.png" | relative_url }}`, `{% post_url x %}`, `{{< relref "x" >}}`): the whole
 * destination is worked out as one reference.
 */
import { attr, parseHexoArgs, parseShortcodeArgs, readTag, type ElementTag, type TemplateTag } from "./args.ts";
import { leaf, type Item, type Scan } from "./context.ts";
import { leftAlone, resolvePost } from "./shared.ts";
import { brief, escapeHtml, formatDestination, isResolvable, Text } from "./text.ts";

/** Liquid outputs that stand for the site's base URL: removed, the path after them is the link. */
const BASE_URL = new Set(["site.baseurl", "site.url", "site.base_url", "site.github.url", "base_path", "site.url | append: site.baseurl", "site.baseurl | prepend: site.url"]);
/** Filters that turn a path into the site's URL for it. */
const URL_FILTERS = new Set(["relative_url", "absolute_url", "url", "prepend: site.baseurl", "prepend: site.url", "relurl", "absurl"]);

type Part =
  | { kind: "text"; value: string }
  | { kind: "base" }
  | { kind: "post"; name: string; syntax: string }
  | { kind: "asset"; file: string; syntax: string }
  | { kind: "unknown"; tag: string };

/** `"/x" | relative_url` → "/x"; undefined when the output is anything else. */
function wrappedPath(expression: string): string | undefined {
  const q = expression[0];
  if (q !== '"' && q !== "'") return undefined;
  const close = expression.indexOf(q, 1);
  if (close === -1) return undefined;
  const filters = expression
    .slice(close + 1)
    .split("|")
    .map((f) => f.trim().replace(/\s+/g, " ").toLowerCase());
  if (filters[0] !== "" || filters.length < 2) return undefined;
  return filters.slice(1).every((f) => URL_FILTERS.has(f)) ? expression.slice(1, close) : undefined;
}

function classify(tag: TemplateTag, raw: string): Part {
  const written = raw.slice(tag.start, tag.end);
  if (tag.flavor === "output") {
    const expression = tag.name.replace(/\s+/g, " ");
    if (BASE_URL.has(expression)) return { kind: "base" };
    const path = wrappedPath(tag.name);
    return path === undefined ? { kind: "unknown", tag: written } : { kind: "text", value: path };
  }
  if (tag.flavor === "liquid") {
    const first = parseHexoArgs(tag.args)[0];
    if (!first) return { kind: "unknown", tag: written };
    if (tag.name === "post_url") return { kind: "post", name: first, syntax: "Jekyll post_url" };
    if (tag.name === "link" && parseHexoArgs(tag.args).length === 1) return { kind: "post", name: first, syntax: "Jekyll link" };
    if (tag.name === "post_path") return { kind: "post", name: first, syntax: "Hexo post_path" };
    if (tag.name === "asset_path") return { kind: "asset", file: first, syntax: "Hexo asset_path" };
  }
  if (tag.flavor === "hugo" && (tag.name === "ref" || tag.name === "relref")) {
    const args = parseShortcodeArgs(tag.args);
    const path = args.named.get("path") ?? args.positional[0];
    if (path) return { kind: "post", name: path, syntax: `Hugo ${tag.name}` };
  }
  return { kind: "unknown", tag: written };
}

function parts(raw: string): Part[] {
  const text = new Text(raw);
  const out: Part[] = [];
  let literal = "";
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === "{" && (raw[i + 1] === "{" || raw[i + 1] === "%")) {
      const tag = readTag(text, i);
      if (tag) {
        if (literal) out.push({ kind: "text", value: literal });
        literal = "";
        out.push(classify(tag, raw));
        i = tag.end;
        continue;
      }
    }
    literal += raw[i++];
  }
  if (literal) out.push({ kind: "text", value: literal });
  return out;
}

/** See Scan.destination. */
export function evaluateDestination(scan: Scan, raw: string, kind: "link" | "image", pos: number, syntax: string): string {
  const line = scan.line(pos);
  if (!raw.includes("{{") && !raw.includes("{%")) {
    if (raw.startsWith("@/")) {
      const url = scan.resolve({ kind: "link", url: raw, line });
      if (url === undefined) {
        scan.notes.attention(line, "Zola internal link", `"${raw}" was not found: import that post too, or change the link.`);
        return raw;
      }
      scan.notes.converted(line, "Zola internal link", `${raw} → ${url}`);
      return url;
    }
    if (!isResolvable(raw)) return raw;
    const url = scan.resolve({ kind, url: raw, line });
    if (url === undefined || url === raw) return raw;
    scan.notes.converted(line, syntax, `${brief(raw)} → ${url}`);
    return url;
  }
  const list = parts(raw);
  const unknown = list.find((p) => p.kind === "unknown");
  if (unknown?.kind === "unknown") {
    scan.notes.attention(line, syntax, `${brief(unknown.tag)} in a destination cannot be worked out: write the real URL instead.`);
    return raw;
  }
  const refs = list.filter((p) => p.kind === "post" || p.kind === "asset");
  if (refs.length > 1) {
    scan.notes.attention(line, syntax, `${brief(raw)} holds more than one reference: write the real URL instead.`);
    return raw;
  }
  const ref = refs[0];
  if (ref?.kind === "post" || ref?.kind === "asset") {
    const at = list.indexOf(ref);
    const before = list.slice(0, at);
    const after = list.slice(at + 1);
    const suffix = after.map((p) => (p.kind === "text" ? p.value : "")).join("");
    if (before.some((p) => p.kind !== "base") || after.some((p) => p.kind !== "text")) {
      scan.notes.attention(line, ref.syntax, `${brief(raw)} cannot be worked out: write the real URL instead.`);
      return raw;
    }
    if (ref.kind === "asset") {
      const url = (scan.resolve({ kind: "image", url: ref.file, line }) ?? ref.file) + suffix;
      scan.notes.converted(line, ref.syntax, `${brief(raw)} → ${url}`);
      return url;
    }
    const url = resolvePost(scan, ref.name + suffix, ref.syntax);
    if (url === undefined) {
      scan.notes.attention(line, ref.syntax, `post "${ref.name}" not found: import it too, or replace ${brief(raw)} with its link.`);
      return raw;
    }
    scan.notes.converted(line, ref.syntax, `${brief(raw)} → ${url}`);
    return url;
  }
  const path = list.map((p) => (p.kind === "text" ? p.value : "")).join("");
  const url = isResolvable(path) ? (scan.resolve({ kind, url: path, line }) ?? path) : path;
  scan.notes.converted(line, "Liquid URL", `${brief(raw)} → ${url}`);
  return url;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t";

interface Destination {
  start: number;
  end: number;
  angle: boolean;
  /** Index after the whole construct: ")" of a link, end of a definition's destination. */
  after: number;
}

/** Reads a destination at `i`: `<…>`, or a run without spaces in which template tags count as one. */
function readDestination(scan: Scan, i: number, limit: number): { start: number; end: number; angle: boolean } | null {
  const src = scan.src;
  if (src[i] === "<") {
    let j = i + 1;
    while (j < limit && src[j] !== ">" && src[j] !== "\n" && src[j] !== "<") j++;
    return src[j] === ">" ? { start: i + 1, end: j, angle: true } : null;
  }
  let depth = 0;
  let j = i;
  while (j < limit) {
    const c = src[j]!;
    if (c === "{" && (src[j + 1] === "{" || src[j + 1] === "%")) {
      const tag = readTag(scan.text, j);
      if (tag && tag.end <= limit && !src.slice(j, tag.end).includes("\n")) {
        j = tag.end;
        continue;
      }
    }
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c < " ") break;
    if (c === "(") {
      // CommonMark (and markdown-it) stop at 32 nested parentheses.
      if (++depth > 32) return null;
    } else if (c === ")") {
      if (depth === 0) break;
      depth--;
    }
    j++;
  }
  return { start: i, end: j, angle: false };
}

/** `(destination "title")` after a link's or image's "]", with `open` at "(". */
function readInlineDestination(scan: Scan, open: number): Destination | null {
  const src = scan.src;
  const limit = Math.min(src.length, open + 2000, scan.text.nextBlank(open));
  let i = open + 1;
  while (isSpace(src[i])) i++;
  if (src[i] === "\n") i++;
  while (isSpace(src[i])) i++;
  const dest = readDestination(scan, i, limit);
  if (!dest) return null;
  i = dest.angle ? dest.end + 1 : dest.end;
  const afterDest = i;
  while (isSpace(src[i]) || src[i] === "\n") i++;
  const q = src[i];
  if ((q === '"' || q === "'" || q === "(") && i > afterDest) {
    const closeChar = q === "(" ? ")" : q;
    let j = i + 1;
    while (j < limit && src[j] !== closeChar) j += src[j] === "\\" ? 2 : 1;
    if (j >= limit) return null;
    i = j + 1;
    while (isSpace(src[i]) || src[i] === "\n") i++;
  }
  if (src[i] !== ")") return null;
  return { start: dest.start, end: dest.end, angle: dest.angle, after: i + 1 };
}

function destinationItem(scan: Scan, dest: Destination, kind: "link" | "image", syntax: string): Item | null {
  const raw = scan.src.slice(dest.start, dest.end);
  if (raw === "") return null;
  return leaf(dest.start, dest.end, () => {
    const url = evaluateDestination(scan, raw, kind, dest.start, syntax);
    if (url === raw) return null;
    return { text: dest.angle ? url.replace(/[<>\n]/g, encodeURIComponent) : formatDestination(url) };
  });
}

/** The link or image whose "]" is at `close` (followed by "("). */
export function inlineLink(scan: Scan, close: number, image: boolean): { item: Item | null; end: number } | null {
  const dest = readInlineDestination(scan, close + 1);
  if (!dest) return null;
  return { item: destinationItem(scan, dest, image ? "image" : "link", image ? "Markdown image" : "Markdown link"), end: dest.after };
}

/** A reference definition `[label]: destination "title"` starting at `at` (its "["). */
export function definition(scan: Scan, at: number): { item: Item | null; end: number } | null {
  const src = scan.src;
  if (src[at + 1] === "^") return null;
  let i = at + 1;
  const limit = Math.min(src.length, at + 1000);
  while (i < limit && src[i] !== "]" && src[i] !== "[" && src[i] !== "\n") i += src[i] === "\\" ? 2 : 1;
  if (src[i] !== "]" || src[i + 1] !== ":" || i === at + 1) return null;
  i += 2;
  while (isSpace(src[i])) i++;
  if (src[i] === "\n") i++;
  while (isSpace(src[i])) i++;
  const dest = readDestination(scan, i, Math.min(src.length, i + 2000, scan.text.lineEnd(i)));
  if (!dest || dest.end === dest.start) return null;
  const after = dest.angle ? dest.end + 1 : dest.end;
  if (after < src.length && !/[\s]/.test(src[after]!)) return null;
  return { item: destinationItem(scan, { ...dest, after }, "link", "reference definition"), end: after };
}

/** <a href> and <img src> in raw HTML: the value goes through the resolver. */
export function htmlAttributeItem(scan: Scan, el: ElementTag): Item | null {
  const name = el.name.toLowerCase();
  const target = name === "a" ? attr(el, "href") : name === "img" ? attr(el, "src") : undefined;
  if (!target || target.bare || target.value === "") return null;
  if (target.expression) {
    return leftAlone(scan, el.start, el.end, name === "img" ? "HTML image" : "HTML link", `its ${target.name} is an expression ({${brief(target.value)}}): write the URL instead.`);
  }
  const raw = target.value;
  const kind = name === "img" ? "image" : "link";
  const quoted = scan.src[target.valueStart - 1] === '"';
  return leaf(target.valueStart, target.valueEnd, () => {
    const url = evaluateDestination(scan, raw, kind, target.valueStart, name === "img" ? "HTML image" : "HTML link");
    if (url === raw) return null;
    return { text: quoted ? url.replace(/"/g, "&quot;") : escapeHtml(url) };
  });
}

/** Where code is: fences found line by line, and code spans matched as CommonMark matches them. */
import MarkdownIt from "markdown-it";
import { readTag, type TemplateTag } from "./args.ts";
import { leaf, type Item, type Scan } from "./context.ts";
import type { Opaque } from "./opaque.ts";

export interface Range {
  start: number;
  end: number;
}

/** A fence line at `at` (a line start): its character, length and info; null when none. */
export function fenceAt(src: string, at: number, lineEnd: number): { char: string; len: number; rest: string } | null {
  let i = at;
  while (i < lineEnd && (src[i] === " " || src[i] === "\t" || src[i] === ">")) i++;
  const c = src[i];
  if (c !== "`" && c !== "~") return null;
  let j = i;
  while (j < lineEnd && src[j] === c) j++;
  if (j - i < 3) return null;
  const rest = src.slice(j, lineEnd);
  if (c === "`" && rest.includes("`")) return null;
  return { char: c, len: j - i, rest };
}

/** Code spans in `src` between `from` and `to`, matched as CommonMark does, in one pass. */
export function codeSpans(src: string, from: number, to: number): Range[] {
  const runs: { pos: number; len: number }[] = [];
  for (let i = from; i < to; ) {
    const c = src[i];
    // A backslash escapes one character, a backtick too (the rest of its run still counts).
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") {
      let j = i;
      while (j < to && src[j] === "`") j++;
      runs.push({ pos: i, len: j - i });
      i = j;
      continue;
    }
    i++;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((run, k) => {
    const list = byLength.get(run.len);
    if (list) list.push(k);
    else byLength.set(run.len, [k]);
  });
  const next = new Map<number, number>();
  const spans: Range[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const list = byLength.get(run.len)!;
    let p = next.get(run.len) ?? 0;
    while (p < list.length && list[p]! <= k) p++;
    next.set(run.len, p);
    if (p >= list.length) continue;
    const closeAt = list[p]!;
    spans.push({ start: run.pos, end: runs[closeAt]!.pos + run.len });
    k = closeAt;
  }
  return spans;
}

/** The opaque constructs that start outside every region (both lists sorted). */
export function outside(opaque: Opaque[], regions: Range[]): Opaque[] {
  const kept: Opaque[] = [];
  let r = 0;
  let reach = -1;
  for (const o of opaque) {
    while (r < regions.length && regions[r]!.start <= o.start) reach = Math.max(reach, regions[r++]!.end);
    if (o.start >= reach) kept.push(o);
  }
  return kept;
}

/** Code blocks and code spans, by markdown-it, with the opaque constructs masked. */
export function codeRegions(scan: Scan, opaque: Opaque[], fences: Range[]): Range[] {
  const src = scan.src;
  let masked = src;
  if (opaque.length) {
    const pieces: string[] = [];
    let at = 0;
    for (const o of opaque) {
      pieces.push(src.slice(at, o.start), src.slice(o.start, o.end).replace(/[^\n]/g, "x"));
      at = o.end;
    }
    pieces.push(src.slice(at));
    masked = pieces.join("");
  }
  const md = new MarkdownIt({ html: true });
  // MDX has no indented code: indentation inside JSX is layout.
  if (scan.mdx) md.disable("code");
  const tokens = md.parse(masked, {});
  const lineAt = (line: number) => scan.text.startOfLine(line + 1);
  const regions: Range[] = [];
  for (const token of tokens) {
    if (!token.map) continue;
    const [a, b] = token.map;
    if (token.type === "fence" || token.type === "code_block") {
      regions.push({ start: lineAt(a), end: lineAt(b) });
    } else if (token.type === "inline" || token.type === "tr_open") {
      for (const span of codeSpans(masked, lineAt(a), lineAt(b))) regions.push(span);
    }
  }
  // MDX fences may be indented as deep as the JSX around them.
  if (scan.mdx) for (const range of fences) regions.push(range);
  return regions.sort((x, y) => x.start - y.start);
}

/** In code: Hugo's and Zola's escaped shortcodes, shown unescaped; Liquid raw markers, removed. */
export function codeEscapes(scan: Scan, range: Range): Item[] {
  const src = scan.src;
  const items: Item[] = [];
  const raws: TemplateTag[] = [];
  for (let at = scan.text.find("{", range.start); at !== -1 && at < range.end; at = scan.text.find("{", at + 1)) {
    const next = src[at + 1];
    if (next !== "{" && next !== "%") continue;
    if (src.startsWith("/*", at + 2) || (next === "{" && (src[at + 2] === "<" || src[at + 2] === "%") && src.startsWith("/*", at + 3))) {
      const tag = readTag(scan.text, at);
      if (tag?.flavor === "escaped" && tag.end <= range.end) {
        const line = scan.line(at);
        const hugo = /^\{\{[<%]/.test(tag.literal ?? "");
        items.push(
          leaf(tag.start, tag.end, () => {
            scan.notes.converted(line, hugo ? "Hugo escaped shortcode" : "Zola escaped shortcode", `shown in code as ${tag.literal}, as ${hugo ? "Hugo" : "Zola"} showed it`);
            return { text: tag.literal ?? "" };
          }),
        );
        at = tag.end - 1;
      }
    } else if (next === "%") {
      const tag = readTag(scan.text, at);
      if (tag?.flavor === "liquid" && (tag.name === "raw" || tag.name === "endraw") && tag.args === "" && tag.end <= range.end) raws.push(tag);
    }
  }
  if (raws.some((t) => t.name === "raw") && raws.some((t) => t.name === "endraw")) {
    for (const tag of raws) {
      const line = scan.line(tag.start);
      items.push(
        leaf(tag.start, tag.end, () => {
          scan.notes.converted(line, "Liquid raw", `{% ${tag.name} %} removed from code, as Liquid removed it`);
          return { text: "" };
        }),
      );
    }
  }
  return items.sort((x, y) => x.start - y.start);
}

/**
 * kramdown (Jekyll's Markdown, kramdown.gettalong.org/syntax.html): attribute lists `{: .class}`,
 * `{:#id}`, `{:target="_blank"}`, the TOC marker `* TOC` + `{:toc}`, extensions `{::options /}`,
 * `{::comment}…{:/comment}`, `{::nomarkdown}…{:/nomarkdown}`; and the TOC markers of other
 * generators: `[TOC]`, `[[toc]]`, `${toc}`.
 */
import { leaf, removed, type Item, type Scan } from "./context.ts";
import { innerText, standsAlone, type Opaque } from "./opaque.ts";

const TOC_MARKERS = new Set(["[toc]", "[[toc]]", "${toc}", "[[_toc_]]", "[:toc]", "{{toc}}"]);

/** A line holding only a TOC marker, starting at `at` (after indentation or quote markers). */
export function tocLine(scan: Scan, at: number, lineEnd: number): Item | null {
  const marker = scan.src.slice(at, lineEnd).trim();
  if (!TOC_MARKERS.has(marker.toLowerCase())) return null;
  const line = scan.line(at);
  return leaf(at, lineEnd, () => {
    scan.notes.converted(line, "TOC marker", `${marker} removed (the site adds its own table of contents)`);
    return removed;
  });
}

/** `{::comment}…{:/comment}` (or `{:/}`) and `{::nomarkdown}…{:/nomarkdown}`. */
export function kramdownOpaque(scan: Scan, at: number): Opaque | null {
  const src = scan.src;
  const kind = src.startsWith("{::comment}", at) ? "comment" : src.startsWith("{::nomarkdown}", at) ? "nomarkdown" : undefined;
  if (!kind) return null;
  const openEnd = at + kind.length + 4;
  const close = scan.text.memo(`kramdown-${kind}`, openEnd, (from) => {
    for (let p = scan.text.find("{:/", from); p !== -1; p = scan.text.find("{:/", p + 3)) {
      if (src.startsWith("{:/}", p)) return { start: p, end: p + 4 };
      if (src.startsWith(`{:/${kind}}`, p)) return { start: p, end: p + kind.length + 4 };
    }
    return null;
  });
  if (!close) return null;
  const line = scan.line(at);
  return {
    start: at,
    end: close.end,
    item: leaf(at, close.end, () => {
      if (kind === "comment") {
        scan.notes.converted(line, "kramdown comment", "removed");
        return standsAlone(src, at, close.end) ? removed : { text: "" };
      }
      scan.notes.converted(line, "kramdown nomarkdown", "became its content (raw HTML kept as written)");
      return { text: innerText(src, openEnd, close.start), block: true, verbatim: true };
    }),
  };
}

/** Reads an attribute list's tokens (.class, #id, key="v", key='v', key=v, name); null when it is not one. */
function readAttributeList(text: string): string[] | null {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === " " || text[i] === "\t") i++;
    if (i >= text.length) break;
    const start = i;
    if (text[i] === "." || text[i] === "#") i++;
    const nameStart = i;
    while (i < text.length && /[\w-]/.test(text[i]!)) i++;
    if (i === nameStart) return null;
    if (text[i] === "=") {
      i++;
      const q = text[i];
      if (q === '"' || q === "'") {
        const close = text.indexOf(q, i + 1);
        if (close === -1) return null;
        i = close + 1;
      } else while (i < text.length && text[i] !== " " && text[i] !== "\t") i++;
    }
    if (i < text.length && text[i] !== " " && text[i] !== "\t") return null;
    tokens.push(text.slice(start, i));
  }
  return tokens;
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]/;

/** A `{:…}` at `at`: an attribute list or a kramdown extension; null when it is neither. */
export function kramdownBrace(scan: Scan, at: number, lastItemEnd: number): { item: Item; end: number } | null {
  const src = scan.src;
  const text = scan.text;
  const lineEnd = text.lineEnd(at);
  const close = text.find("}", at);
  if (close === -1 || close >= lineEnd) return null;
  const line = scan.line(at);
  if (src[at + 2] === ":") {
    if (!src.startsWith("{::options", at) || src[close - 1] !== "/") return null;
    return {
      end: close + 1,
      item: leaf(at, close + 1, () => {
        scan.notes.converted(line, "kramdown options", "removed");
        return standsAlone(src, at, close + 1) ? removed : { text: "" };
      }),
    };
  }
  const tokens = readAttributeList(src.slice(at + 2, close));
  if (!tokens) return null;
  const end = close + 1;
  const lineStart = text.lineStart(at);
  const alone = src.slice(lineStart, at).trim() === "" && src.slice(end, lineEnd).trim() === "";
  const prevEnd = lineStart - 1;
  const prevStart = prevEnd > 0 ? text.lineStart(prevEnd) : 0;
  const previous = prevEnd > 0 ? src.slice(prevStart, prevEnd) : "";

  if (tokens.length === 1 && tokens[0] === "toc") {
    // kramdown replaces a one-item list right before {:toc} by the table of contents.
    const beforePrevious = prevStart > 0 ? src.slice(text.lineStart(prevStart - 1), prevStart - 1) : "";
    const seed = alone && prevEnd > 0 && /^\s*([*+-]|\d+\.)\s+\S/.test(previous) && !/^\s*([*+-]|\d+\.)\s/.test(beforePrevious) && prevStart >= lastItemEnd;
    const start = seed ? prevStart : at;
    return {
      end,
      item: leaf(start, end, () => {
        scan.notes.converted(scan.line(start), "kramdown TOC", "table of contents marker removed (the site adds its own)");
        return alone ? removed : { text: "" };
      }),
    };
  }

  const id = tokens.find((t) => t.startsWith("#"))?.slice(1);
  const onHeading = !alone && ATX_HEADING.test(src.slice(lineStart, at));
  const afterHeading = alone && prevEnd > 0 && ATX_HEADING.test(previous) && prevEnd >= lastItemEnd;
  if (id && (onHeading || afterHeading)) {
    let start = at;
    while (!afterHeading && start > lineStart && (src[start - 1] === " " || src[start - 1] === "\t")) start--;
    if (afterHeading) start = prevEnd;
    const heading = afterHeading ? previous : src.slice(lineStart, start);
    return {
      end,
      item: leaf(start, end, () => {
        scan.notes.converted(line, "kramdown attribute list", `the heading keeps its id as {#${id}}; other attributes dropped`);
        return { text: `${heading.endsWith(" ") ? "" : " "}{#${id}}` };
      }),
    };
  }
  let start = at;
  const endsLine = src.slice(end, lineEnd).trim() === "";
  if (!alone && endsLine) while (start > lineStart && (src[start - 1] === " " || src[start - 1] === "\t")) start--;
  return {
    end,
    item: leaf(start, end, () => {
      scan.notes.converted(line, "kramdown attribute list", `{:${src.slice(at + 2, close)}} removed (classes and attributes are not kept)`);
      return alone ? removed : { text: "" };
    }),
  };
}

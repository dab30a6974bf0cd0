/**
 * Finds the constructs of a body in one forward scan and writes the converted body.
 *
 * 1. Code-block tags, raw and comments are found first, with a simple fence tracker, and masked.
 * 2. markdown-it finds the code regions (fences, indented code) and the blocks whose inline
 *    text may hold code spans; code is never converted, except the escapes its generator
 *    itself removes from code (Hugo's and Zola's escaped shortcodes, Liquid `{% raw %}`).
 * 3. One scan lists every other construct; openers are paired with their closers by a stack.
 * 4. The body is written again, each construct replaced, paired ones around their converted
 *    content, blocks kept apart from the text around them by blank lines.
 */
import { readElement, readTag, type TemplateTag } from "./args.ts";
import { containerLine } from "./containers.ts";
import type { Item, Scan } from "./context.ts";
import { escapedOutsideCode, hugoHighlight, hugoTag } from "./hugo.ts";
import { hexoOpaque, hexoTag } from "./hexo.ts";
import { jekyllOpaque, jekyllTag, liquidOutput } from "./jekyll.ts";
import { kramdownBrace, kramdownOpaque, tocLine } from "./kramdown.ts";
import { definition, evaluateDestination, htmlAttributeItem, inlineLink } from "./links.ts";
import { codeBlockOpaque, componentItem, esmItem, mdxBrace, mdxImage } from "./mdx.ts";
import type { Opaque } from "./opaque.ts";
import { dedent, Output, reprefix } from "./output.ts";
import { codeEscapes, codeRegions, codeSpans, fenceAt, outside, type Range } from "./regions.ts";
import { leftAlone } from "./shared.ts";
import { Text } from "./text.ts";
import type { ConvertContext, Notes, Out, Reference } from "./types.ts";
import { zolaBlock, zolaCall, zolaEnd } from "./zola.ts";

/** Code and opaque constructs: skipped by the scan, which takes the items found inside them. */
interface Protected extends Range {
  items: Item[];
}

const RAW_TAGS = ["pre", "code", "script", "style", "textarea"];
/** How far back a closer looks for its opener: deeper nesting is not written by people. */
const MAX_NESTING = 200;

const LIST_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/;

interface Placement {
  /** The construct stands alone on its line (after indentation, quote or list markers). */
  alone: boolean;
  startsLine: boolean;
  endsLine: boolean;
  lineStart: number;
  prefix: string;
  /** What continues the line's prefix on following lines. */
  indent: string;
  /** After the construct's line, including its line break. */
  after: number;
  hasBreak: boolean;
}

export class Engine implements Scan {
  readonly text: Text;
  readonly src: string;
  readonly mdx: boolean;
  readonly notes: Notes;
  private readonly context: ConvertContext;
  private readonly items: Item[] = [];
  private prot: Protected[] = [];
  private k = 0;

  constructor(src: string, context: ConvertContext, notes: Notes, mdx: boolean) {
    this.src = src;
    this.text = new Text(src);
    this.context = context;
    this.notes = notes;
    this.mdx = mdx;
  }

  line(pos: number): number {
    return this.text.lineOf(pos);
  }

  resolve(ref: Reference): string | undefined {
    return this.context.resolve(ref);
  }

  titleOf(ref: Reference): string | undefined {
    return this.context.titleOf?.(ref);
  }

  destination(raw: string, kind: "link" | "image", pos: number, syntax: string): string {
    return evaluateDestination(this, raw, kind, pos, syntax);
  }

  run(): string {
    const { opaque, fences } = this.findOpaque();
    let regions = codeRegions(this, opaque, fences);
    const kept = outside(opaque, regions);
    if (kept.length !== opaque.length) regions = codeRegions(this, kept, fences);
    this.protect(regions, kept);
    this.scan();
    this.pair();
    return this.render(0, this.src.length, 0, this.items.length);
  }

  /** Step 1: opaque constructs outside fences (and outside code spans of their line). */
  private findOpaque(): { opaque: Opaque[]; fences: Range[] } {
    const src = this.src;
    const opaque: Opaque[] = [];
    const fences: Range[] = [];
    let fence: { char: string; len: number; start: number } | null = null;
    let pos = 0;
    let atLineStart = true;
    while (pos < src.length) {
      const lineStart = this.text.lineStart(pos);
      const lineEnd = this.text.lineEnd(pos);
      if (atLineStart) {
        const f = fenceAt(src, pos, lineEnd);
        if (fence) {
          if (f && f.char === fence.char && f.len >= fence.len && f.rest.trim() === "") {
            fences.push({ start: fence.start, end: Math.min(src.length, lineEnd + 1) });
            fence = null;
          }
          pos = lineEnd + 1;
          continue;
        }
        if (f) {
          fence = { ...f, start: pos };
          pos = lineEnd + 1;
          continue;
        }
      }
      let spans: Range[] | null = null;
      let next = lineEnd + 1;
      atLineStart = true;
      for (let i = pos; i < lineEnd; i++) {
        const c = src[i];
        if (c !== "{" && c !== "<") continue;
        const found = this.opaqueAt(i);
        if (!found) continue;
        spans ??= codeSpans(src, lineStart, lineEnd);
        if (spans.some((s) => i >= s.start && i < s.end)) continue;
        opaque.push(found);
        if (found.end > lineEnd) {
          next = found.end;
          atLineStart = src[found.end - 1] === "\n";
          break;
        }
        i = found.end - 1;
      }
      pos = next;
    }
    if (fence) fences.push({ start: fence.start, end: src.length });
    return { opaque, fences };
  }

  private opaqueAt(at: number): Opaque | null {
    const src = this.src;
    if (src[at] === "<") return this.mdx || src.startsWith("<CodeBlock", at) ? codeBlockOpaque(this, at) : null;
    if (src[at + 1] === ":" && src[at + 2] === ":") return kramdownOpaque(this, at);
    if (src[at + 1] !== "%" && !(src[at + 1] === "{" && (src[at + 2] === "<" || src[at + 2] === "%"))) return null;
    const tag = readTag(this.text, at);
    if (!tag) return null;
    return jekyllOpaque(this, tag) ?? hexoOpaque(this, tag) ?? hugoHighlight(this, tag);
  }

  private protect(regions: Range[], opaque: Opaque[]): void {
    const all: Protected[] = [...regions.map((r) => ({ ...r, items: codeEscapes(this, r) })), ...opaque.map((o) => ({ start: o.start, end: o.end, items: [o.item] }))];
    all.sort((x, y) => x.start - y.start || y.end - x.end);
    const merged: Protected[] = [];
    for (const range of all) {
      const last = merged[merged.length - 1];
      if (last && range.start < last.end) {
        if (range.end > last.end) last.end = range.end;
        for (const item of range.items) if (!last.items.some((other) => item.start < other.end && other.start < item.end)) last.items.push(item);
        last.items.sort((x, y) => x.start - y.start);
      } else merged.push({ ...range, items: [...range.items] });
    }
    this.prot = merged;
  }

  /** Whether a construct from `start` to `end` may take the protected ranges it covers (code spans in it). */
  private claim(start: number, end: number): boolean {
    for (let j = this.k; j < this.prot.length && this.prot[j]!.start < end; j++) {
      const range = this.prot[j]!;
      if (range.end <= start) continue;
      if (range.start < start || range.end > end || range.items.length) return false;
    }
    return true;
  }

  private push(item: Item | null): void {
    if (item) this.items.push(item);
  }

  private lastEnd(): number {
    return this.items.length ? this.items[this.items.length - 1]!.end : 0;
  }

  /** Step 3. */
  private scan(): void {
    const src = this.src;
    const n = src.length;
    let pos = 0;
    let atLineStart = true;
    let brackets: boolean[] = [];
    while (pos < n) {
      while (this.k < this.prot.length && this.prot[this.k]!.end <= pos) this.k++;
      const range = this.prot[this.k];
      if (range && range.start <= pos) {
        for (const item of range.items) this.items.push(item);
        pos = range.end;
        this.k++;
        atLineStart = src[pos - 1] === "\n";
        continue;
      }
      if (atLineStart) {
        atLineStart = false;
        const lineEnd = this.text.lineEnd(pos);
        if (src.slice(pos, lineEnd).trim() === "") brackets = [];
        const next = this.lineConstruct(pos, lineEnd);
        if (next !== undefined) {
          pos = next;
          atLineStart = src[pos - 1] === "\n";
          continue;
        }
      }
      const c = src[pos];
      let next: number | undefined;
      if (c === "\n") {
        atLineStart = true;
        pos++;
        continue;
      } else if (c === "\\") {
        pos += 2;
        continue;
      } else if (c === "{") next = this.braceConstruct(pos);
      else if (c === "<") next = this.angleConstruct(pos);
      else if (c === "[") brackets.push(src[pos - 1] === "!");
      else if (c === "]") {
        const image = brackets.pop();
        if (image !== undefined && src[pos + 1] === "(") {
          const found = inlineLink(this, pos, image);
          if (found && this.claim(pos, found.end)) {
            this.push(found.item);
            next = found.end;
          }
        }
      }
      pos = next ?? pos + 1;
    }
  }

  /** Constructs that take a whole line: containers, MDX import/export, TOC markers, reference definitions. */
  private lineConstruct(lineStart: number, lineEnd: number): number | undefined {
    const src = this.src;
    let at = lineStart;
    while (at < lineEnd && (src[at] === " " || src[at] === "\t" || src[at] === ">")) at++;
    if (src.startsWith(":::", at) && this.claim(at, lineEnd)) {
      const item = containerLine(this, at, lineEnd);
      if (item) {
        this.push(item);
        return lineEnd;
      }
    }
    if (this.mdx && at === lineStart) {
      // ESM cannot interrupt a paragraph; after a blank line, a heading, a JSX or expression line it can start.
      const previous = lineStart === 0 ? "" : src.slice(this.text.lineStart(lineStart - 1), lineStart - 1).trim();
      const item = previous === "" || /^(<|#|\{|import\s|export\s)/.test(previous) ? esmItem(this, lineStart) : null;
      if (item && this.claim(item.start, item.end)) {
        this.push(item);
        return item.end;
      }
    }
    const toc = tocLine(this, at, lineEnd);
    if (toc) {
      this.push(toc);
      return lineEnd;
    }
    if (src[at] === "[") {
      const found = definition(this, at);
      if (found && this.claim(at, found.end)) {
        this.push(found.item);
        return found.end;
      }
    }
    return undefined;
  }

  private braceConstruct(at: number): number | undefined {
    const src = this.src;
    if (src[at + 1] === ":") {
      const found = kramdownBrace(this, at, this.lastEnd());
      if (found && this.claim(found.item.start, found.end)) {
        this.push(found.item);
        return found.end;
      }
      return undefined;
    }
    const tag = readTag(this.text, at);
    if (tag) {
      if (!this.claim(tag.start, tag.end)) return undefined;
      this.push(this.tagItem(tag));
      return tag.end;
    }
    if (this.mdx) {
      const found = mdxBrace(this, at);
      if (found && this.claim(at, found.end)) {
        this.push(found.item);
        return found.end;
      }
    }
    return undefined;
  }

  private tagItem(tag: TemplateTag): Item {
    switch (tag.flavor) {
      case "hugo":
        return hugoTag(this, tag);
      case "escaped":
        return escapedOutsideCode(this, tag);
      case "output":
        return liquidOutput(this, tag);
      case "zola-call":
        return zolaCall(this, tag);
      case "zola-block":
        return zolaBlock(this, tag);
      case "zola-end":
        return zolaEnd(this, tag);
      case "liquid":
        return (
          jekyllTag(this, tag) ??
          hexoTag(this, tag) ??
          leftAlone(this, tag.start, tag.end, `Liquid ${tag.name}`, "unknown tag (a plugin's or theme's): replace it with Markdown or remove it.")
        );
    }
  }

  private angleConstruct(at: number): number | undefined {
    const src = this.src;
    if (src.startsWith("<!--", at)) {
      const close = this.text.find("-->", at + 4);
      return close === -1 ? undefined : close + 3;
    }
    for (const tag of RAW_TAGS) {
      const after = src[at + tag.length + 1];
      if (this.text.lower.startsWith(`<${tag}`, at) && (after === ">" || after === " " || after === "\n" || after === "\t")) {
        const close = this.text.find(`</${tag}`, at, true);
        return close === -1 || !this.claim(at, close) ? undefined : close + tag.length + 2;
      }
    }
    const el = readElement(this.text, at);
    if (!el || !this.claim(el.start, el.end)) return undefined;
    if (/^[A-Z]/.test(el.name)) this.push(componentItem(this, el));
    else if (this.mdx && el.name === "img" && !el.closing && !this.insideHtml(at)) this.push(mdxImage(this, el));
    else if (!el.closing) this.push(htmlAttributeItem(this, el));
    return el.end;
  }

  /** Whether an element comes right after a <figure> or <a> opening tag: an <img> there stays HTML. */
  private insideHtml(at: number): boolean {
    const before = this.src.slice(Math.max(this.text.lineStart(at), at - 2000), at);
    return /<(figure|a)(\s[^<>]*)?>\s*$/i.test(before);
  }

  /** Pairs each closer with the nearest open opener of its key (containers: no more colons than it). */
  private pair(): void {
    const stack: number[] = [];
    this.items.forEach((item, i) => {
      if (item.role === "open") stack.push(i);
      if (item.role !== "close") return;
      for (let s = stack.length - 1; s >= 0 && s >= stack.length - MAX_NESTING; s--) {
        const open = this.items[stack[s]!]!;
        if (open.key === item.key && (open.count === undefined || item.count === undefined || open.count <= item.count)) {
          open.match = i;
          stack.length = s;
          return;
        }
      }
    });
  }

  private placement(start: number, end: number, from: number, to: number): Placement {
    const src = this.src;
    const lineStart = this.text.lineStart(start);
    const lineEnd = Math.min(this.text.lineEnd(Math.max(start, end - 1)), to);
    const prefix = src.slice(lineStart, start);
    const startsLine = lineStart >= from && LIST_PREFIX.test(prefix);
    const endsLine = src.slice(end, lineEnd).trim() === "";
    const hasBreak = lineEnd < to && src[lineEnd] === "\n";
    const indent = startsLine ? prefix.replace(/(?:[-*+]|\d{1,9}[.)])[ \t]+$/, (m) => " ".repeat(m.length)) : "";
    return { alone: startsLine && endsLine, startsLine, endsLine, lineStart, prefix, indent, after: hasBreak ? lineEnd + 1 : lineEnd, hasBreak };
  }

  /** Step 4: the text from `from` to `to`, with items a (inclusive) to b (exclusive) converted. */
  private render(from: number, to: number, a: number, b: number, afterBlank = true): string {
    const out = new Output(afterBlank);
    this.renderTo(out, from, to, a, b);
    return out.done();
  }

  private renderTo(out: Output, from: number, to: number, a: number, b: number): void {
    let pos = from;
    for (let i = a; i < b; ) {
      const item = this.items[i]!;
      if (item.start < pos) {
        i++;
        continue;
      }
      if (item.role === "open" && item.match !== undefined && item.match < b) {
        pos = this.renderPair(out, pos, i, from, to);
        i = item.match + 1;
        continue;
      }
      pos = this.renderLeaf(out, pos, item, from, to);
      i++;
    }
    out.text(this.src.slice(pos, to));
  }

  private renderLeaf(out: Output, pos: number, item: Item, from: number, to: number): number {
    const place = this.placement(item.start, item.end, from, to);
    const result = item.render(place.alone ? place.indent : "");
    return this.emit(out, pos, item.start, item.end, place, result, to);
  }

  /** Writes a construct's output in place of `start`..`end`; returns where the text continues. */
  private emit(out: Output, pos: number, start: number, end: number, place: Placement, result: Out, to: number): number {
    const src = this.src;
    if (result === null) {
      out.text(src.slice(pos, end));
      return end;
    }
    if (result.block && place.alone && pos <= place.lineStart) {
      out.text(src.slice(pos, place.lineStart));
      if (result.text === "") return this.afterRemoved(out, place.after, to);
      const text = place.prefix + (result.verbatim ? result.text : reprefix(result.text, place.indent));
      out.block(text + (place.hasBreak ? "\n" : ""), place.indent);
      return place.after;
    }
    out.text(src.slice(pos, start));
    if (result.block && result.text.includes("\n")) out.text(`\n\n${result.text}\n\n`);
    else out.text(result.text);
    return end;
  }

  /** After removed lines between a blank line (or the start) and another blank line, one blank line is enough. */
  private afterRemoved(out: Output, after: number, to: number): number {
    if (!out.atBlankLine() || after >= to) return after;
    const lineEnd = this.text.lineEnd(after);
    return lineEnd < to && this.src.slice(after, lineEnd).trim() === "" ? lineEnd + 1 : after;
  }

  private renderPair(out: Output, pos: number, i: number, from: number, to: number): number {
    const src = this.src;
    const open = this.items[i]!;
    const close = this.items[open.match!]!;
    const openPlace = this.placement(open.start, open.end, from, to);
    const closePlace = this.placement(close.start, close.end, from, to);
    if (!open.wrap) {
      // A construct kept as written: its note, then its content converted between its own tags.
      open.render("");
      out.text(src.slice(pos, open.end));
      this.renderTo(out, open.end, close.start, i + 1, open.match!);
      out.text(src.slice(close.start, close.end));
      return close.end;
    }
    const asBlock = openPlace.startsLine && closePlace.endsLine && pos <= openPlace.lineStart;
    let innerStart = open.end;
    let innerEnd = close.start;
    if (asBlock) {
      const openLineEnd = this.text.lineEnd(open.end);
      if (src.slice(open.end, openLineEnd).trim() === "") innerStart = Math.min(openLineEnd + 1, close.start);
      if (closePlace.startsLine && closePlace.lineStart >= innerStart) innerEnd = closePlace.lineStart;
    }
    const rendered = this.render(innerStart, innerEnd, i + 1, open.match!, asBlock);
    const inner = asBlock && innerEnd === closePlace.lineStart && rendered.endsWith("\n") ? rendered.slice(0, -1) : rendered;
    const result = open.wrap(asBlock ? dedent(inner, openPlace.indent) : inner);
    if (result === null) {
      out.text(src.slice(pos, innerStart));
      out.text(rendered);
      out.text(src.slice(innerEnd, close.end));
      return close.end;
    }
    if (asBlock) {
      out.text(src.slice(pos, openPlace.lineStart));
      if (result.text === "") return this.afterRemoved(out, closePlace.after, to);
      out.block(openPlace.prefix + reprefix(result.text, openPlace.indent) + (closePlace.hasBreak ? "\n" : ""), openPlace.indent);
      return closePlace.after;
    }
    out.text(src.slice(pos, open.start));
    out.text(result.block && result.text.includes("\n") ? `\n\n${result.text}\n\n` : result.text);
    return close.end;
  }
}

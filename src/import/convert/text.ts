/**
 * Position helpers over one body. Every search that may be repeated from many starting points
 * remembers its last answer, so a body full of openers without closers costs one pass, not one
 * pass per opener.
 */
export class Text {
  readonly src: string;
  /** The body with ASCII letters lower-cased: same length, for case-insensitive searches. */
  readonly lower: string;
  private readonly lineStarts: number[] = [0];
  /** Starts of the lines holding only spaces and tabs. */
  private readonly blankStarts: number[] = [];
  private readonly cache = new Map<string, { from: number; at: number }>();
  private readonly memos = new Map<string, { from: number; value: { start: number } | null }>();

  constructor(src: string) {
    this.src = src;
    this.lower = src.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    let blank = true;
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 10) {
        if (blank) this.blankStarts.push(this.lineStarts[this.lineStarts.length - 1]!);
        this.lineStarts.push(i + 1);
        blank = true;
      } else if (c !== 32 && c !== 9) blank = false;
    }
    if (blank) this.blankStarts.push(this.lineStarts[this.lineStarts.length - 1]!);
  }

  get length(): number {
    return this.src.length;
  }

  /** Start of 1-based line `line`; the body's length past the last line. */
  startOfLine(line: number): number {
    return line <= 1 ? 0 : (this.lineStarts[line - 1] ?? this.src.length);
  }

  /** 1-based line of a position. */
  lineOf(pos: number): number {
    return upperBound(this.lineStarts, pos);
  }

  lineStart(pos: number): number {
    return this.lineStarts[this.lineOf(pos) - 1]!;
  }

  /** Index of the line's "\n", or the body's length on the last line. */
  lineEnd(pos: number): number {
    const next = this.lineStarts[this.lineOf(pos)];
    return next === undefined ? this.src.length : next - 1;
  }

  /** Start of the first blank line after `pos`'s line, or the body's length. */
  nextBlank(pos: number): number {
    const from = this.lineEnd(pos) + 1;
    const i = upperBound(this.blankStarts, from - 1);
    return this.blankStarts[i] ?? this.src.length;
  }

  /** First index of `needle` at or after `from` (in the lower-cased body when `folded`), or -1. */
  find(needle: string, from: number, folded = false): number {
    const key = folded ? `i:${needle}` : needle;
    const hit = this.cache.get(key);
    if (hit && from >= hit.from && (hit.at === -1 || from <= hit.at)) return hit.at;
    const at = (folded ? this.lower : this.src).indexOf(needle, from);
    this.cache.set(key, { from, at });
    return at;
  }

  /** Like find, but the closer must come before the next blank line (constructs never span paragraphs). */
  findInParagraph(needle: string, from: number): number {
    const at = this.find(needle, from);
    return at !== -1 && at < this.nextBlank(from) ? at : -1;
  }

  /** Memoized search by a caller's own rule; `search` must return the first match at or after `from`. */
  memo<T extends { start: number }>(key: string, from: number, search: (from: number) => T | null): T | null {
    const slot = `m:${key}`;
    const hit = this.memos.get(slot);
    if (hit && from >= hit.from && (hit.value === null || from <= hit.value.start)) return hit.value as T | null;
    const value = search(from);
    this.memos.set(slot, { from, value });
    return value;
  }
}

/** Number of entries of a sorted array that are <= value. */
function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A destination the caller may move: relative or root-relative, not a scheme, "//host" or "#fragment". */
export function isResolvable(url: string): boolean {
  if (url === "" || url.startsWith("#") || url.startsWith("//")) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text safe inside Markdown link or image brackets. */
export function escapeLabel(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, " ");
}

/** A Markdown link destination: angle brackets when it holds spaces or unbalanced parentheses. */
export function formatDestination(url: string): string {
  let depth = 0;
  let balanced = true;
  for (const c of url) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) balanced = false;
  }
  if (depth !== 0) balanced = false;
  if (url === "" || (balanced && !/[\s<>]/.test(url))) return url;
  return `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>`;
}

/** A Markdown link title in double quotes. */
export function formatTitle(title: string): string {
  return `"${title.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\s+/g, " ")}"`;
}

/** Removes one pair of matching quotes around a value. */
export function unquote(value: string): string {
  if (value.length >= 2) {
    const q = value[0];
    if ((q === '"' || q === "'" || q === "`") && value[value.length - 1] === q) return value.slice(1, -1);
  }
  return value;
}

/** Shortens a value for a note. */
export function brief(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

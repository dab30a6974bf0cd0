/** Writing the converted body: blank lines around blocks, prefixes of continued lines. */

/** Appends output; keeps a blank line between a block and the text around it. */
export class Output {
  private readonly parts: string[] = [];
  /** The last characters written, after a sentinel for what came before: "\n" a blank line or the start, "x" text. */
  private tail: string;
  private pendingBlank: string | null = null;

  constructor(afterBlank: boolean) {
    this.tail = afterBlank ? "\n" : "x";
  }

  private push(s: string): void {
    if (s === "") return;
    this.parts.push(s);
    this.tail = (this.tail + s).slice(-400);
  }

  text(s: string): void {
    if (s === "") return;
    if (this.pendingBlank !== null) {
      const firstLine = s.slice(0, s.indexOf("\n") === -1 ? s.length : s.indexOf("\n"));
      if (firstLine.replace(/[ \t>]/g, "") !== "") this.push(`${this.pendingBlank}\n`);
      this.pendingBlank = null;
    }
    this.push(s);
  }

  atBlankLine(): boolean {
    return /(^|\n)[ \t>]*\n$/.test(this.tail);
  }

  /** A block starting at a line start; `indent` continues its lines (for the blank lines around it). */
  block(s: string, indent: string): void {
    this.pendingBlank = null;
    if (!this.atBlankLine()) this.push(`${indent.trimEnd()}\n`);
    this.push(s);
    this.pendingBlank = s.endsWith("\n") ? indent.trimEnd() : null;
  }

  done(): string {
    return this.parts.join("");
  }
}

/** Lines after the first get `indent`; blank ones get it without trailing spaces. */
export function reprefix(text: string, indent: string): string {
  if (indent === "") return text;
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? line : line.trim() === "" ? indent.trimEnd() : indent + line))
    .join("\n");
}

/** Removes `indent` from the start of every line that has it. */
export function dedent(text: string, indent: string): string {
  if (indent === "") return text;
  const bare = indent.trimEnd();
  return text
    .split("\n")
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimEnd() === bare ? "" : line))
    .join("\n");
}

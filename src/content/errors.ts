/** A problem with one post, precise enough for an editor to fix it without reading code. */
export interface ContentProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown when content cannot be built; its message lists one problem per line. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const n = problems.length;
    super(
      `${n} content problem${n === 1 ? "" : "s"}:\n` + problems.map((p) => "  " + formatProblem(p)).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
    // The problems are the whole story; a stack trace would only bury them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

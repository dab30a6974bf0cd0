import { LineCounter, parseDocument, type Document, type Node } from "yaml";

/** A registry file (entities, tags) read as YAML, with what its messages need: lines. */
export interface RegistryYaml {
  doc: Document.Parsed;
  /** The line a node starts on (1 when it has no place in the file). */
  lineOf: (node: Node | null | undefined) => number;
  /** Syntax errors, each at the line of the mistake; the document is not to be read when there are any. */
  errors: { line: number; message: string }[];
}

/**
 * Parses a registry file. Every value is read as text ("007" stays 007, "1.10" stays 1.10, a
 * tag 2026 stays 2026), and duplicate keys are left for the caller to report with their lines.
 */
export function parseRegistryYaml(text: string): RegistryYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, schema: "failsafe" });
  return {
    doc,
    lineOf: (node) => (node?.range ? lines.linePos(node.range[0]).line : 1),
    // Without pretty errors a YAML error has no line of its own: it is found from its offset.
    errors: doc.errors.map((error) => ({
      line: error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line,
      message: `invalid YAML: ${error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
    })),
  };
}

import { parse as parseToml, TomlError } from "smol-toml";
import { isScalar, parse as parseYaml, parseDocument, visit, YAMLError, type Document } from "yaml";
import type { ContentProblem } from "./errors.ts";

export type FrontMatterFormat = "yaml" | "toml" | "none";

export interface SplitSource {
  format: FrontMatterFormat;
  /** Raw text between the delimiters ("" when there is none). */
  matter: string;
  /** Everything after the closing delimiter, exactly as in the file (BOM removed). */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
}

export interface ParsedSource extends SplitSource {
  data: Record<string, unknown>;
}

const OPENERS: Record<string, Exclude<FrontMatterFormat, "none">> = { "---": "yaml", "+++": "toml" };

/**
 * Splits a post into front matter and body. Only finds the delimiters; the YAML and TOML
 * themselves are parsed by their libraries. CRLF files keep their bytes in `body`.
 */
export function splitFrontMatter(source: string): SplitSource | ContentProblem {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const firstLineEnd = text.indexOf("\n");
  const firstLine = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).replace(/\r$/, "").trimEnd();
  const format = OPENERS[firstLine];
  if (!format || firstLineEnd === -1) return { format: "none", matter: "", body: text, bodyLine: 1 };

  let pos = firstLineEnd + 1;
  let line = 2;
  while (pos <= text.length) {
    const end = text.indexOf("\n", pos);
    const raw = end === -1 ? text.slice(pos) : text.slice(pos, end);
    if (raw.replace(/\r$/, "").trimEnd() === firstLine) {
      const bodyStart = end === -1 ? text.length : end + 1;
      return {
        format,
        matter: text.slice(firstLineEnd + 1, pos).replace(/\r\n/g, "\n"),
        body: text.slice(bodyStart),
        bodyLine: line + 1,
      };
    }
    if (end === -1) break;
    pos = end + 1;
    line++;
  }
  return {
    file: "",
    line: 1,
    message: `front matter opened with "${firstLine}" is never closed; expected a line with "${firstLine}" after the fields`,
  };
}

/** Turns TOML dates and other non-JSON values into plain strings so one schema reads every format. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/**
 * Front matter longer than this is checked for repeated keys here rather than by the yaml
 * package, which compares every key with each key before it in its map: 10,000 keys took
 * over a second, 58,000 (1 MB) 52 s. Below it (every real post) the package's check is cheap.
 */
const LONG_YAML = 8_000;

/**
 * YAML front matter as the yaml package reads it with unique keys. A long one is read without
 * the package's check, then each map's keys go through a Set; one with an error or a repeated
 * key is read again the package's way, so it fails with the same message. The "core" schema
 * keeps dates as strings: a bare date is a day in the site time zone, not UTC midnight.
 */
function parseYamlMatter(matter: string): unknown {
  const options = { schema: "core", logLevel: "error" } as const;
  if (matter.length > LONG_YAML) {
    const doc = parseDocument(matter, { ...options, uniqueKeys: false });
    if (doc.errors.length === 0 && !repeatsKeys(doc)) return doc.toJS();
  }
  return parseYaml(matter, { ...options, uniqueKeys: true });
}

/** Whether a map of the document has a key twice: scalars compared by value, other keys as nodes (as the package does). */
function repeatsKeys(doc: Document): boolean {
  let repeated = false;
  visit(doc, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (keys.has(value)) {
          repeated = true;
          return visit.BREAK;
        }
        keys.add(value);
      }
      return undefined;
    },
  });
  return repeated;
}

/** Parses a post's source. Returns the problem (file left blank for the caller) when the front matter is broken. */
export function parseSource(source: string): ParsedSource | ContentProblem {
  const split = splitFrontMatter(source);
  if ("message" in split) return split;
  if (split.format === "none" || split.matter.trim() === "") return { ...split, data: {} };
  try {
    const data = split.format === "yaml" ? parseYamlMatter(split.matter) : parseToml(split.matter);
    if (data === null || data === undefined) return { ...split, data: {} };
    if (typeof data !== "object" || Array.isArray(data)) {
      return { file: "", line: 2, message: `front matter must be a set of "key: value" fields, found ${Array.isArray(data) ? "a list" : typeof data}` };
    }
    return { ...split, data: plain(data) as Record<string, unknown> };
  } catch (error) {
    return locateField(syntaxProblem(split.format, error), split.matter);
  }
}

/**
 * Parsers often report the line after a mistake (an unclosed list is noticed at the closing
 * delimiter); point at the last field line instead and name that field.
 */
function locateField(problem: ContentProblem, matter: string): ContentProblem {
  if (problem.line === undefined) return problem;
  const lines = matter.replace(/\n$/, "").split("\n");
  let index = Math.min(problem.line - 2, lines.length - 1);
  while (index > 0 && lines[index]!.trim() === "") index--;
  for (let i = index; i >= 0; i--) {
    const key = /^["']?([A-Za-z_][\w.-]*)["']?\s*[:=]/.exec(lines[i]!);
    if (key) return { ...problem, line: index + 2, field: key[1] };
  }
  return { ...problem, line: index + 2 };
}

function syntaxProblem(format: "yaml" | "toml", error: unknown): ContentProblem {
  const name = format === "yaml" ? "YAML" : "TOML";
  if (error instanceof YAMLError) {
    // The matter text starts on line 2 of the file; YAML counts from 1.
    const at = error.linePos?.[0];
    const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return { file: "", line: at ? at.line + 1 : undefined, message: `invalid ${name} front matter: ${reason}` };
  }
  if (error instanceof TomlError) {
    const reason = error.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "");
    return { file: "", line: error.line + 1, message: `invalid ${name} front matter: ${reason}` };
  }
  return { file: "", message: `invalid ${name} front matter: ${error instanceof Error ? error.message : String(error)}` };
}

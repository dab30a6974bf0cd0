import { parse as parseToml, TomlError } from "smol-toml";
import { isScalar, LineCounter, parseDocument, visit, YAMLError } from "yaml";
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
  /** 1-based line of the file on which `matter` starts: 2 after an opening delimiter, 1 in Hexo's form without one. */
  matterLine: number;
}

export interface ParsedSource extends SplitSource {
  data: Record<string, unknown>;
  /** What reads but deserves a look: a key set twice (the last value is used). File left blank. */
  warnings: ContentProblem[];
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
  if (!format || firstLineEnd === -1) return hexoFrontMatter(text) ?? { format: "none", matter: "", body: text, bodyLine: 1, matterLine: 1 };

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
        matterLine: 2,
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

/** A field line ("title: x") that can open Hexo's front matter, and the lines that may follow it. */
const FIELD_LINE = /^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/;
const CONTINUATION = /^(?:[ \t]+\S|-(?:[ \t]|$)|#)/;
/** Hexo's front matter is a few fields; a longer run before a "---" is a post whose first section ends in a rule. */
const HEXO_MAX_LINES = 200;

/**
 * Hexo's front matter without the opening "---": "title: x\ndate: …\n---\nbody". Accepted only
 * when every line before the first "---" line is a field, a field's continuation or a blank
 * line, and a title or date is among them, so a post whose first paragraph is followed by a
 * thematic break is never read as fields.
 */
function hexoFrontMatter(text: string): SplitSource | undefined {
  if (!FIELD_LINE.test(text)) return undefined;
  const lines = text.split("\n");
  let keyed = false;
  for (let i = 0; i < Math.min(lines.length, HEXO_MAX_LINES); i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line.trimEnd() === "---") {
      if (!keyed) return undefined;
      const matter = lines.slice(0, i).join("\n").replace(/\r\n/g, "\n").replace(/\r$/, "");
      return { format: "yaml", matter: `${matter}\n`, body: lines.slice(i + 1).join("\n"), bodyLine: i + 2, matterLine: 1 };
    }
    if (line.trim() === "" || CONTINUATION.test(line)) continue;
    if (!FIELD_LINE.test(line)) return undefined;
    if (/^(?:title|date)[ \t]*:/.test(line)) keyed = true;
  }
  return undefined;
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
 * YAML front matter as the yaml package reads it. A key set twice keeps its last value, as
 * Hugo, Jekyll and PyYAML do, and is returned as a warning with both lines: a post published
 * on its own site must not stop this one. The repeated keys are found with one Set per map
 * (the package's own check compares each key with every key before it: 10,000 keys took over
 * a second). The "core" schema keeps dates as strings: a bare date is a day in the site time
 * zone, not UTC midnight.
 */
function parseYamlMatter(matter: string, matterLine: number): { data: unknown; warnings: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(matter, { schema: "core", logLevel: "error", uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) throw doc.errors[0];
  const warnings: ContentProblem[] = [];
  const lineAt = (node: unknown) => {
    const range = (node as { range?: [number, number, number] }).range;
    return range ? lineCounter.linePos(range[0]).line + matterLine - 1 : undefined;
  };
  visit(doc, {
    Map(_, map) {
      const first = new Map<unknown, unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (!first.has(value)) {
          first.set(value, key);
          continue;
        }
        const name = String(value);
        warnings.push({
          file: "",
          line: lineAt(key),
          field: name,
          message: `is set twice (lines ${lineAt(first.get(value))} and ${lineAt(key)}); the last value is used, as Hugo and Jekyll do; remove the other line`,
        });
      }
      return undefined;
    },
  });
  return { data: doc.toJS(), warnings };
}

/** Parses a post's source. Returns the problem (file left blank for the caller) when the front matter is broken. */
export function parseSource(source: string): ParsedSource | ContentProblem {
  const split = splitFrontMatter(source);
  if ("message" in split) return split;
  if (split.format === "none" || split.matter.trim() === "") return { ...split, data: {}, warnings: [] };
  try {
    const { data, warnings } = split.format === "yaml" ? parseYamlMatter(split.matter, split.matterLine) : { data: parseToml(split.matter), warnings: [] };
    if (data === null || data === undefined) return { ...split, data: {}, warnings };
    if (typeof data !== "object" || Array.isArray(data)) {
      return { file: "", line: split.matterLine, message: `front matter must be a set of "key: value" fields, found ${Array.isArray(data) ? "a list" : typeof data}` };
    }
    return { ...split, data: plain(data) as Record<string, unknown>, warnings };
  } catch (error) {
    return locateField(syntaxProblem(split.format, error, split.matterLine), split.matter, split.matterLine);
  }
}

/**
 * Parsers often report the line after a mistake (an unclosed list is noticed at the closing
 * delimiter); point at the last field line instead and name that field.
 */
function locateField(problem: ContentProblem, matter: string, matterLine: number): ContentProblem {
  if (problem.line === undefined) return problem;
  const lines = matter.replace(/\n$/, "").split("\n");
  let index = Math.min(problem.line - matterLine, lines.length - 1);
  while (index > 0 && lines[index]!.trim() === "") index--;
  for (let i = index; i >= 0; i--) {
    const key = /^["']?([A-Za-z_][\w.-]*)["']?\s*[:=]/.exec(lines[i]!);
    if (key) return { ...problem, line: index + matterLine, field: key[1] };
  }
  return { ...problem, line: index + matterLine };
}

function syntaxProblem(format: "yaml" | "toml", error: unknown, matterLine: number): ContentProblem {
  const name = format === "yaml" ? "YAML" : "TOML";
  if (error instanceof YAMLError) {
    // YAML and TOML count lines of the matter from 1.
    const at = error.linePos?.[0];
    const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return { file: "", line: at ? at.line + matterLine - 1 : undefined, message: `invalid ${name} front matter: ${reason}` };
  }
  if (error instanceof TomlError) {
    const reason = error.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "");
    return { file: "", line: error.line + matterLine - 1, message: `invalid ${name} front matter: ${reason}` };
  }
  return { file: "", message: `invalid ${name} front matter: ${error instanceof Error ? error.message : String(error)}` };
}

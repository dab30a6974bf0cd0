import { stringify as tomlStringify } from "smol-toml";
import { stringify as yamlStringify } from "yaml";
import { canonicalFrontMatter } from "../content/canonical.ts";
import { splitFrontMatter } from "../content/frontmatter.ts";
import { normalizePost, type NormalizeOptions } from "../content/normalize.ts";
import type { Post, TranslationOf } from "../content/schema.ts";

export type Recorded = Omit<TranslationOf, "line">;

/** The `translationOf` field as the file's own format writes it, without a trailing newline. */
function fieldText(format: "yaml" | "toml", record: Recorded): string {
  const value = record.slug ? { source: record.source, slug: record.slug, digest: record.digest } : { source: record.source, digest: record.digest };
  const text = format === "yaml" ? yamlStringify({ translationOf: value }, { lineWidth: 0 }) : tomlStringify({ translationOf: value });
  return text.trimEnd();
}

/** `translationOf = { source = "…", digest = "…" }`: JSON strings are TOML basic strings. */
function inlineToml(record: Recorded): string {
  const pairs = Object.entries({ source: record.source, slug: record.slug, digest: record.digest }).filter(([, value]) => value !== undefined);
  return `translationOf = { ${pairs.map(([key, value]) => `${key} = ${JSON.stringify(value)}`).join(", ")} }`;
}

/** A line of `translationOf`'s own block that --accept may rewrite: one of its three keys. */
const OWN_LINE = { yaml: /^\s+["']?(source|slug|digest)["']?\s*:/, toml: /^\s*["']?(source|slug|digest)["']?\s*=/ };

/**
 * The lines of the front matter `translationOf` takes, as [first, after last]: in YAML its key
 * line and the indented lines below it; in TOML its table up to the next table or a blank
 * line, or its one inline line. Throws when the block holds anything --accept would not write
 * again (a comment, another key), so nothing an editor wrote is lost.
 */
function fieldLines(format: "yaml" | "toml", lines: string[]): [number, number] | undefined {
  const start =
    format === "yaml"
      ? lines.findIndex((line) => /^["']?translationOf["']?\s*:/.test(line))
      : lines.findIndex((line) => /^\s*\[\s*["']?translationOf["']?\s*\]/.test(line) || /^\s*["']?translationOf["']?\s*=/.test(line));
  if (start === -1) return undefined;
  const isTable = format === "toml" && /^\s*\[/.test(lines[start]!);
  if (format === "toml" && !isTable) return [start, start + 1];
  let end = start + 1;
  const inBlock = (line: string) => (format === "yaml" ? /^\s/.test(line) : !/^\s*\[/.test(line)) && line.trim() !== "";
  while (end < lines.length && inBlock(lines[end]!)) end++;
  const foreign = lines.slice(start + 1, end).find((line) => !OWN_LINE[format].test(line));
  if (foreign !== undefined) throw new Error(`translationOf holds a line npm run status --accept does not write (${JSON.stringify(foreign.trim())}); set its digest by hand`);
  return [start, end];
}

/**
 * A post's source with `translationOf` set to `record` and every other byte as it was: the
 * field's lines are replaced, or added at the end of the front matter (a front matter is added
 * to a file without one). New lines end as the front matter's first line does. Throws with a
 * message when the field holds lines it would not write again.
 */
export function withTranslationOf(source: string, record: Recorded): string {
  const bom = source.startsWith("\uFEFF") ? "\uFEFF" : "";
  const text = source.slice(bom.length);
  const split = splitFrontMatter(source);
  if ("message" in split) throw new Error(split.message);
  const eol = /^[^\n]*\r\n/.test(text) ? "\r\n" : "\n";
  if (split.format === "none") return `${bom}---${eol}${fieldText("yaml", record).split("\n").join(eol)}${eol}---${eol}${text}`;
  // Lines with their own endings: the fields start at lines[first] (after an opening delimiter,
  // or at the top in Hexo's form without one), lines[close] closes them.
  const lines = text.split(/(?<=\n)/);
  const first = split.matterLine - 1;
  const close = split.bodyLine - 2;
  const matter = lines.slice(first, close).map((line) => line.replace(/\r?\n$/, ""));
  const at = fieldLines(split.format, matter);
  // A TOML inline table stays inline: a table there would take in the keys after it.
  const inline = split.format === "toml" && at && !/^\s*\[/.test(matter[at[0]]!);
  const field = (inline ? [inlineToml(record)] : fieldText(split.format, record).split("\n")).map((line) => line + eol);
  const [from, to] = at ? [at[0] + first, at[1] + first] : [close, close];
  return bom + [...lines.slice(0, from), ...field, ...lines.slice(to)].join("");
}

/**
 * What `withTranslationOf` wrote, read back: the post must read the same as before but for
 * `translationOf`, or nothing is written. Returns the problem, if any.
 */
export function changedBesidesRecord(before: string, after: string, options: NormalizeOptions, record: Recorded): string | undefined {
  const read = (text: string) => normalizePost(text, options);
  const [was, now] = [read(before), read(after)];
  if (!was.post) return `the file does not read: ${was.problems[0]?.message}`;
  if (!now.post) return `the edited front matter does not read back: ${now.problems[0]?.message}`;
  const facts = (post: Post) => {
    const { translationOf: _record, ...fm } = canonicalFrontMatter(post, options.timeZone);
    return JSON.stringify([fm, post.body]);
  };
  if (facts(was.post) !== facts(now.post)) return "recording the version would change other fields of the post";
  const got = now.post.translationOf;
  if (got?.digest !== record.digest || got.source !== record.source) return "the recorded version does not read back";
  return undefined;
}

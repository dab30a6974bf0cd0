import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, type Node, type Pair } from "yaml";
import { parseRegistryYaml } from "../content/registry-yaml.ts";
import { z } from "zod";
import { LANGS, otherLang, perLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import { escapingLinkProblem, realRoot, relativePath, walkFiles } from "../content/files.ts";
import { tagMergeKey } from "./names.ts";

/*
 * The tag registry: one file in the content folder, `tags.yaml`, that says which tags are one
 * tag. It pairs a Chinese tag with its English equivalent (大模型 ↔ LLM: one page in each
 * language, and the language switch goes between them), and merges spellings into the tag they
 * become, per language (LLMs → LLM in English posts). A file of its own, not a part of the
 * entity registry: tags are the editors' words for topics, entities are names found in the text;
 * an entity needs an id, a type and names, a tag only its spelling.
 */

/** The registry's file in the content folder; a missing file is an empty registry. */
export const TAGS_FILE = "tags.yaml";

const LANG_NAMES: Record<Lang, string> = { zh: "Chinese", en: "English" };

/** A spelling merged into a tag of its language. */
export interface Synonym {
  /** As the registry writes it. */
  from: string;
  /** The tag that survives, chains followed (A → B → C gives C), spelled as the registry names it. */
  to: string;
  /** The line of `from` in the file. */
  line: number;
}

/** One side of a pair of equivalent tags. */
export interface Equivalent {
  tag: string;
  /** The same tag in the other language. */
  equivalent: string;
  line: number;
}

export interface TagRegistry {
  /** The registry's file relative to the project root, for messages (also when there is none). */
  file: string;
  /** Per language, by the merge key of the merged spelling. */
  synonyms: Record<Lang, Map<string, Synonym>>;
  /** Per language, by the merge key of that language's side. */
  equivalents: Record<Lang, Map<string, Equivalent>>;
  /** Per language, the spelling the registry gives each tag that stays (by merge key): it names the tag's page. */
  names: Record<Lang, Map<string, string>>;
}

export const emptyTagRegistry = (file = `content/${TAGS_FILE}`): TagRegistry => ({
  file,
  synonyms: perLang(() => new Map()),
  equivalents: perLang(() => new Map()),
  names: perLang(() => new Map()),
});

/** A section left empty ("en:" with nothing below it) reads as no lines; failsafe YAML makes it "". */
const section = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const tagValue = (example: string) =>
  z.string({ error: `expected one tag: ${example}` }).trim().min(1, { error: `expected a tag after the colon: ${example}` });

const synonymsOf = (lang: Lang) => {
  const example = lang === "zh" ? "大语言模型: 大模型" : "LLMs: LLM";
  return section(z.record(z.string(), tagValue(example), { error: `expected one line per spelling, then the ${LANG_NAMES[lang]} tag it becomes: ${example}` }));
};

/** The file's shape; what it means (pairs, chains, cycles) is checked on the YAML below, with lines. */
const fileSchema = z
  .object(
    {
      equivalents: section(
        z.record(z.string(), tagValue("大模型: LLM (a tag has one equivalent)"), { error: "expected one line per pair, the Chinese tag, then its English equivalent: 大模型: LLM" }),
      ),
      synonyms: section(
        z.object({ zh: synonymsOf("zh"), en: synonymsOf("en") }, { error: 'expected a section per language, "zh:" and "en:", each a spelling and the tag it becomes' }).strict(),
      ),
    },
    { error: 'expected two sections, "equivalents:" and "synonyms:"' },
  )
  .strict();

/**
 * Reads the registry from its text. Every problem is reported with its line: YAML and shape
 * errors, a tag paired twice (either side), a spelling merged twice, a spelling merged into
 * itself, a cycle of synonyms, a tag merged away that is also paired (a paired tag stays), and
 * a spelling merged into the other language's side of a pair.
 */
export function parseTagRegistry(file: { path: string; text: string }): { registry: TagRegistry; problems: ContentProblem[] } {
  const registry = emptyTagRegistry(file.path);
  const problems: ContentProblem[] = [];
  // Duplicate keys are reported below, with their lines.
  const { doc, lineOf, errors } = parseRegistryYaml(file.text);
  const problem = (line: number, field: string | undefined, message: string) => problems.push({ file: file.path, line, field, message });
  const result = () => ({ registry, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) });

  if (errors.length) {
    for (const error of errors) problem(error.line, undefined, error.message);
    return result();
  }
  if (doc.contents === null) return result();

  const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value).trim() : "");
  /** The line of the value at a path of keys (the first of duplicate keys), or of its key; else of the deepest key found. */
  const lineAt = (keys: readonly PropertyKey[], of: "value" | "key" = "value") => {
    let node: unknown = doc.contents;
    let line = lineOf(doc.contents as Node);
    keys.every((key, i) => {
      const pair = isMap(node) ? node.items.find((p) => keyOf(p) === String(key)) : undefined;
      if (!pair) return false;
      line = lineOf(pair.key as Node);
      node = pair.value;
      if (node && !(of === "key" && i === keys.length - 1)) line = lineOf(node as Node);
      return true;
    });
    return line;
  };

  const shape = fileSchema.safeParse(doc.toJSON());
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = issue.path.slice(0, issue.path[0] === "synonyms" ? 2 : 1).map(String).join(".") || undefined;
      if (issue.code === "unrecognized_keys") {
        const expected = issue.path.length === 0 ? 'the sections "equivalents:" and "synonyms:"' : 'a section per language, "zh:" and "en:"';
        for (const key of issue.keys) problem(lineAt([...issue.path, key], "key"), field, `unknown section "${key}"; expected ${expected}`);
      } else problem(lineAt(issue.path), field, issue.message);
    }
    return result();
  }

  // Sections by name; a section given twice would lose lines silently, so it is reported.
  const sectionsOf = (node: unknown, where: string | undefined): Map<string, unknown> => {
    const sections = new Map<string, unknown>();
    const seen = new Map<string, number>();
    for (const pair of isMap(node) ? node.items : []) {
      const name = keyOf(pair);
      const first = seen.get(name);
      if (first !== undefined) problem(lineOf(pair.key as Node), where ? `${where}.${name}` : name, `is given twice (first on line ${first}); keep one section and move its lines into it`);
      else {
        seen.set(name, lineOf(pair.key as Node));
        sections.set(name, pair.value);
      }
    }
    return sections;
  };
  const top = sectionsOf(doc.contents, undefined);
  const entries = (node: unknown) =>
    (isMap(node) ? node.items : []).map((pair) => ({ from: keyOf(pair), to: isScalar(pair.value) ? String(pair.value.value).trim() : "", line: lineOf(pair.key as Node) }));

  // Pairs: each tag has at most one equivalent, on either side.
  for (const { from: zh, to: en, line } of entries(top.get("equivalents"))) {
    if (!zh) {
      problem(line, "equivalents", "expected the Chinese tag before the colon: 大模型: LLM");
      continue;
    }
    const earlierZh = registry.equivalents.zh.get(tagMergeKey(zh));
    const earlierEn = registry.equivalents.en.get(tagMergeKey(en));
    if (earlierZh && tagMergeKey(earlierZh.equivalent) === tagMergeKey(en)) {
      problem(line, "equivalents", `"${zh}: ${en}" is given twice (first on line ${earlierZh.line}); keep one`);
    } else if (earlierZh) {
      problem(line, "equivalents", `"${zh}" already has the English equivalent "${earlierZh.equivalent}" (line ${earlierZh.line}); a tag has one equivalent: keep one of the two lines, and list the other spelling under synonyms: en:`);
    } else if (earlierEn) {
      problem(line, "equivalents", `"${en}" already has the Chinese equivalent "${earlierEn.equivalent}" (line ${earlierEn.line}); a tag has one equivalent: keep one of the two lines, and list the other spelling under synonyms: zh: ("${zh}: ${earlierEn.equivalent}")`);
    } else {
      registry.equivalents.zh.set(tagMergeKey(zh), { tag: zh, equivalent: en, line });
      registry.equivalents.en.set(tagMergeKey(en), { tag: en, equivalent: zh, line });
    }
  }
  for (const lang of LANGS) for (const [key, { tag }] of registry.equivalents[lang]) registry.names[lang].set(key, tag);

  const synonymSections = sectionsOf(top.get("synonyms"), "synonyms");
  for (const lang of LANGS) {
    const field = `synonyms.${lang}`;
    const other = otherLang(lang);
    // Merged spelling's key → the tag it names next.
    const edges = new Map<string, { from: string; to: string; toKey: string; line: number }>();
    for (const { from, to, line } of entries(synonymSections.get(lang))) {
      const fromKey = tagMergeKey(from);
      const toKey = tagMergeKey(to);
      const earlier = edges.get(fromKey);
      const paired = registry.equivalents[lang].get(fromKey);
      const otherSide = registry.equivalents[lang].has(toKey) ? undefined : registry.equivalents[other].get(toKey);
      if (!from) problem(line, field, `expected the spelling to merge before the colon: ${lang === "zh" ? "大语言模型: 大模型" : "LLMs: LLM"}`);
      else if (fromKey === toKey) {
        problem(line, field, `"${from}: ${to}" merges a tag into itself; spellings that differ only in case, width or spacing already share one page: remove the line`);
      } else if (earlier) {
        problem(
          line,
          field,
          earlier.toKey === toKey
            ? `"${from}" is given twice (first on line ${earlier.line}); keep one`
            : `"${from}" already becomes "${earlier.to}" (line ${earlier.line}); a spelling becomes one tag: keep one of the two lines`,
        );
      } else if (paired) {
        problem(line, field, `"${from}" is paired with "${paired.equivalent}" under equivalents (line ${paired.line}), so it is a tag that stays and cannot become "${to}": remove one of the two lines, or pair "${to}" instead`);
      } else if (otherSide) {
        const pair = lang === "zh" ? `${otherSide.equivalent}: ${otherSide.tag}` : `${otherSide.tag}: ${otherSide.equivalent}`;
        problem(line, field, `"${to}" is the ${LANG_NAMES[other]} side of "${pair}" under equivalents (line ${otherSide.line}); in ${LANG_NAMES[lang]} posts a spelling becomes a ${LANG_NAMES[lang]} tag: "${from}: ${otherSide.equivalent}"`);
      } else edges.set(fromKey, { from, to, toKey, line });
    }

    // Chains end at the tag that stays; a cycle has none, and is reported once, at its first line.
    const reported = new Set<string>();
    for (const [fromKey, edge] of edges) {
      const path = [edge];
      const seen = new Set([fromKey]);
      let last = edge;
      let cycle = false;
      for (let next = edges.get(last.toKey); next; next = edges.get(last.toKey)) {
        if (seen.has(last.toKey)) {
          cycle = true;
          break;
        }
        seen.add(last.toKey);
        path.push(next);
        last = next;
      }
      if (cycle) {
        const start = path.findIndex((step) => tagMergeKey(step.from) === last.toKey);
        const loop = path.slice(start);
        const id = loop.map((step) => tagMergeKey(step.from)).sort().join("\n");
        if (start === 0 && !reported.has(id)) {
          reported.add(id);
          const first = loop.reduce((a, b) => (b.line < a.line ? b : a));
          const shown = [...loop.map((step) => `"${step.from}"`), `"${loop[0]!.from}"`].join(" → ");
          problem(first.line, field, `${shown} is a cycle of synonyms (lines ${loop.map((step) => step.line).sort((a, b) => a - b).join(", ")}); one of them is the tag that stays: remove its line`);
        }
        continue;
      }
      const to = registry.names[lang].get(last.toKey) ?? last.to;
      registry.names[lang].set(last.toKey, to);
      registry.synonyms[lang].set(fromKey, { from: edge.from, to, line: edge.line });
    }
  }
  return result();
}

/** The registry's file under a content folder, and a link refused because it leads out of `roots`. */
function findTagRegistry(contentRoot: string, roots?: readonly string[]) {
  return walkFiles(contentRoot, { roots: roots ?? [realRoot(contentRoot)], accept: (name) => name === TAGS_FILE, recursive: false });
}

/** What a change to the registry is detected by: its size and mtime, or its absence. */
export function tagRegistryStamp(root: string, contentDir: string): string {
  const stat = statSync(path.resolve(root, contentDir, TAGS_FILE), { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : "none";
}

/** Reads and checks `<root>/<contentDir>/tags.yaml`; no file is an empty registry. */
export function loadTagRegistry(root: string, contentDir: string, roots?: readonly string[]): { registry: TagRegistry; problems: ContentProblem[] } {
  const contentRoot = path.resolve(root, contentDir);
  const rel = (file: string) => relativePath(root, file);
  const found = findTagRegistry(contentRoot, roots);
  // Only the registry's own link: a linked folder of posts is the content loader's to report.
  const problems = found.escaping.filter((link) => path.basename(link.link) === TAGS_FILE).map((link) => escapingLinkProblem(link, rel));
  const file = found.files[0];
  if (!file) return { registry: emptyTagRegistry(rel(path.join(contentRoot, TAGS_FILE))), problems };
  const parsed = parseTagRegistry({ path: rel(file), text: readFileSync(file, "utf8") });
  return { registry: parsed.registry, problems: [...problems, ...parsed.problems] };
}

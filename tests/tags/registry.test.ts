import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { singularKeys, tagSlug } from "../../src/tags/names.ts";
import { emptyTagRegistry, loadTagRegistry, parseTagRegistry } from "../../src/tags/registry.ts";
import { canonicalTag, equivalentTag, isMerged } from "../../src/tags/resolve.ts";
import { ROOT } from "../helpers/seeds.ts";

const parse = (text: string) => parseTagRegistry({ path: "content/tags.yaml", text });
const problemsOf = (text: string) => parse(text).problems.map(formatProblem);

const NEWSROOM = `equivalents:
  大模型: LLM
synonyms:
  zh:
    大语言模型: 大模型
  en:
    LLMs: LLM
    Large Language Models: LLMs
`;

describe("the tag registry", () => {
  it("pairs a Chinese tag with its English equivalent, both ways, and resolves synonyms per language", () => {
    const { registry, problems } = parse(NEWSROOM);
    expect(problems).toEqual([]);
    expect(canonicalTag(registry, "en", "LLMs")).toBe("LLM");
    expect(canonicalTag(registry, "zh", "大语言模型")).toBe("大模型");
    expect(equivalentTag(registry, "en", "LLM")).toBe("大模型");
    expect(equivalentTag(registry, "zh", "大模型")).toBe("LLM");
    // A merged spelling has its tag's equivalent.
    expect(equivalentTag(registry, "en", "LLMs")).toBe("大模型");
    expect(equivalentTag(registry, "zh", "大语言模型")).toBe("LLM");
    expect(equivalentTag(registry, "en", "Agents")).toBeUndefined();
  });

  it("follows chains to the tag that stays, and matches spellings as pages do (case, width, spacing)", () => {
    const { registry } = parse(NEWSROOM);
    expect(canonicalTag(registry, "en", "Large Language Models")).toBe("LLM");
    expect(canonicalTag(registry, "en", "large-language_models")).toBe("LLM");
    expect(canonicalTag(registry, "en", "ＬＬＭｓ")).toBe("LLM");
    // A case variant of a tag the registry names takes the registry's spelling.
    expect(canonicalTag(registry, "en", "llm")).toBe("LLM");
    expect(registry.synonyms.en.get("largelanguagemodels")).toEqual({ from: "Large Language Models", to: "LLM", line: 8 });
  });

  it("merges only in the language of its section and leaves every other tag as written", () => {
    const { registry } = parse(NEWSROOM);
    expect(canonicalTag(registry, "zh", "LLMs")).toBe("LLMs");
    expect(canonicalTag(registry, "en", "大语言模型")).toBe("大语言模型");
    expect(canonicalTag(registry, "en", "Agents")).toBe("Agents");
    expect(isMerged(registry, "en", "llms")).toBe(true);
    expect(isMerged(registry, "zh", "llms")).toBe(false);
  });

  it("lets a language merge the other language's spelling into its own side of a pair", () => {
    const { registry, problems } = parse("equivalents:\n  大模型: LLM\nsynonyms:\n  zh:\n    LLM: 大模型\n");
    expect(problems).toEqual([]);
    expect(canonicalTag(registry, "zh", "LLM")).toBe("大模型");
    expect(canonicalTag(registry, "en", "LLM")).toBe("LLM");
  });

  it("is empty for an empty file, a file of comments and empty sections", () => {
    for (const text of ["", "# nothing yet\n", "equivalents:\nsynonyms:\n  zh: {}\n  en:\n"]) {
      const { registry, problems } = parse(text);
      expect(problems, text).toEqual([]);
      expect(registry.synonyms.en.size + registry.synonyms.zh.size + registry.equivalents.zh.size).toBe(0);
    }
  });

  it("reports a tag with two equivalents, on either side, at the second line", () => {
    expect(problemsOf("equivalents:\n  大模型: LLM\n  大语言模型: LLM\n  大模型: Foundation Models\n")).toEqual([
      'content/tags.yaml:3: equivalents: "LLM" already has the Chinese equivalent "大模型" (line 2); a tag has one equivalent: keep one of the two lines, and list the other spelling under synonyms: zh: ("大语言模型: 大模型")',
      'content/tags.yaml:4: equivalents: "大模型" already has the English equivalent "LLM" (line 2); a tag has one equivalent: keep one of the two lines, and list the other spelling under synonyms: en:',
    ]);
    // Case variants are one tag: "llm" is LLM again.
    expect(problemsOf("equivalents:\n  大模型: LLM\n  基础模型: llm\n")[0]).toMatch(/^content\/tags\.yaml:3: equivalents: "llm" already has the Chinese equivalent "大模型" \(line 2\)/);
    expect(problemsOf("equivalents:\n  大模型: [LLM, Foundation Models]\n")).toEqual(["content/tags.yaml:2: equivalents: expected one tag: 大模型: LLM (a tag has one equivalent)"]);
    expect(problemsOf("equivalents:\n  大模型: LLM\n  大模型: LLM\n")).toEqual(['content/tags.yaml:3: equivalents: "大模型: LLM" is given twice (first on line 2); keep one']);
  });

  it("reports a cycle of synonyms once, with its lines, and a tag merged into itself", () => {
    expect(problemsOf("synonyms:\n  en:\n    Agents: AI Agents\n    AI Agents: Agents\n    Bots: Agents\n")).toEqual([
      'content/tags.yaml:3: synonyms.en: "Agents" → "AI Agents" → "Agents" is a cycle of synonyms (lines 3, 4); one of them is the tag that stays: remove its line',
    ]);
    expect(problemsOf("synonyms:\n  en:\n    A: B\n    B: C\n    C: A\n")).toEqual([
      'content/tags.yaml:3: synonyms.en: "A" → "B" → "C" → "A" is a cycle of synonyms (lines 3, 4, 5); one of them is the tag that stays: remove its line',
    ]);
    expect(problemsOf("synonyms:\n  zh:\n    AI 日报: ai日报\n")).toEqual([
      'content/tags.yaml:3: synonyms.zh: "AI 日报: ai日报" merges a tag into itself; spellings that differ only in case, width or spacing already share one page: remove the line',
    ]);
  });

  it("reports a spelling merged into two tags, and one given twice", () => {
    expect(problemsOf("synonyms:\n  en:\n    LLMs: LLM\n    llms: Large Language Model\n    LLMs: LLM\n")).toEqual([
      'content/tags.yaml:4: synonyms.en: "llms" already becomes "LLM" (line 3); a spelling becomes one tag: keep one of the two lines',
      'content/tags.yaml:5: synonyms.en: "LLMs" is given twice (first on line 3); keep one',
    ]);
  });

  it("reports a paired tag that is also merged away, and a spelling merged into the other language's side of a pair", () => {
    expect(problemsOf("equivalents:\n  大模型: LLM\nsynonyms:\n  en:\n    LLM: Foundation Models\n  zh:\n    大语言模型: LLM\n")).toEqual([
      'content/tags.yaml:5: synonyms.en: "LLM" is paired with "大模型" under equivalents (line 2), so it is a tag that stays and cannot become "Foundation Models": remove one of the two lines, or pair "Foundation Models" instead',
      'content/tags.yaml:7: synonyms.zh: "LLM" is the English side of "大模型: LLM" under equivalents (line 2); in Chinese posts a spelling becomes a Chinese tag: "大语言模型: 大模型"',
    ]);
  });

  it("reports what is not a registry: YAML errors, unknown sections, lists, empty targets, a section twice", () => {
    expect(problemsOf("equivalents:\n  a: b\n c: d\n")[0]).toMatch(/^content\/tags\.yaml:3: invalid YAML: /);
    expect(problemsOf("- LLM\n- LLMs\n")).toEqual(['content/tags.yaml:1: expected two sections, "equivalents:" and "synonyms:"']);
    expect(problemsOf("synonym:\n  LLMs: LLM\nsynonyms:\n  fr:\n    a: b\n  en:\n    LLMs:\n")).toEqual([
      'content/tags.yaml:1: unknown section "synonym"; expected the sections "equivalents:" and "synonyms:"',
      'content/tags.yaml:4: synonyms: unknown section "fr"; expected a section per language, "zh:" and "en:"',
      "content/tags.yaml:7: synonyms.en: expected a tag after the colon: LLMs: LLM",
    ]);
    expect(problemsOf("synonyms:\n  en:\n    LLMs: LLM\nsynonyms:\n  zh:\n    大语言模型: 大模型\n")).toEqual([
      "content/tags.yaml:4: synonyms: is given twice (first on line 1); keep one section and move its lines into it",
    ]);
    expect(problemsOf("synonyms:\n  en: [LLMs, LLM]\n")).toEqual(["content/tags.yaml:2: synonyms.en: expected one line per spelling, then the English tag it becomes: LLMs: LLM"]);
  });

  it("reads tags as written (numbers and dates stay text)", () => {
    const { registry, problems } = parse("synonyms:\n  en:\n    1.10: 1.1\n    2026: Year 2026\n");
    expect(problems).toEqual([]);
    expect(canonicalTag(registry, "en", "1.10")).toBe("1.1");
    expect(canonicalTag(registry, "en", "2026")).toBe("Year 2026");
  });
});

describe("loading the tag registry", () => {
  it("reads the blog's own content/tags.yaml without a problem", () => {
    const { registry, problems } = loadTagRegistry(ROOT, "content");
    expect(problems).toEqual([]);
    expect(registry.file).toBe("content/tags.yaml");
    expect(equivalentTag(registry, "zh", "AI")).toBe("AI");
  });

  it("is empty without a file, and still names where the file would be", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "no-tags-"));
    expect(loadTagRegistry(dir, "content")).toEqual({ registry: emptyTagRegistry("content/tags.yaml"), problems: [] });
  });

  it("refuses a tags.yaml that links out of the project", () => {
    const root = mkdtempSync(path.join(tmpdir(), "linked-tags-"));
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "tags.yaml"), "equivalents:\n  大模型: LLM\n");
    const content = path.join(root, "content");
    mkdirSync(content);
    symlinkSync(path.join(outside, "tags.yaml"), path.join(content, "tags.yaml"));
    const { registry, problems } = loadTagRegistry(root, "content");
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/tags\.yaml: is a symbolic link to .*tags\.yaml, outside the project/)]);
    expect(registry.equivalents.zh.size).toBe(0);
  });
});

describe("tag names", () => {
  it("keeps the URLs tags had before the registry", () => {
    expect(["大模型", "AI 日报", "LLM", "LLMs", "Large Language Models"].map(tagSlug)).toEqual(["大模型", "ai日报", "llm", "llms", "largelanguagemodels"]);
  });

  it("guesses the singulars of English plurals only", () => {
    expect(singularKeys("llms")).toEqual(["llm"]);
    expect(singularKeys("agents")).toEqual(["agent"]);
    expect(singularKeys("policies")).toEqual(["policie", "policy"]);
    expect(singularKeys("boxes")).toEqual(["boxe", "box"]);
    expect(singularKeys("gpus")).toEqual(["gpu"]);
    for (const key of ["access", "大模型", "llm", "s", "ai日报"]) expect(singularKeys(key), key).toEqual([]);
  });
});

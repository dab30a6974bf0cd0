import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { emptyTagRegistry, parseTagRegistry } from "../../src/tags/registry.ts";
import { likelyDuplicateTags, type TaggedPost } from "../../src/tags/review.ts";

const tagged = (lang: "zh" | "en", name: string, tags: string[]): TaggedPost => ({ lang, sourcePath: `content/${lang}/daily/${name}.md`, tags });
const review = (posts: TaggedPost[], yaml?: string) =>
  likelyDuplicateTags(posts, yaml === undefined ? emptyTagRegistry() : parseTagRegistry({ path: "content/tags.yaml", text: yaml }).registry).map(formatProblem);

describe("likely duplicate tags", () => {
  it("reports an English plural beside its singular, naming the registry line that would merge them", () => {
    expect(review([tagged("en", "a", ["LLM", "Agent"]), tagged("en", "b", ["LLMs"]), tagged("en", "c", ["Agents", "Policy", "Policies"])])).toEqual([
      'content/en/daily/b.md: tags: tag "LLMs" looks like the plural of "LLM" (content/en/daily/a.md); they have two pages. To make them one, add "LLMs: LLM" under synonyms: en: in content/tags.yaml',
      'content/en/daily/c.md: tags: tag "Agents" looks like the plural of "Agent" (content/en/daily/a.md); they have two pages. To make them one, add "Agents: Agent" under synonyms: en: in content/tags.yaml',
      'content/en/daily/c.md: tags: tag "Policies" looks like the plural of "Policy" (content/en/daily/c.md); they have two pages. To make them one, add "Policies: Policy" under synonyms: en: in content/tags.yaml',
    ]);
  });

  it("reports spellings that differ in case, width or spacing, which share a page", () => {
    expect(review([tagged("en", "a", ["LLM"]), tagged("en", "b", ["ＬＬＭ"]), tagged("en", "c", ["llm", "AI Agents"]), tagged("en", "d", ["ai-agents"])])).toEqual([
      'content/en/daily/b.md: tags: tag "ＬＬＭ" differs from "LLM" (content/en/daily/a.md) only in case, width or spacing; they share one page',
      'content/en/daily/c.md: tags: tag "llm" differs from "LLM" (content/en/daily/a.md) only in case, width or spacing; they share one page',
      'content/en/daily/d.md: tags: tag "ai-agents" differs from "AI Agents" (content/en/daily/c.md) only in case, width or spacing; they share one page',
    ]);
  });

  it("compares tags within one language only: each language has its own pages", () => {
    expect(review([tagged("zh", "a", ["LLM", "ai"]), tagged("en", "b", ["LLMs", "AI"])])).toEqual([]);
  });

  it("leaves out what the registry already merges, and the spellings of a tag it names", () => {
    const posts = [tagged("en", "a", ["LLM"]), tagged("en", "b", ["LLMs", "llm"]), tagged("zh", "c", ["大语言模型", "大模型"])];
    expect(review(posts, "equivalents:\n  大模型: LLM\nsynonyms:\n  en:\n    LLMs: LLM\n  zh:\n    大语言模型: 大模型\n")).toEqual([]);
    expect(review(posts, "")).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { synonymRedirects } from "../../src/collections/aliases.ts";
import { groupByTag, tagCounterpart, tagSlug } from "../../src/collections/tags.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { parseTagRegistry } from "../../src/tags/registry.ts";
import { post } from "../helpers/content.ts";

const tagged = (name: string, tags: string[]) => post(`zh/daily/${name}.md`, `---\ntitle: ${name}\ndate: 2026-02-06\ntags: ${JSON.stringify(tags)}\n---\nx\n`);

describe("tags", () => {
  it("gives Chinese and symbol tags distinct, non-empty, readable URLs", () => {
    const slugs = ["大模型", "AI 日报", "Agent/智能体", "C++", "C", "？？"].map(tagSlug);
    expect(slugs.slice(0, 5)).toEqual(["大模型", "ai日报", "agent-智能体", "c-plus-plus", "c"]);
    expect(slugs[5]).toMatch(/^tag-[a-z0-9]+$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("merges tags that differ only in case or spacing, under the most used spelling", () => {
    const { groups, problems } = groupByTag([tagged("a", ["AI 日报"]), tagged("b", ["ai日报"]), tagged("c", ["AI 日报"])]);
    expect(problems).toEqual([]);
    expect([...groups.zh.values()].map((g) => [g.name, g.slug, g.posts.length])).toEqual([["AI 日报", "ai日报", 3]]);
  });

  it("reports two different tags that would share a URL instead of merging them", () => {
    const { problems } = groupByTag([tagged("a", ["AI/ML"]), tagged("b", ["AI.ML"])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('tag "AI.ML" would share the URL of tag "AI/ML"');
  });
});

describe("tags as the tag registry makes them", () => {
  const registry = parseTagRegistry({
    path: "content/tags.yaml",
    text: "equivalents:\n  大模型: LLM\nsynonyms:\n  zh:\n    大语言模型: 大模型\n  en:\n    LLMs: LLM\n    Large Language Models: LLMs\n",
  }).registry;
  const en = (name: string, tags: string[]) => post(`en/daily/${name}.md`, `---\ntitle: ${name}\ndate: 2026-03-02\nslug: ${name}\ntags: ${JSON.stringify(tags)}\n---\nx\n`);

  it("groups a merged spelling under the tag it becomes, in the registry's spelling, each post once", () => {
    const a = en("a", ["llm"]);
    const b = en("b", ["LLMs", "LLM"]);
    const c = en("c", ["Large Language Models"]);
    const { groups, tagsOf, problems } = groupByTag([a, b, c], registry);
    expect(problems).toEqual([]);
    expect([...groups.en.values()].map((g) => [g.name, g.slug, g.posts.length, g.equivalent])).toEqual([["LLM", "llm", 3, { name: "大模型", slug: "大模型" }]]);
    expect(tagsOf(b).map((g) => g.name)).toEqual(["LLM"]);
    // The post keeps what its front matter says.
    expect(b.tags).toEqual(["LLMs", "LLM"]);
  });

  it("pairs tag pages across languages by the registry, else by the same URL, both ways", () => {
    const zh = (name: string, tags: string[]) => post(`zh/daily/${name}.md`, `---\ntitle: ${name}\ndate: 2026-03-02\nslug: ${name}\ntags: ${JSON.stringify(tags)}\n---\n某事\n`);
    const { groups } = groupByTag([en("a", ["LLMs", "AI"]), zh("b", ["大语言模型", "AI"]), zh("c", ["LLM"]), en("d", ["Agents"])], registry);
    const counterpart = (lang: "zh" | "en", slug: string) => tagCounterpart(groups, lang, groups[lang].get(slug)!)?.slug;
    expect(counterpart("en", "llm")).toBe("大模型");
    expect(counterpart("zh", "大模型")).toBe("llm");
    expect(counterpart("en", "ai")).toBe("ai");
    // zh "LLM" has the URL of en "LLM", which is paired with 大模型: no pair, so neither side points at it alone.
    expect(counterpart("zh", "llm")).toBeUndefined();
    expect(counterpart("en", "agents")).toBeUndefined();
  });

  it("falls back to the same URL when the equivalent has no posts in the other language", () => {
    const zh = post("zh/daily/z.md", "---\ntitle: z\ndate: 2026-03-02\nslug: z\ntags: [LLM]\n---\n某事\n");
    const { groups } = groupByTag([en("a", ["LLM"]), zh], registry);
    expect(tagCounterpart(groups, "en", groups.en.get("llm")!)?.slug).toBe("llm");
    expect(tagCounterpart(groups, "zh", groups.zh.get("llm")!)?.slug).toBe("llm");
  });

  it("redirects each merged spelling's page to the page of the tag it becomes", () => {
    const { groups } = groupByTag([en("a", ["LLM"])], registry);
    const { redirects, problems } = synonymRedirects(groups, registry);
    expect(problems).toEqual([]);
    // No zh redirect: 大模型 has no Chinese posts here, so nothing to land on.
    expect(redirects.map((r) => [r.url, r.to, r.title, r.sourcePath, r.line, r.field])).toEqual([
      ["/en/tags/llms/", "/en/tags/llm/", "Tagged “LLM”", "content/tags.yaml", 7, "synonyms.en"],
      ["/en/tags/largelanguagemodels/", "/en/tags/llm/", "Tagged “LLM”", "content/tags.yaml", 8, "synonyms.en"],
    ]);
  });

  it("reports a merged spelling whose URL is another tag's page, at its line of the registry", () => {
    const clash = parseTagRegistry({ path: "content/tags.yaml", text: "synonyms:\n  en:\n    AI.ML: Machine Learning\n" }).registry;
    const { groups } = groupByTag([en("a", ["AI/ML"]), en("b", ["Machine Learning"])], clash);
    expect(synonymRedirects(groups, clash).problems.map(formatProblem)).toEqual([
      'content/tags.yaml:3: synonyms.en: "AI.ML" would redirect /en/tags/ai-ml/ to the tag "Machine Learning", but /en/tags/ai-ml/ is the page of the tag "AI/ML"; rename that tag in its posts, or remove this line',
    ]);
  });
});

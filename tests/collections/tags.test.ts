import { describe, expect, it } from "vitest";
import { groupByTag, tagSlug } from "../../src/collections/tags.ts";
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

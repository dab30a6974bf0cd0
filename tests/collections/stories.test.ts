import { describe, expect, it } from "vitest";
import { buildCollections } from "../../src/collections/context.ts";
import { site } from "../../src/config.ts";
import { post, realPosts, realRegistry, registryOf } from "../helpers/content.ts";

const NOW = new Date("2026-03-01T00:00:00Z");
const brief = (date: string, slug: string, body: string) => post(`zh/daily/${date}-${slug}.md`, `---\ntitle: ${slug}\ndate: ${date}\n---\n${body}`);
const item = (headline: string, href: string) => `${headline}\n说明：内容。\n来源：[报道](${href})\n\n`;

describe("stories across the posts of a build", () => {
  it("keeps one story through tracking parameters, www. and the scheme, and splits two pages of one host", () => {
    const posts = [
      brief("2026-02-02", "a", item("甲公司发布新模型", "https://www.example.org/news/1?utm_source=weibo") + item("乙公司融资", "https://example.org/news/2")),
      brief("2026-02-09", "b", item("甲公司新模型上线", "http://example.org/news/1/") + item("丙公司开源", "https://example.org/news/3")),
    ];
    const { stories } = buildCollections(posts, site, NOW).collections;
    expect(stories.stories.map((story) => story.map((i) => i.headline))).toEqual([["甲公司发布新模型", "甲公司新模型上线"]]);
    expect(stories.counts).toMatchObject({ items: 4, stories: 1, source: 1, entities: 0 });
    const [first, later] = posts as [typeof posts[0], typeof posts[0]];
    expect([...stories.relationsOf(later).keys()]).toEqual(["甲公司新模型上线"]);
    expect(stories.relationsOf(later).get("甲公司新模型上线")!.firstIn.map((i) => i.post)).toEqual([first]);
  });

  it("joins items by the model their headlines name, and leaves the site's own links out of sources", () => {
    const registry = registryOf("gpt-5: { type: model, name: GPT-5 }\n");
    const posts = [
      brief("2026-02-02", "a", item("OpenAI 发布 GPT-5", "https://example.com/zh/weekly/x/") + item("别的", "https://example.com/zh/weekly/x/")),
      brief("2026-02-03", "b", item("GPT-5 登顶榜单", "https://other.org/gpt5")),
    ];
    const { stories } = buildCollections(posts, site, NOW, registry).collections;
    expect(stories.stories.map((story) => story.map((i) => i.headline))).toEqual([["OpenAI 发布 GPT-5", "GPT-5 登顶榜单"]]);
    expect(stories.counts.entities).toBe(1);
  });

  it("links the W06 digests to the Feb 6 briefs on the blog's own posts, and the briefs back", () => {
    const { collections } = buildCollections(realPosts(), site, NOW, realRegistry());
    const digests = collections.entries.filter((e) => e.post.kind === "weekly" && e.post.week === "2026-W06");
    const firstIn = new Set(digests.flatMap((e) => [...collections.stories.relationsOf(e.post).values()].flatMap((r) => r.firstIn.map((i) => `${i.post.slug}#${i.anchor}`))));
    // GPT-5.3-Codex (brief 1), OpenAI Frontier and ElevenLabs' round (brief 2).
    expect(firstIn.size).toBeGreaterThanOrEqual(3);
    for (const link of firstIn) expect(link).toMatch(/^2026-02-06-/);
    const briefs = collections.entries.filter((e) => e.post.kind === "daily");
    const included = briefs.flatMap((e) => [...collections.stories.relationsOf(e.post).values()].filter((r) => r.includedIn.length > 0));
    expect(included.length).toBeGreaterThanOrEqual(3);
  });
});

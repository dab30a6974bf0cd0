import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { newsArticle } from "../../src/pages/metadata.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts, realRegistry, registryOf } from "../helpers/content.ts";
import { parseFeedTwice } from "../helpers/feeds.ts";

const blog = buildSite(realPosts(), config, { entities: realRegistry() });
const topic = (url: string) => blog.pages.topics.find((p) => p.url === url)!;
const W06_ZH = "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/";

describe("topic pages on the seed posts", () => {
  it("gives OpenAI, Anthropic and Qwen a page in both languages", () => {
    for (const id of ["openai", "anthropic", "qwen"]) {
      for (const lang of ["zh", "en"]) expect(topic(`/${lang}/topics/${id}/`), `${lang} ${id}`).toBeDefined();
    }
    expect(topic("/zh/topics/qwen/")).toMatchObject({ alternates: { zh: "/zh/topics/qwen/", en: "/en/topics/qwen/" }, switchTo: { url: "/en/topics/qwen/", exact: true } });
  });

  it("lists the weekly digests and the daily brief items that mention OpenAI, by week, with links into the items", () => {
    const page = topic("/zh/topics/openai/");
    const posts = page.weeks.flatMap((w) => w.posts);
    expect(page.weeks.map((w) => w.week)).toEqual(["2026-W07", "2026-W06"]);
    expect(posts.filter((p) => p.kind === "weekly").map((p) => p.url)).toContain(W06_ZH);
    const brief = posts.find((p) => p.url === "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/")!;
    expect(brief.units).toEqual([{ url: "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/#openai发布新一代编程模型gpt-5-3-codex", title: "OpenAI发布新一代编程模型GPT-5.3-Codex", item: true }]);
    // Every unit links to an anchor the post's page has.
    for (const p of posts) {
      const html = blog.pages.posts.find((x) => x.url === p.url)!.html;
      for (const unit of p.units) expect(html, unit.url).toContain(`id="${unit.url.split("#")[1]}"`);
    }
  });

  it("points the empty side to the other language instead of showing nothing", () => {
    const page = topic("/en/topics/qwen/");
    expect(page.topic.count).toBe(0);
    expect(page.weeks).toEqual([]);
    expect(page.pointer).toEqual({ lang: "zh", count: 2, url: "/zh/topics/qwen/" });
    expect(page.topic.feedUrl).toBeUndefined();
    expect(topic("/zh/topics/openai/").pointer).toBeUndefined();
  });

  it("shows names, aliases and relations both ways", () => {
    const qwen = topic("/zh/topics/qwen/").topic;
    expect(qwen).toMatchObject({ name: "千问", otherName: "Qwen", aliases: ["通义千问"], org: { name: "阿里巴巴", url: "/zh/topics/alibaba/" } });
    const openai = topic("/en/topics/openai/").topic;
    expect(openai.members).toEqual(expect.arrayContaining([{ type: "product", links: expect.arrayContaining([{ name: "ChatGPT", url: "/en/topics/chatgpt/" }]) }]));
    expect(topic("/zh/topics/openai/").related.map((r) => r.name)).toContain("Anthropic");
  });

  it("carries the entity's schema.org type", () => {
    expect(JSON.parse(topic("/en/topics/qwen/").jsonLd)).toMatchObject({
      "@type": "CollectionPage",
      mainEntity: { "@type": "SoftwareApplication", name: "Qwen", alternateName: ["千问", "通义千问"], creator: { "@type": "Organization", name: "Alibaba" } },
    });
    expect(JSON.parse(topic("/zh/topics/openai/").jsonLd).mainEntity).toMatchObject({ "@type": "Organization", sameAs: ["https://openai.com/"] });
  });

  it("offers an Atom feed per entity and language that two parsers read", () => {
    for (const url of ["/zh/topics/openai/feed.xml", "/en/topics/openai/feed.xml", "/zh/topics/anthropic/feed.xml", "/zh/topics/qwen/feed.xml"]) {
      const file = blog.pages.feedFiles.find((f) => f.url === url);
      expect(file, url).toBeDefined();
      expect(parseFeedTwice(file!.body, "atom").entries.length, url).toBeGreaterThan(0);
    }
    expect(blog.pages.feedFiles.some((f) => f.url === "/en/topics/qwen/feed.xml")).toBe(false);
    // An entry carries the post's summary and links into the items that mention the entity, not the whole post.
    const openai = blog.pages.feedFiles.find((f) => f.url === "/zh/topics/openai/feed.xml")!.body;
    expect(openai).toContain('href="https://example.com/zh/daily/2026-02-06-ai-hang-ye-dong-tai/#openai发布新一代编程模型gpt-5-3-codex"');
    expect(openai).not.toContain("news-item");
    const feedsPage = blog.pages.feedIndexes.find((p) => p.lang === "zh")!;
    expect(feedsPage.groups.find((g) => g.scope === "topic")!.feeds.map((f) => f.url)).toContain("/zh/topics/openai/feed.xml");
  });

  it("lists every mentioned entity on the index, by type, the most mentioned first", () => {
    const index = blog.pages.topicIndexes.find((p) => p.lang === "en")!;
    expect(index.groups.map((g) => g.type)).toEqual(["organization", "model", "product", "person"]);
    const models = index.groups.find((g) => g.type === "model")!.topics;
    expect(models.find((m) => m.name === "Qwen")).toMatchObject({ count: 0, otherCount: 2, url: "/en/topics/qwen/" });
    const counts = index.groups[0]!.topics.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe("a post's entities", () => {
  const digest = blog.pages.posts.find((p) => p.url === W06_ZH)!;

  it("links the W06 digest's first mention of OpenAI to its page, and lists its entities", () => {
    const first = digest.html.indexOf("OpenAI");
    expect(digest.html.slice(first - 50, first)).toContain('<a href="/zh/topics/openai/" class="entity-link">');
    expect(digest.html.match(/href="\/zh\/topics\/openai\/"/g)).toHaveLength(1);
    expect(digest.entityLinks.slice(0, 2)).toEqual([
      expect.objectContaining({ title: "OpenAI", url: "/zh/topics/openai/" }),
      expect.objectContaining({ title: "Anthropic", url: "/zh/topics/anthropic/" }),
    ]);
  });

  it("names what the post is about and what it mentions in its NewsArticle", () => {
    const article = newsArticle(digest, config) as { about?: { name: string }[]; mentions: { "@type": string; name: string; url: string }[] };
    expect(article.mentions).toEqual(expect.arrayContaining([{ "@type": "Organization", name: "OpenAI", url: "https://example.com/zh/topics/openai/", sameAs: ["https://openai.com/"] }]));
    const aboutQwen = buildSite([post("zh/daily/q.md", "---\ntitle: 千问发布新版\ndate: 2026-02-06\nslug: q\n---\n阿里巴巴发布千问。\n")], config, { entities: realRegistry() });
    expect(newsArticle(aboutQwen.pages.posts[0]!, config)).toMatchObject({ about: [{ name: "千问" }], mentions: [{ name: "阿里巴巴" }] });
  });
});

describe("front-matter overrides", () => {
  const registry = registryOf("meta:\n  type: organization\n  name: Meta\nqwen:\n  type: model\n  name: Qwen\n");

  it("adds an entity the text does not name, and leaves out one it names by another meaning", () => {
    const built = buildSite([post("en/daily/a.md", "---\ntitle: A\ndate: 2026-02-06\nslug: a\nentities: [qwen, -meta]\n---\nMeta-analysis time: Meta reviews.\n")], config, { entities: registry });
    const page = built.pages.posts[0]!;
    expect(page.entityLinks.map((e) => [e.title, e.about])).toEqual([["Qwen", true]]);
    expect(page.html).not.toContain("entity-link");
    expect(built.pages.topics.map((p) => p.url)).toEqual(["/zh/topics/qwen/", "/en/topics/qwen/"]);
  });

  it("reports an id the registry lacks, at the line of the field", () => {
    const built = buildSite([post("en/daily/a.md", "---\ntitle: A\ndate: 2026-02-06\nslug: a\nentities:\n  - qwen\n  - -openai\n---\nx\n")], config, { entities: registry });
    expect(built.problems.map(formatProblem)).toEqual(['content/en/daily/a.md:5: entities: "openai" is not an entity id in the registry (content/entities/); add it there or fix the id']);
  });

  it("reports an unknown id beside real mentions without failing on it", () => {
    const built = buildSite([post("en/daily/a.md", "---\ntitle: Meta and Qwen\ndate: 2026-02-06\nslug: a\nentities: [opnai]\n---\nMeta met Qwen.\n")], config, { entities: registry });
    expect(built.problems.map((p) => p.message)).toEqual(['"opnai" is not an entity id in the registry (content/entities/); add it there or fix the id']);
    expect(built.pages.topics.find((p) => p.url === "/en/topics/meta/")!.related.map((r) => r.name)).toEqual(["Qwen"]);
  });

  it("rejects a value that is not an id", () => {
    expect(() => post("en/daily/a.md", "---\ntitle: A\ndate: 2026-02-06\nentities: [Open AI]\n---\nx\n")).toThrow(/is not an entity id/);
  });
});

describe("topic pages at scale and without a registry", () => {
  it("paginates a busy entity's timeline and groups each page by week", () => {
    const posts = Array.from({ length: 120 }, (_, i) => post(`en/daily/p${i}.md`, `---\ntitle: P${i}\ndate: 2026-${String(Math.floor(i / 28) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}\nslug: p${i}\n---\nQwen news.\n`));
    const built = buildSite(posts, config, { entities: registryOf("qwen:\n  type: model\n  name: Qwen\n") });
    const pages = built.pages.topics.filter((p) => p.lang === "en");
    expect(pages.map((p) => [p.url, p.items.length])).toEqual([["/en/topics/qwen/", 50], ["/en/topics/qwen/page/2/", 50], ["/en/topics/qwen/page/3/", 20]]);
    expect(pages[0]!.weeks.flatMap((w) => w.posts)).toHaveLength(50);
    expect(pages[0]!.weeks[0]!.posts[0]!.title).toBe("P119");
    // The feed carries the latest twenty.
    expect(parseFeedTwice(built.pages.feedFiles.find((f) => f.url === "/en/topics/qwen/feed.xml")!.body, "atom").entries).toHaveLength(20);
    expect(pages[1]!.alternates).toEqual({ en: "/en/topics/qwen/page/2/" });
  });

  it("puts a digest dated after the week it covers under that week", () => {
    const posts = [
      post("en/daily/d1.md", "---\ntitle: D1\ndate: 2026-02-06\nslug: d1\n---\nQwen one.\n"),
      post("en/weekly/w.md", "---\ntitle: W\ndate: 2026-02-11\nweek: 2026-W06\nslug: w\n---\nQwen week.\n"),
      post("en/daily/d2.md", "---\ntitle: D2\ndate: 2026-02-09\nslug: d2\n---\nQwen two.\n"),
      post("en/daily/d3.md", "---\ntitle: D3\ndate: 2026-02-10\nslug: d3\n---\nQwen three.\n"),
    ];
    const built = buildSite(posts, config, { entities: registryOf("qwen:\n  type: model\n  name: Qwen\n") });
    const page = built.pages.topics.find((p) => p.url === "/en/topics/qwen/")!;
    expect(page.weeks.map((w) => [w.week, w.posts.map((p) => p.title)])).toEqual([
      ["2026-W07", ["D3", "D2"]],
      ["2026-W06", ["W", "D1"]],
    ]);
  });

  it("builds no topic pages and links no mentions without a registry", () => {
    const built = buildSite(realPosts(), config);
    expect(built.pages.topicIndexes).toEqual([]);
    expect(built.pages.topics).toEqual([]);
    expect(built.pages.posts.some((p) => p.html.includes("entity-link"))).toBe(false);
  });
});

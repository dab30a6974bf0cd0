import { beforeAll, describe, expect, it } from "vitest";
import { seedBuild, type BuildRun } from "../helpers/build.ts";

const ZH_DIGEST = "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/";
const EN_DIGEST = "/en/weekly/2026-w06-global-tech-and-ai-news/";
const BRIEF = "/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/";

/** The links in a page's "item-story" lines: [label, href, text]. */
function storyLinks(html: string): [string, string, string][] {
  const links: [string, string, string][] = [];
  for (const line of html.matchAll(/<p class="item-story"[^>]*>(.*?)<\/p>/g)) {
    for (const part of line[1]!.matchAll(/<span class="item-story__part">(?:<span class="item-story__label">([^<]*)<\/span> )?(.*?)<\/span>(?=<span class="item-story__part">| <span class="item-story__part">|$)/g)) {
      for (const a of part[2]!.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)) links.push([part[1] ?? "", a[1]!, a[2]!]);
    }
  }
  return links;
}

describe("stories in the built site", () => {
  let build: BuildRun;
  beforeAll(() => {
    build = seedBuild();
  });

  it("links a digest's items to the items of the Feb 6 briefs that had them first, and the briefs' items back", () => {
    const firstIn = storyLinks(build.page(ZH_DIGEST)).filter(([label]) => label === "首发于");
    expect(firstIn.map(([, , text]) => text)).toEqual(["2月6日日报", "2月6日日报", "2月6日日报"]);
    for (const [, href] of firstIn) {
      const [url, anchor] = href.split("#") as [string, string];
      expect(build.page(url), href).toContain(`id="${anchor}"`);
    }
    const back = storyLinks(build.page(BRIEF)).filter(([label]) => label === "收录于");
    expect(back.length).toBeGreaterThanOrEqual(2);
    for (const [, href, text] of back) {
      expect(text).toBe("W06 周报");
      expect(href.startsWith(ZH_DIGEST)).toBe(true);
      expect(build.page(ZH_DIGEST)).toContain(`id="${href.split("#")[1]}"`);
    }
  });

  it("links the English digest to the Chinese brief, saying so, and each item to its translation", () => {
    const links = storyLinks(build.page(EN_DIGEST));
    expect(links.filter(([label]) => label === "First in").map(([, , text]) => text)).toContain("the Feb 6 brief");
    expect(build.page(EN_DIGEST)).toMatch(/hreflang="zh-CN">the Feb 6 brief<\/a> \(in Chinese\)/);
    const translations = links.filter(([, , text]) => text === "This item in Chinese");
    expect(translations.length).toBeGreaterThanOrEqual(15);
    for (const [, href] of translations) expect(href.startsWith(ZH_DIGEST)).toBe(true);
  });

  it("gives every item an anchor and lists the items in the post's JSON-LD", () => {
    const html = build.page(ZH_DIGEST);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const list = blocks.find((b) => b["@type"] === "ItemList");
    expect(list.numberOfItems).toBe(html.match(/<li class="news-item" id=/g)!.length);
    const first = list.itemListElement[0];
    expect(first).toMatchObject({ "@type": "ListItem", position: 1, name: "OpenAI发布GPT-5.3-Codex" });
    expect(first.url).toBe(`https://example.com${ZH_DIGEST}#openai发布gpt-5-3-codex`);
    expect(first.item.isBasedOn).toEqual(["https://openai.com/index/gpt-5-3-codex-system-card"]);
    expect(blocks.find((b) => b["@type"] === "NewsArticle")).toBeDefined();
  });

  it("lists the week's stories on its hub, told by two posts or more, each linking to every telling", () => {
    const html = build.page("/zh/weeks/2026-w06/");
    const section = html.slice(html.indexOf('<section class="week-stories"'));
    const stories = [...section.matchAll(/<a class="week-stories__headline" href="([^"]+)">([^<]+)<\/a> <span class="week-stories__count">(\d+) 篇报道/g)];
    expect(stories.map((m) => m[2])).toEqual(expect.arrayContaining(["OpenAI发布GPT-5.3-Codex", "OpenAI Frontier企业AI代理平台", "ElevenLabs、Cerebras获巨额融资"]));
    for (const m of stories) expect(Number(m[3])).toBeGreaterThanOrEqual(2);
    // A digest and its translation tell a story once: no story is only the two W06 digests.
    expect(stories).toHaveLength(5);
  });

  it("leaves the story links out of feeds and the search index", () => {
    expect(build.page("/zh/feed.xml")).not.toContain("item-story");
    expect(build.page(ZH_DIGEST)).toMatch(/<p class="item-story" data-pagefind-ignore>/);
  });
});

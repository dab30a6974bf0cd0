import { describe, expect, it } from "vitest";
import { createMatcher } from "../../src/entities/matcher.ts";
import type { BodyMention } from "../../src/markdown/mentions.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { registryOf } from "../helpers/content.ts";

const registry = registryOf(`
openai: { type: organization, name: OpenAI }
meta: { type: organization, name: Meta }
anthropic: { type: organization, name: Anthropic }
qwen: { type: model, name: { zh: 千问, en: Qwen }, aliases: [通义千问] }
`);
const finder = createMatcher(registry.entities.values());

function render(body: string, options: { link?: boolean; exclude?: string[]; daily?: boolean } = {}) {
  const mentions: BodyMention[] = [];
  const html = renderMarkdown(body, { siteOrigin: "https://example.com" }, {
    lang: "zh",
    newsItems: options.daily ? "brief" : undefined,
    mentionFinder: finder,
    excludedMentions: new Set(options.exclude ?? []),
    mentionHref: options.link === false ? undefined : (id) => `/zh/topics/${id}/`,
    mentions,
  });
  return { html, mentions, ids: mentions.map((m) => m.id) };
}

describe("entity mentions in a body", () => {
  it("finds names in headings, paragraphs, lists, tables and link text", () => {
    const { ids } = render("## OpenAI news\n\n- 千问 update\n\n| a |\n| - |\n| Meta |\n\n[Anthropic raises](https://example.org/a)\n");
    expect(ids).toEqual(["openai", "qwen", "meta", "anthropic"]);
  });

  it("leaves code, HTML blocks, bare URLs and link targets alone", () => {
    const { ids } = render("`OpenAI` in code\n\n```\nMeta\n```\n\n<div>\nAnthropic\n</div>\n\nhttps://example.org/OpenAI\n\n[a link](https://meta.example/Meta)\n");
    expect(ids).toEqual([]);
  });

  it("counts a name inside inline HTML but never links inside it", () => {
    const { ids, html } = render('See <a href="https://openai.com">OpenAI</a> and <b>Meta</b>.');
    expect(ids).toEqual(["openai", "meta"]);
    expect(html).not.toContain("entity-link");
  });

  it("links the first mention of each entity in prose only, never in a heading or a link", () => {
    const { html } = render("## OpenAI\n\n[OpenAI](https://openai.com) said OpenAI and OpenAI again; Meta too.\n");
    expect(html).toContain('<h2 id="openai"');
    expect(html).not.toMatch(/<h2[^>]*>[^<]*<a href="\/zh\/topics/);
    expect(html).toContain('<a href="https://openai.com" rel="noopener noreferrer">OpenAI</a> said <a href="/zh/topics/openai/" class="entity-link">OpenAI</a> and OpenAI again; <a href="/zh/topics/meta/" class="entity-link">Meta</a> too.');
  });

  it("links nothing when linking is off, and still records the mentions", () => {
    const { html, ids } = render("OpenAI and Meta.", { link: false });
    expect(html).not.toContain("entity-link");
    expect(ids).toEqual(["openai", "meta"]);
  });

  it("leaves an excluded entity unmentioned and unlinked", () => {
    const { html, ids } = render("Meta and OpenAI.", { exclude: ["meta"] });
    expect(ids).toEqual(["openai"]);
    expect(html).toContain("<p>Meta and <a");
  });

  it("places each mention in its news item, linking the item's anchor", () => {
    const body = "**OpenAI发布新模型**\n说明：OpenAI 与 Anthropic 竞争。\n来源：[新闻](https://example.org/1)\n\n**千问登顶榜单**\n说明：通义千问开源。\n来源：[新闻](https://example.org/2)\n";
    const { mentions, html } = render(body, { daily: true });
    expect(html).toContain('class="news-item"');
    expect(mentions).toEqual([
      { id: "openai", units: [{ anchor: "openai发布新模型", title: "OpenAI发布新模型", item: true }] },
      { id: "anthropic", units: [{ anchor: "openai发布新模型", title: "OpenAI发布新模型", item: true }] },
      { id: "qwen", units: [{ anchor: "千问登顶榜单", title: "千问登顶榜单", item: true }] },
    ]);
  });

  it("places mentions outside items in their section, and before any heading in none", () => {
    const { mentions } = render("Meta opens.\n\n## 产业\n\nOpenAI grows.\n\n### 模型\n\nOpenAI ships.\n");
    expect(mentions).toEqual([
      { id: "meta", units: [] },
      { id: "openai", units: [{ anchor: "产业", title: "产业", item: false }, { anchor: "模型", title: "模型", item: false }] },
    ]);
  });

  it("reads a name across a line break or emphasis, and not a longer word split by emphasis", () => {
    const finderWith = createMatcher(registryOf("claude-opus-4-6: { type: model, name: Claude Opus 4.6 }\ndeepseek: { type: organization, name: DeepSeek, aliases: [深度求索] }\nmeta: { type: organization, name: Meta }\n").entities.values());
    const ids = (body: string) => {
      const mentions: BodyMention[] = [];
      renderMarkdown(body, { siteOrigin: "https://example.com" }, { mentionFinder: finderWith, mentions });
      return mentions.map((m) => m.id);
    };
    expect(ids("Claude\nOpus 4.6 ships.")).toEqual(["claude-opus-4-6"]);
    expect(ids("深度\n求索发布新模型。")).toEqual(["deepseek"]);
    expect(ids("Claude&nbsp;Opus 4.6")).toEqual(["claude-opus-4-6"]);
    expect(ids("The **Meta**verse grows.")).toEqual([]);
    expect(ids("**Meta** grows.")).toEqual(["meta"]);
  });

  it("ends a section at a heading without an anchor", () => {
    const { mentions } = render("## 产业\n\nOpenAI grows.\n\n# 另一部分\n\nMeta too.\n");
    expect(mentions).toEqual([
      { id: "openai", units: [{ anchor: "产业", title: "产业", item: false }] },
      { id: "meta", units: [] },
    ]);
  });

  it("does nothing without a finder", () => {
    expect(renderMarkdown("OpenAI", { siteOrigin: "https://example.com" })).toBe("<p>OpenAI</p>\n");
  });
});

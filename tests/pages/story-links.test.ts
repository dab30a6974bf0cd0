import { describe, expect, it } from "vitest";
import { urls } from "../../src/collections/urls.ts";
import type { Post } from "../../src/content/schema.ts";
import { itemLinksHtml, withItemLinks, type LinkTarget } from "../../src/pages/story-links.ts";
import { post } from "../helpers/content.ts";

const none: LinkTarget[] = [];
const relations = (r: Partial<Record<"firstIn" | "buildsOn" | "includedIn" | "followUps" | "sameDay" | "translations", LinkTarget[]>>) => ({
  firstIn: none, buildsOn: none, includedIn: none, followUps: none, sameDay: none, translations: none, ...r,
});
const target = (p: Post, anchor: string, headline = anchor): LinkTarget => ({ post: p, anchor, headline });

const brief = post("zh/daily/2026-02-06-dong-tai.md", "---\ntitle: AI 行业动态\ndate: 2026-02-06\n---\n正文\n");
const brief2 = post("zh/daily/2026-02-06-jia-gou.md", "---\ntitle: AI架构突破\ndate: 2026-02-06\n---\n正文\n");
const digest = post("zh/weekly/2026-w06-zhou-bao.md", "---\ntitle: 周报\ndate: 2026-02-06\nweek: 2026-W06\n---\n正文\n");
const enDigest = post("en/weekly/2026-w06-digest.md", "---\ntitle: Digest\ndate: 2026-02-06\nweek: 2026-W06\n---\nBody\n");

describe("the line of links under a news item", () => {
  it("says where the story broke and links to the item there, in the page's language", () => {
    const zh = itemLinksHtml(relations({ firstIn: [target(brief, "openai发布gpt-5-3-codex", "OpenAI发布GPT-5.3-Codex")] }), "zh");
    expect(zh).toContain(`<span class="item-story__label">首发于</span> <a href="${urls.post(brief)}#openai发布gpt-5-3-codex" title="OpenAI发布GPT-5.3-Codex">2月6日日报</a>`);
    expect(zh).toMatch(/^<p class="item-story" data-pagefind-ignore>/);
    const en = itemLinksHtml(relations({ firstIn: [target(brief, "x")] }), "en");
    expect(en).toContain(`First in</span> <a href="${urls.post(brief)}#x" title="x" hreflang="zh-CN">the Feb 6 brief</a> (in Chinese)`);
  });

  it("names the digest by its week, follow-ups by their day, and the translation by its language", () => {
    const html = itemLinksHtml(relations({ includedIn: [target(digest, "a")], followUps: [target(brief2, "b")], translations: [target(enDigest, "c")] }), "zh");
    expect(html).toContain("收录于</span> <a");
    expect(html).toContain(">W06 周报</a>");
    expect(html).toContain("后续</span> <a");
    expect(html).toContain(`<a href="${urls.post(enDigest)}#c" hreflang="en">本条的英文版</a>`);
  });

  it("names the posts when two links would read alike", () => {
    const html = itemLinksHtml(relations({ firstIn: [target(brief, "a"), target(brief2, "b")] }), "zh");
    expect(html).toContain(">2月6日日报《AI 行业动态》</a>、<a");
    expect(html).toContain(">2月6日日报《AI架构突破》</a>");
  });

  it("escapes headlines and is empty without links", () => {
    expect(itemLinksHtml(relations({ firstIn: [target(brief, "a", 'x" onmouseover="y<')] }), "zh")).toContain('title="x&quot; onmouseover=&quot;y&lt;"');
    expect(itemLinksHtml(relations({}), "zh")).toBe("");
  });

  it("puts each line where its item ends", () => {
    const html = "<section><h3>A</h3><p>a</p></section><section><h3>B</h3><p>b</p></section>";
    const items = [{ anchor: "a", offset: html.indexOf("</section>") }, { anchor: "b", offset: html.lastIndexOf("</section>") }, { anchor: "lost", offset: -1 }];
    const out = withItemLinks(html, items, (anchor) => (anchor === "lost" ? "<p>never</p>" : `<p>[${anchor}]</p>`));
    expect(out).toBe("<section><h3>A</h3><p>a</p><p>[a]</p></section><section><h3>B</h3><p>b</p><p>[b]</p></section>");
  });
});

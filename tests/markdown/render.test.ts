import { describe, expect, it } from "vitest";
import { firstParagraphText, renderMarkdown } from "../../src/markdown/render.ts";

const render = (md: string) => renderMarkdown(md, { siteOrigin: "https://example.com" });

describe("renderMarkdown", () => {
  it("keeps Chinese heading ids readable instead of percent-encoding them", () => {
    const html = render("## 先进大模型竞逐与AI生态\n\n## Detailed Coverage\n");
    expect(html).toContain('<h2 id="先进大模型竞逐与ai生态">');
    expect(html).toContain('<h2 id="detailed-coverage">');
    expect(html).toContain('href="#先进大模型竞逐与ai生态"');
  });

  it("gives repeated headings distinct ids", () => {
    const html = render("## 要点\n\n## 要点\n");
    expect(html).toContain('id="要点"');
    expect(html).toContain('id="要点-1"');
  });

  it("rewrites links through the resolver it is given", () => {
    const html = renderMarkdown("[W06](../weekly_news/ai_news_2026-W06)", { siteOrigin: "https://example.com" }, {
      resolveLink: (href, text) => (href.includes("weekly_news") ? `/zh/weeks/2026-w06/#${text}` : undefined),
    });
    expect(html).toContain('href="/zh/weeks/2026-w06/#W06"');
  });

  it("turns bare source URLs into links, as seed 004 writes them", () => {
    expect(render("来源：AWS\nhttps://aws.amazon.com/blogs/x/")).toContain('<a href="https://aws.amazon.com/blogs/x/" rel="noopener noreferrer">');
  });
});

describe("firstParagraphText", () => {
  it("skips headings, lists and bold-only section labels", () => {
    expect(firstParagraphText("## H\n\n- item\n\n**政策与监管**\n\n江苏省 *拟* 立法\n说明")).toBe("江苏省 拟 立法 说明");
  });

  it("leaves footnote references out, whether their notes are near or far", () => {
    expect(firstParagraphText("OpenAI released it[^1].\n\n[^1]: https://openai.com/x\n")).toBe("OpenAI released it.");
    expect(firstParagraphText(`OpenAI released it[^1].\n\n${"More text.\n\n".repeat(2000)}[^1]: https://openai.com/x\n`)).toBe("OpenAI released it.");
    expect(firstParagraphText("## Only headings\n\n[^1]: A note.\n")).toBe("");
  });
});

describe("heading ids", () => {
  it("never takes an id the page layout uses", () => {
    const html = renderMarkdown("## Top\n\n## Main\n", { siteOrigin: "https://example.com" });
    expect(html).toContain('<h2 id="top-section">');
    expect(html).toContain('<h2 id="main-section">');
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown, type Source } from "../../src/markdown/render.ts";

const sourcesOf = (md: string, brief = true): Source[] => {
  const sources: Source[] = [];
  renderMarkdown(md, { siteOrigin: "https://example.com" }, { newsItems: brief ? "brief" : undefined, sources });
  return sources;
};

describe("the sources of a post", () => {
  it("names a source line's link by the item's headline, with the outlet beside it", () => {
    expect(sourcesOf("江苏省拟立法\n说明：文字。\n来源出处：[扬子晚报](https://www.yzwb.net/a.html)\n")).toEqual([
      { url: "https://www.yzwb.net/a.html", title: "江苏省拟立法", outlet: "扬子晚报", host: "yzwb.net" },
    ]);
  });

  it("leaves out links the body already shows as headlines: linked headings, lists of links, a paragraph that is one link", () => {
    const md = `### [甲骨文计划融资](https://www.oschina.net/news/1)

正文，见[报告](https://example.org/report)。

- [君逸数码推出平台](https://news.aibase.com/25275)，面向政府
- [甲骨文计划融资](https://www.oschina.net/news/1)

[单独一行的链接](https://example.net/one)
`;
    expect(sourcesOf(md).map((s) => s.url)).toEqual(["https://example.org/report"]);
  });

  it("leaves out promotions and links inside raw HTML cards, and lists each source once", () => {
    const md = `正文 [原文](https://example.org/a) 和 [原文](https://example.org/a)。

欢迎[加入我们的群组](https://t.me/ai_news_plus)，或[订阅周报](https://example.org/subscribe)。

<div class="telegram-card"><a href="https://t.me/ai_news_plus">立即加入</a></div>
`;
    expect(sourcesOf(md, false)).toEqual([{ url: "https://example.org/a", title: "原文", outlet: "", host: "example.org" }]);
  });

  it("names a source line outside any item by its link, once", () => {
    expect(sourcesOf("今天 OpenAI 发布了新模型。\n来源：[The Verge](https://www.theverge.com/x)\n")).toEqual([
      { url: "https://www.theverge.com/x", title: "The Verge", outlet: "", host: "theverge.com" },
    ]);
  });

  it("keeps sources whose words only sound like a promotion", () => {
    expect(sourcesOf("见 [OpenAI 订阅价格说明](https://openai.com/pricing) 与 [The Batch newsletter](https://www.deeplearning.ai/the-batch/)。", false)).toHaveLength(2);
  });

  it("never counts links to the site itself", () => {
    expect(sourcesOf("见 [上一期](https://example.com/zh/weekly/x/)。")).toEqual([]);
  });
});

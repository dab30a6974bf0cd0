import { describe, expect, it } from "vitest";
import { skeleton } from "../../src/content/skeleton.ts";
import type { NewsItem } from "../../src/markdown/news-items.ts";
import { briefHeadlines, renderMarkdown, type RenderEnv } from "../../src/markdown/render.ts";

const brief = (md: string, env: RenderEnv = {}) => renderMarkdown(md, { siteOrigin: "https://example.com" }, { newsItems: "brief", ...env });

/** Two items in the shape of the styled seed daily: headline line, labelled lines, bullets, a source stuck to the last bullet. */
const STYLED = `**政策与监管**

江苏省拟立法促进人工智能产业发展
说明：江苏省计划将条例纳入立法项目，
旨在提供法治保障。
背景：各地政府日益重视立法。
要点：
- 该条例是13件正式立法项目之一。
- 立法目的在于促进AI产业发展。
来源出处：[扬子晚报](https://www.yzwb.net/a.html)

工信部发布开源AI智能体安全风险预警
说明：NVDB发布安全风险预警。
来源出处：[中国基金报](https://www.chnfund.com/b)
`;

describe("news items in a brief", () => {
  it("sets each item apart: a section per item, its headline a heading under the section's", () => {
    const html = brief(STYLED);
    expect(html.match(/<section class="news-item"/g)).toHaveLength(2);
    expect(html).toMatch(/<h2 id="政策与监管">政策与监管/);
    expect(html).toMatch(/<section class="news-item">\n<h3 id="江苏省拟立法促进人工智能产业发展">/);
    expect(html).toMatch(/<h3 id="工信部发布开源ai智能体安全风险预警">/);
  });

  it("puts each labelled line on a line of its own with its label marked, and keeps the source out of the bullets", () => {
    const html = brief(STYLED);
    expect(html).toContain('<p class="news-field"><span class="news-label">说明：</span>江苏省计划将条例纳入立法项目，旨在提供法治保障。</p>');
    expect(html).toContain('<p class="news-field"><span class="news-label">背景：</span>各地政府日益重视立法。</p>');
    expect(html).toContain('<p class="news-field"><span class="news-label">要点：</span></p>\n<ul>');
    expect(html).toContain('<li>立法目的在于促进AI产业发展。</li>\n</ul>\n<p class="news-source"><span class="news-label">来源出处：</span><a href="https://www.yzwb.net/a.html"');
  });

  it("reads English briefs: bold headline, labels with ASCII colons", () => {
    const html = brief(`**OpenAI ships a new coding model**
Why it matters: coding agents are the busiest race.
Source: [The Verge](https://www.theverge.com/x)

**Anthropic raises money**
Background: a big round.
`);
    expect(html.match(/<section class="news-item"/g)).toHaveLength(2);
    expect(html).toContain('<h2 id="openai-ships-a-new-coding-model">OpenAI ships a new coding model');
    expect(html).toContain('<p class="news-field"><span class="news-label">Why it matters:</span>coding agents are the busiest race.</p>');
    expect(html).toContain('<p class="news-source"><span class="news-label">Source:</span><a href="https://www.theverge.com/x"');
  });

  it("takes the deepest headings as items and the ones above as sections, and marks bold labels", () => {
    const html = brief(`## 市场

### [甲骨文计划融资](https://www.oschina.net/news/1)

正文。

**深度解读 & 洞察：**
解读。

### [a16z募资](https://news.aibase.com/2)

正文。

## 更多动态

- [其他](https://x.com/3)
`);
    expect(html.match(/<section class="news-item"/g)).toHaveLength(2);
    expect(html).toContain('<p class="news-field"><strong class="news-label">深度解读 &amp; 洞察：</strong>解读。</p>');
    // The second item ends where the next section begins.
    expect(html).toMatch(/正文。<\/p>\n<\/section>\n<h2 id="更多动态">/);
  });

  it("reads the brief npm run new starts from, in both languages, as items with sources", () => {
    for (const lang of ["zh", "en"] as const) {
      const html = brief(skeleton("daily", lang));
      expect(html.match(/<section class="news-item"/g), lang).toHaveLength(2);
      expect(html.match(/<p class="news-source">/g), lang).toHaveLength(2);
    }
  });

  it("gives an item the same anchor whatever happens to the items around it", () => {
    const id = (html: string) => html.match(/<h3 id="([^"]+)">工信部/)?.[1];
    const edited = STYLED.replace("江苏省拟立法促进人工智能产业发展", "江苏省正式立法").replace("背景：各地政府日益重视立法。\n", "");
    expect(id(brief(STYLED))).toBe("工信部发布开源ai智能体安全风险预警");
    expect(id(brief(edited))).toBe(id(brief(STYLED)));
  });

  it("leaves posts that are not briefs, and prose without labels, as plain Markdown", () => {
    const plain = renderMarkdown(STYLED, { siteOrigin: "https://example.com" });
    expect(plain).not.toContain("news-item");
    expect(plain).toContain("<p><strong>政策与监管</strong></p>");
    const prose = brief("第一段文字，没有标签。\n\n第二段文字。\n");
    expect(prose).toBe("<p>第一段文字，没有标签。</p>\n<p>第二段文字。</p>\n");
  });

  it("keeps ordinary prose in a brief as prose", () => {
    const cases = [
      "今天没有太多新闻，我们简单聊聊\n\n来源：[某网站](https://a.com/x)\n",
      "Here are the links I read this week\n\nSource: [Site](https://a.com/x)\n",
      "[阅读原文](https://example.org/post)\n\n这是正文段落。\n",
      "大家好今天的日报来了\n\n**今日要闻：**\n\n- 第一条\n",
    ];
    for (const md of cases) expect(brief(md), md).not.toMatch(/news-item|<h\d/);
  });

  it("leaves lines inside list items as written", () => {
    expect(brief("- OpenAI ships model\n  Why it matters: big\n")).toBe("<ul>\n<li>OpenAI ships model\nWhy it matters: big</li>\n</ul>\n");
  });

  it("starts the next item on the line after a source line, blank line or not, and keeps a source's link on its line", () => {
    const html = brief("甲公司发布新模型\n说明：内容一。\n来源：[扬子晚报](https://a.com/1)\n乙公司完成融资\n说明：内容二。\n来源：AWS\nhttps://b.com/2\n");
    expect(html.match(/<section class="news-item"/g)).toHaveLength(2);
    expect(html).toContain('<h2 id="乙公司完成融资">');
    expect(html).toMatch(/<p class="news-source"><span class="news-label">来源：<\/span>AWS\n<a href="https:\/\/b.com\/2"/);
  });

  it("ends an item at its source line: an outro or a promotion card after the last item stays outside", () => {
    const html = brief("甲公司发布新模型\n说明：内容一。\n来源：[报](https://a.com/1)\n\n以上就是今天的全部内容。\n\n<div class=\"card\">订阅</div>\n");
    expect(html).toMatch(/<\/section>\n<p>以上就是今天的全部内容。<\/p>\n<div class="card">/);
  });

  it("lists the headlines of the first items for a summary", () => {
    expect(briefHeadlines(STYLED, 3)).toEqual(["江苏省拟立法促进人工智能产业发展", "工信部发布开源AI智能体安全风险预警"]);
    expect(briefHeadlines(STYLED, 1)).toEqual(["江苏省拟立法促进人工智能产业发展"]);
  });
});

const DIGEST = `## Highlights

- **模型竞逐**：OpenAI发布GPT-5.3-Codex，Anthropic推Claude Opus 4.6。

## Detailed Coverage

### 先进大模型

- **OpenAI发布GPT-5.3-Codex**  
  OpenAI推出新一代编码模型，融资5亿美元。  
  详情：[系统卡](https://openai.com/index/gpt-5-3-codex-system-card?utm_source=x)

- **Anthropic发布Claude Opus 4.6**  
  百万令牌上下文窗口。  
  详情：[报道](https://the-decoder.com/claude-opus-4-6/)
`;

const digestItems = (md: string) => {
  const foundItems: NewsItem[] = [];
  const html = renderMarkdown(md, { siteOrigin: "https://example.com" }, { newsItems: "post", foundItems, lang: "zh" });
  return { html, items: foundItems };
};

describe("news items in a digest or a deep dive", () => {
  it("reads a list whose entries open with a bold line and cite a link as items, each <li> with an anchor and a # link", () => {
    const { html, items } = digestItems(DIGEST);
    expect(items.map((i) => [i.headline, i.anchor])).toEqual([
      ["OpenAI发布GPT-5.3-Codex", "openai发布gpt-5-3-codex"],
      ["Anthropic发布Claude Opus 4.6", "anthropic发布claude-opus-4-6"],
    ]);
    expect(html).toContain('<li class="news-item" id="openai发布gpt-5-3-codex">');
    expect(html).toContain('<strong>OpenAI发布GPT-5.3-Codex</strong>\u00a0<a class="heading-anchor" href="#openai发布gpt-5-3-codex" aria-label="本条链接" data-pagefind-ignore="">#</a>');
    expect(items[0]!.sources).toEqual(["https://openai.com/index/gpt-5-3-codex-system-card?utm_source=x"]);
    expect(items[0]!.amounts).toEqual(["5亿美元"]);
    // The highlight (a bold label with text after it, no link) is not an item, and the sections stay sections.
    expect(html).toContain("<li><strong>模型竞逐</strong>：");
    expect(html.match(/<li class="news-item"/g)).toHaveLength(2);
    expect(html).not.toContain("<section");
  });

  it("knows where each item ends in the HTML, raw HTML in the body or not", () => {
    for (const md of [DIGEST, `${DIGEST}\n<div class="card">订阅</div>\n`]) {
      const { html, items } = digestItems(md);
      for (const item of items) expect(html.slice(item.offset, item.offset + 5), item.anchor).toBe("</li>");
      expect(html).not.toMatch(/[\uE000\uE001]/);
    }
  });

  it("gives list items anchors that survive a re-ordering and an edit of the other items", () => {
    const [first, second] = DIGEST.split("\n- **Anthropic") as [string, string];
    const reordered = first.replace("- **OpenAI", `- **Anthropic${second.trimEnd()}\n\n- **OpenAI`);
    const before = digestItems(DIGEST).items.map((i) => i.anchor).sort();
    expect(digestItems(reordered).items.map((i) => i.anchor).sort()).toEqual(before);
  });

  it("leaves a digest's prose sections, a lone bold entry, bold labels and reference lists as they are", () => {
    const cases = [
      "### 模型迭代\n\n近期发布的多个主流模型版本均围绕提升推理能力展开。\n\n### 产业生态\n\n产业层面，巨头联手。\n",
      "- **唯一一条**  \n  正文 [链接](https://a.com/1)\n",
      "### References\n\n- [AI Weekly](https://a.com/1)\n- [Other](https://a.com/2)\n",
      "## Further reading\n\n- **Latent Space**  \n  https://latent.space/p/foo\n- **Import AI**  \n  https://importai.substack.com/p/bar\n",
      "**结语**\n\n感谢阅读，下周见。\n\n**往期回顾**\n\n- [W05](https://a.com/w05)\n",
      "- **要点**：模型更快 [来源](https://a.com/1)\n- **影响**：成本更低 [来源](https://a.com/2)\n",
    ];
    for (const md of cases) {
      const { items, html } = digestItems(md);
      expect(items, md).toEqual([]);
      expect(html, md).not.toMatch(/^#/m.test(md) ? /news-item/ : /<h\d|news-item/);
    }
  });

  it("reads a bold headline with its text on the same line as an item when it cites a link", () => {
    const { items } = digestItems("- **OpenAI ships GPT-5.3-Codex**: a faster coding model. [The Verge](https://www.theverge.com/a)\n- **Anthropic raises $30 billion**: at a $380 billion valuation. [Reuters](https://www.reuters.com/b)\n");
    expect(items.map((i) => i.headline)).toEqual(["OpenAI ships GPT-5.3-Codex", "Anthropic raises $30 billion"]);
    expect(items[1]!.amounts).toEqual(["$30billion", "$380billion"]);
  });

  it("keeps a digest's bold section labels as labels when its items are a list", () => {
    const { items, html } = digestItems(`**本周要闻**\n\n${DIGEST.slice(DIGEST.indexOf("- **OpenAI"))}\n**结语**\n\n感谢阅读。\n`);
    expect(items.map((i) => i.headline)).toEqual(["OpenAI发布GPT-5.3-Codex", "Anthropic发布Claude Opus 4.6"]);
    expect(html).toContain("<p><strong>本周要闻</strong></p>");
  });

  it("reads a deep dive's headings as items when a source line is under them, and its closing sections as sections", () => {
    const { items, html } = digestItems("## 1) 企业把 LLM 微调推进到生产\n\n来源：AWS\nhttps://aws.amazon.com/blogs/x/\n\n- 要点\n\n## 2) Claude Code 推出 Fast Mode\n\n来源：Storyboard18\nhttps://www.storyboard18.com/y\n\n## 今日趋势总结\n\n总结的话。\n");
    expect(items.map((i) => i.anchor)).toEqual(["1-企业把-llm-微调推进到生产", "2-claude-code-推出-fast-mode"]);
    expect(html.match(/<section class="news-item">/g)).toHaveLength(2);
    expect(html).toMatch(/<\/section>\n<h2 id="今日趋势总结">今日趋势总结 <a class="heading-anchor" href="#今日趋势总结" aria-label="本节链接"/);
    expect(html).toContain('<a class="heading-anchor" href="#2-claude-code-推出-fast-mode" aria-label="本条链接"');
  });

  it("places every item even when the editor's text holds what looks like a place mark, or the sanitizer drops one", () => {
    const tricky = DIGEST.replace("OpenAI推出新一代编码模型", "OpenAI推出\uE0000\uE001新一代编码模型&#xE000;1&#xE001;");
    const { html, items } = digestItems(tricky);
    for (const item of items) expect(html.slice(item.offset, item.offset + 5), item.anchor).toBe("</li>");
    expect(html).toContain("OpenAI推出\uE0000\uE001新一代编码模型");
    const swallowed = digestItems(DIGEST.replace("百万令牌上下文窗口。", "百万令牌上下文窗口。<textarea>"));
    expect(swallowed.items[0]!.offset).toBeGreaterThan(0);
    expect(swallowed.html).not.toMatch(/\uE000[0-9a-f]+:\d+\uE001/);
  });
});

import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { editionOf } from "../../src/editions/edition.ts";
import { textOf } from "../../src/editions/html.ts";
import { References, wechatArticle, wechatFragment, wechatHtml } from "../../src/editions/wechat.ts";
import { post } from "../helpers/content.ts";
import { elementsOf, sourceOf, squeeze } from "../helpers/editions.ts";

const config = { ...site, url: "https://example.com/" };
const edition = { lang: "zh" as const, url: "https://example.com/zh/daily/x/" };
const fragment = (html: string) => {
  const references = new References();
  return { html: wechatFragment(html, edition, references), references: references.list };
};

describe("links in the WeChat edition", () => {
  it("become their words and a superscript number, the same URL keeping its number", () => {
    const { html, references } = fragment('<p><a href="https://a.example/1">甲</a>、<a href="https://b.example/2">乙</a>、<a href="https://a.example/1">再引甲</a></p>');
    expect(html).not.toContain("<a");
    expect(textOf(html)).toBe("甲[1]、乙[2]、再引甲[1]");
    expect(elementsOf(html).filter((e) => e.name === "sup")).toHaveLength(3);
    expect(references).toEqual([
      { n: 1, url: "https://a.example/1", text: "甲" },
      { n: 2, url: "https://b.example/2", text: "乙" },
    ]);
  });

  it("stay links when they lead to another WeChat article", () => {
    const { html, references } = fragment('<p><a href="https://mp.weixin.qq.com/s/abc" rel="noopener noreferrer">上一期</a></p>');
    expect(html).toMatch(/<a href="https:\/\/mp\.weixin\.qq\.com\/s\/abc" style="[^"]+">上一期<\/a>/);
    expect(references).toEqual([]);
  });

  it("leave topic pages and the post's own footnote marks as plain words", () => {
    const { html, references } = fragment(
      '<p><a href="https://example.com/zh/topics/openai/" class="entity-link">OpenAI</a> 发布<sup class="footnote-ref"><a href="https://example.com/zh/daily/x/#fn-1" id="fnref-1">[1]</a></sup></p>',
    );
    expect(textOf(html)).toBe("OpenAI 发布注1");
    expect(references).toEqual([]);
  });

  it("are made absolute first: a site path is cited by its full URL", () => {
    const brief = post("zh/daily/2026-02-06-x.md", "---\ntitle: 日报\nkind: daily\nlang: zh\ndate: 2026-02-06\nslug: x\n---\n正文。\n");
    const made = editionOf(sourceOf(brief, '<p>见<a href="/zh/weekly/w/">周报</a>，<img src="/media/a.png" alt="图"></p>'), config);
    const html = wechatArticle(made);
    expect(textOf(html)).toContain("[1] 周报：https://example.com/zh/weekly/w/");
    expect(elementsOf(html).find((e) => e.name === "img")!.attribs.src).toBe("https://example.com/media/a.png");
  });
});

describe("the WeChat page", () => {
  const brief = post("zh/daily/2026-02-06-y.md", "---\ntitle: 日报\nkind: daily\nlang: zh\ndate: 2026-02-06\nslug: y\n---\n正文。\n");
  const body = [
    '<section class="news-item"><h3 id="h">标题一</h3>',
    '<p class="news-field"><span class="news-label">说明：</span>正文<code>code</code></p>',
    '<table><tr><td align="right">1</td></tr></table><pre><code class="language-js">x</code></pre>',
    '<p class="news-source"><span class="news-label">来源：</span><a href="https://news.example/1" rel="noopener noreferrer">某报</a></p></section>',
    '<div class="markdown-alert"><p class="markdown-alert-title">注意</p></div>',
  ].join("");
  const html = wechatHtml(editionOf(sourceOf(brief, body), config));

  it("is a page with only the article in its body, styled inline: no class, id, stylesheet or script", () => {
    expect(html.startsWith("<!doctype html>\n<html")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<style|<script|<link|\sclass=|\sid=/i);
    const body = html.slice(html.indexOf("<body"), html.indexOf("</body>"));
    expect(body.match(/<section style="margin:0;padding:0;/g)).toHaveLength(1);
    expect(elementsOf(body).filter((e) => e.name === "div")).toEqual([]);
    for (const element of elementsOf(body)) {
      expect(Object.keys(element.attribs).filter((name) => !["style", "src", "alt", "href", "colspan", "rowspan", "start", "value"].includes(name)), element.name).toEqual([]);
    }
  });

  it("sets Chinese at 16 px with 1.75 leading, a little tracking and justified lines", () => {
    const p = elementsOf(html).find((e) => e.name === "p" && e.attribs.style?.includes("justify"))!;
    expect(p.attribs.style).toContain("font-size:16px;line-height:1.75;letter-spacing:0.5px;text-align:justify;");
    expect(elementsOf(html).find((e) => e.name === "td")!.attribs.style).toContain("text-align:right");
  });

  it("ends with the numbered references, the item's source among them, then the week and the site", () => {
    const text = squeeze(textOf(html));
    expect(text).toContain("某报[1]");
    const list = text.slice(text.indexOf("参考链接"));
    expect(list).toContain("[1] 某报：https://news.example/1");
    expect(list).toContain("https://example.com/zh/weeks/2026-w06/");
    expect(list).toContain("在网站上阅读：https://example.com/zh/daily/y/");
    expect(list).toContain("https://example.com/zh/feed.xml");
  });
});

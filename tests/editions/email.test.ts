import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { editionOf } from "../../src/editions/edition.ts";
import { emailHtml, emailText } from "../../src/editions/email.ts";
import { post } from "../helpers/content.ts";
import { elementsOf, sourceOf } from "../helpers/editions.ts";

const config = { ...site, url: "https://example.com/" };
const brief = post(
  "zh/daily/2026-02-06-test.md",
  "---\ntitle: AI 日报测试\nkind: daily\nlang: zh\ndate: 2026-02-06\nslug: 2026-02-06-test\nsummary: 两条新闻的摘要。\n---\n正文。\n",
);
const body = [
  '<section class="news-item">',
  '<h3 id="a">江苏省拟立法促进人工智能产业发展</h3>',
  '<p class="news-field"><span class="news-label">说明：</span>一段很长的中文说明文字，用来确认纯文本版本不会在中文中间断行，因为中文没有空格可以断开，断开只会把一句话拆成两半。</p>',
  '<p><img src="/media/chart.png" alt="图表"></p>',
  '<table><tr><th>模型</th><th>得分</th></tr><tr><td>甲</td><td>1</td></tr></table>',
  '<p class="news-source"><span class="news-label">来源：</span><a href="https://www.yzwb.net/news/1.html" rel="noopener noreferrer">扬子晚报</a></p>',
  "</section>",
].join("\n");
const items = [{ headline: "江苏省拟立法促进人工智能产业发展", anchor: "a", sources: ["https://www.yzwb.net/news/1.html"], line: 1, hasSource: true, amounts: [], offset: 0 }];
const edition = editionOf(sourceOf(brief, body, { items }), config);

describe("the email edition", () => {
  const html = emailHtml(edition);

  it("is a complete document for mail clients: doctype, language, charset, both colour schemes", () => {
    expect(html.startsWith("<!doctype html>\n<html")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark">');
  });

  it("carries its styles inline, with no stylesheet, script, class or id left", () => {
    expect(html).not.toMatch(/<style|<script|<link/i);
    expect(html).not.toMatch(/\sclass=|\sid=/);
    const elements = elementsOf(html);
    const frame = elements.find((e) => e.name === "table" && e.attribs.width === "600")!;
    expect(frame.attribs.role).toBe("presentation");
    expect(frame.attribs.style).toContain("max-width: 600px");
    expect(frame.attribs.style).toContain("width: 100%");
    const h3 = elements.find((e) => e.name === "h3")!;
    expect(h3.attribs.style).toContain("font-size: 18px");
    const img = elements.find((e) => e.name === "img")!;
    expect(img.attribs.src).toBe("https://example.com/media/chart.png");
    expect(img.attribs.style).toContain("max-width: 100%");
  });

  it("names a background and a text colour on every cell, never pure black on pure white", () => {
    for (const cell of elementsOf(html).filter((e) => e.name === "td" || e.name === "th")) {
      expect(cell.attribs.style, cell.attribs.style).toMatch(/background-color: #[0-9a-f]{6}/);
      expect(cell.attribs.style, cell.attribs.style).toMatch(/(?:^|;\s*)color: #[0-9a-f]{6}/);
    }
    expect(html).not.toMatch(/#000(?:000)?\b|#fff(?:fff)?\b|rgba|transparent|opacity/i);
    expect(html).not.toMatch(/display:\s*(?:flex|grid)|var\(--|position:/);
  });

  it("starts with the summary as a hidden preheader and ends with the unsubscribe link the mail service fills in", () => {
    const preheader = elementsOf(html).find((e) => e.name === "div" && e.attribs.style?.includes("display:none"));
    expect(preheader).toBeDefined();
    expect(html.indexOf("两条新闻的摘要。")).toBeLessThan(html.indexOf("<table"));
    expect(html).toContain('<a href="{{ unsubscribe_url }}"');
    expect(emailHtml(editionOf(sourceOf(brief, body), { ...config, emailUnsubscribeUrl: "*|UNSUB|*" }))).toContain('<a href="*|UNSUB|*"');
  });

  it("links the sign-up page in the footer only when the site has one", () => {
    expect(html).not.toContain("邮件订阅");
    const signed = emailHtml(editionOf(sourceOf(brief, body), { ...config, emailSubscribeUrl: "https://subscribe.example.org/ai" }));
    expect(signed).toContain('href="https://subscribe.example.org/ai"');
    expect(signed).toContain("邮件订阅");
  });
});

describe("the plain-text alternative", () => {
  const text = emailText(edition);

  it("has the title, every headline and every source as text [url]", () => {
    expect(text).toContain("AI 日报测试");
    expect(text).toContain("江苏省拟立法促进人工智能产业发展");
    expect(text).toContain("扬子晚报 [https://www.yzwb.net/news/1.html]");
    expect(text).toContain("在网站上阅读：https://example.com/zh/daily/2026-02-06-test/");
    expect(text).toContain("退订：{{ unsubscribe_url }}");
  });

  it("keeps Chinese lines whole and table cells readable", () => {
    expect(text).toContain("说明：一段很长的中文说明文字，用来确认纯文本版本不会在中文中间断行，因为中文没有空格可以断开，断开只会把一句话拆成两半。");
    expect(text).toMatch(/模型\s+得分/);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it("wraps English at 78 columns, never inside a URL", () => {
    const en = post("en/daily/2026-02-06-en.md", "---\ntitle: Brief\nkind: daily\nlang: en\ndate: 2026-02-06\nslug: 2026-02-06-en\n---\nBody.\n");
    const long = `<p>${"word ".repeat(60)}<a href="https://example.org/${"a".repeat(90)}">link</a></p>`;
    const lines = emailText(editionOf(sourceOf(en, long), config)).split("\n");
    const url = `https://example.org/${"a".repeat(90)}`;
    expect(lines.some((line) => line.includes(url))).toBe(true);
    expect(lines.filter((line) => !line.includes("https://")).every((line) => line.length <= 78)).toBe(true);
  });
});

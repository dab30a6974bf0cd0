import { describe, expect, it } from "vitest";
import { renderMarkdown, type RenderEnv } from "../../src/markdown/render.ts";
import { sanitizePostHtml } from "../../src/markdown/sanitize.ts";

const ORIGIN = "https://example.com";
const render = (md: string, env: RenderEnv = {}) => renderMarkdown(md, { siteOrigin: ORIGIN }, env);
/** Raw HTML in a post makes it go through the sanitizer: the same Markdown, sanitized. */
const sanitized = (md: string, env: RenderEnv = {}) => render(`<span>raw</span>\n\n${md}`, env);

/** Every in-page link's target exists, once. */
function expectLinksLand(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  expect(new Set(ids).size, `duplicate ids in ${ids.join(", ")}`).toBe(ids.length);
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) expect(ids, `#${target}`).toContain(target);
}

const FOOTNOTES = `OpenAI said so[^1], twice[^1], and others disagreed[^note].

[^1]: https://openai.com/index/a-post/
[^note]: A reply *with* emphasis.
`;

describe("footnotes", () => {
  it("numbers references and lists the notes at the end, each with links back to every reference", () => {
    const html = render(FOOTNOTES);
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" aria-label="脚注 1">[1]</a></sup>');
    expect(html).toContain('<a href="#fn-1" id="fnref-1-2" aria-label="脚注 1">[1]</a>');
    expect(html).toContain('<a href="#fn-2" id="fnref-2" aria-label="脚注 2">[2]</a>');
    expect(html).toMatch(/<section class="footnotes" aria-label="脚注">\n<ol class="footnotes-list">\n<li id="fn-1" class="footnote-item">/);
    expect(html).toContain('<a href="#fnref-1" class="footnote-backref" aria-label="返回引用 1">');
    expect(html).toContain('<a href="#fnref-1-2" class="footnote-backref" aria-label="返回引用 1-2">');
    expect(html).toContain("<li id=\"fn-2\" class=\"footnote-item\"><p>A reply <em>with</em> emphasis.");
    expectLinksLand(html);
  });

  it("renders a definition that is only a URL as a note whose text is that link", () => {
    const html = render(FOOTNOTES);
    expect(html).toMatch(/<li id="fn-1" class="footnote-item"><p><a href="https:\/\/openai\.com\/index\/a-post\/" rel="noopener noreferrer">https:\/\/openai\.com\/index\/a-post\/<\/a>/);
    expect(html).not.toContain(">^1<");
    expect(html).not.toContain("[^1]");
  });

  it("names references and back links in the page's language", () => {
    const html = render(FOOTNOTES, { lang: "en" });
    expect(html).toContain('aria-label="Footnote 1"');
    expect(html).toContain('aria-label="Back to reference 1-2"');
    expect(html).toContain('<section class="footnotes" aria-label="Footnotes">');
  });

  it("keeps its ids and links through the sanitizer", () => {
    const html = sanitized(FOOTNOTES);
    expect(html).toContain('<a href="#fn-1" id="fnref-1" aria-label="脚注 1">[1]</a>');
    expect(html).toContain('<li id="fn-1" class="footnote-item">');
    expect(html).toContain('<hr class="footnotes-sep" />');
    expectLinksLand(html);
  });

  it("takes ids no heading of the page has", () => {
    const html = render(`## fn-1\n\nText[^1].\n\n## fnref-1\n\n[^1]: Note.\n`);
    expect(html).toContain('<h2 id="fn-1">');
    expect(html).toContain('<li id="fn-1-1" class="footnote-item">');
    expect(html).toContain('id="fnref-1-1"');
    expectLinksLand(html);
  });

  it("leaves the notes out of a brief's last news item", () => {
    const html = render("## 第一条新闻\n\n说明：内容[^1]。\n\n## 第二条新闻\n\n说明：更多[^2]。\n\n[^1]: 注一\n[^2]: 注二\n", { newsItems: "brief" });
    expect(html.match(/<section class="news-item">/g)).toHaveLength(2);
    expect(html).toMatch(/<\/section>\n<hr class="footnotes-sep">\n<section class="footnotes"/);
    expectLinksLand(html);
  });
});

describe("task lists", () => {
  const TASKS = "- [ ] Draft\n- [x] Publish\n- [X] Share\n- plain item\n";

  it("shows disabled checkboxes, checked for done tasks", () => {
    const html = render(TASKS);
    expect(html).toContain('<ul class="contains-task-list">');
    expect(html).toContain('<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox" disabled aria-label="任务">Draft</li>');
    expect(html).toContain('<input class="task-list-item-checkbox" type="checkbox" disabled checked aria-label="任务">Publish');
    expect(html).toContain('<input class="task-list-item-checkbox" type="checkbox" disabled checked aria-label="任务">Share');
    expect(html).toContain("<li>plain item</li>");
  });

  it("keeps the checkboxes through the sanitizer", () => {
    const html = sanitized(TASKS, { lang: "en" });
    expect(html).toContain('<input class="task-list-item-checkbox" aria-label="Task" type="checkbox" disabled />Draft');
    expect(html).toContain('<input class="task-list-item-checkbox" aria-label="Task" type="checkbox" disabled checked />Publish');
  });

  it("is not raw HTML: a post with a task list and nothing else is not sanitized", () => {
    expect(render(TASKS)).not.toContain(" />");
  });

  it("lets through no other input, and nothing of a checkbox but its state", () => {
    const clean = (html: string) => sanitizePostHtml(html, ORIGIN);
    expect(clean('<input type="checkbox" name="a" value="b" form="f" style="color:red" onclick="x()" autofocus checked>')).toBe('<input type="checkbox" disabled checked />');
    expect(clean('<input type="checkbox">')).toBe('<input type="checkbox" disabled />');
    for (const other of ['<input type="text" value="x">', "<input>", '<input type="hidden" name="t">', '<input type="image" src="https://x.test/a.png">', '<input type="submit">']) {
      expect(clean(`<p>a${other}b</p>`)).toBe("<p>ab</p>");
    }
  });
});

describe("custom heading ids", () => {
  it("uses the id written after a heading, and never shows the braces", () => {
    const env: RenderEnv = { headings: [] };
    const html = render("## Model release {#release}\n\n### 细节 {#details-zh}\n", env);
    expect(html).toContain('<h2 id="release">Model release <a class="heading-anchor" href="#release"');
    expect(html).toContain('<h3 id="details-zh">细节 <a class="heading-anchor" href="#details-zh"');
    expect(html).not.toContain("{#");
    expect(env.headings).toEqual([
      { level: 2, id: "release", text: "Model release" },
      { level: 3, id: "details-zh", text: "细节" },
    ]);
  });

  it("keeps the id unique in the page: the written one wins, repeats and generated ids take a suffix", () => {
    const html = render("## Release\n\n## Other {#release}\n\n## Again {#release}\n");
    expect(html).toContain('<h2 id="release">Other');
    expect(html).toContain('<h2 id="release-1">Again');
    expect(html).toContain('<h2 id="release-2">Release');
    expectLinksLand(html);
  });

  it("never takes an id of the page layout", () => {
    const html = render("## Start {#main}\n\n## Search {#Search}\n");
    expect(html).toContain('<h2 id="main-section">Start');
    expect(html).toContain('<h2 id="Search-section">Search');
  });

  it("sets no other attribute: classes, styles and handlers stay visible text", () => {
    const html = render('## A {.big}\n\n## B {#b .big style="color:red" onclick=alert(1)}\n\n## C {onclick=alert(1)}\n');
    expect(html).not.toMatch(/<h2[^>]*\s(?:class|style|onclick)=/);
    expect(html).toContain("A {.big}");
    expect(html).toContain("C {onclick=alert(1)}");
    expect(html).toContain("B {#b .big style=&quot;color:red&quot; onclick=alert(1)}");
  });

  it("reads braces only at the end of a heading: prose and kramdown's lists stay text", () => {
    const html = render("A set {a, b} and {#not-an-id}\n\nPara\n{: .class}\n\n## Contents {:toc}\n\n- item {#x}\n");
    expect(html).toContain("A set {a, b} and {#not-an-id}");
    expect(html).toContain("{: .class}");
    expect(html).toContain("Contents {:toc}");
    expect(html).toContain("<li>item {#x}</li>");
  });

  it("keeps the id through the sanitizer", () => {
    expect(sanitized("## Release {#release}\n")).toContain('<h2 id="release">');
  });
});

describe("definition lists", () => {
  it("renders terms and their definitions", () => {
    const html = render("GPU\n: A graphics processor.\n: Used for training.\n\nTPU\n: Google's chip.\n");
    expect(html).toContain("<dl>\n<dt>GPU</dt>\n<dd>A graphics processor.</dd>\n<dd>Used for training.</dd>\n<dt>TPU</dt>\n<dd>Google's chip.</dd>\n</dl>");
    expect(sanitized("GPU\n: A graphics processor.\n")).toContain("<dl>\n<dt>GPU</dt>\n<dd>A graphics processor.</dd>\n</dl>");
  });
});

describe("GitHub alerts", () => {
  const ALERTS = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"].map((kind) => `> [!${kind}]\n> Body of ${kind.toLowerCase()}.\n`).join("\n");

  it("titles each kind in Chinese on Chinese pages", () => {
    const html = render(ALERTS, { lang: "zh" });
    for (const [type, title] of [["note", "注意"], ["tip", "提示"], ["important", "重要"], ["warning", "警告"], ["caution", "小心"]]) {
      expect(html).toContain(`<div class="markdown-alert markdown-alert-${type}"><p class="markdown-alert-title">${title}</p>\n<p>Body of ${type}.</p>\n</div>`);
    }
    expect(html).not.toContain("[!");
    expect(html).not.toContain("<svg");
  });

  it("titles each kind in English on English pages", () => {
    const html = render(ALERTS, { lang: "en" });
    for (const title of ["Note", "Tip", "Important", "Warning", "Caution"]) expect(html).toContain(`<p class="markdown-alert-title">${title}</p>`);
  });

  it("shows an editor's own title as text", () => {
    const html = render("> [!WARNING] Read <img src=x onerror=alert(1)> first\n> Body.\n");
    expect(html).toContain('<p class="markdown-alert-title">Read &lt;img src=x onerror=alert(1)&gt; first</p>');
  });

  it("keeps its classes through the sanitizer", () => {
    expect(sanitized("> [!TIP]\n> Body.\n", { lang: "zh" })).toContain('<div class="markdown-alert markdown-alert-tip"><p class="markdown-alert-title">提示</p>\n<p>Body.</p>\n</div>');
  });

  it("leaves an ordinary quote a quote", () => {
    expect(render("> Just a quote.\n")).toBe("<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n");
  });
});

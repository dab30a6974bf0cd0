import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { editionBodyHtml, editionOf } from "../../src/editions/edition.ts";
import { post } from "../helpers/content.ts";
import { sourceOf } from "../helpers/editions.ts";

const config = { ...site, url: "https://news.example.org/blog/" };

const digest = post(
  "zh/weekly/2026-w06-test.md",
  "---\ntitle: 测试周报\nkind: weekly\nlang: zh\ndate: 2026-02-06\nweek: 2026-W06\nslug: 2026-w06-test\n---\n正文。\n",
);
const brief = post("en/daily/2026-02-06-test.md", "---\ntitle: Test brief\nkind: daily\nlang: en\ndate: 2026-02-06\nslug: 2026-02-06-test\n---\nBody.\n");

describe("the edition model", () => {
  it("leaves out the web page's furniture: heading links, footnote back links, checkboxes, picture sources, search hints", () => {
    const html = [
      '<h3 id="x">Headline\u00a0<a class="heading-anchor" href="#x" aria-label="Link" data-pagefind-ignore="">#</a></h3>',
      '<p>Text<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">[1]</a></sup></p>',
      '<ul><li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox" disabled checked>done</li><li><input type="checkbox" disabled>open</li></ul>',
      '<picture><source srcset="/a.avif" type="image/avif"><img loading="lazy" decoding="async" src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="A"></picture>',
      '<details><summary>More</summary>Hidden</details>',
      '<li id="fn-1"><p>Note. <a href="#fnref-1" class="footnote-backref">↩︎</a></p></li>',
    ].join("\n");
    const out = editionBodyHtml(html, "en");
    expect(out).toContain('<h3 id="x">Headline</h3>');
    expect(out).not.toContain("heading-anchor");
    expect(out).not.toContain("footnote-backref");
    expect(out).not.toContain("data-pagefind");
    expect(out).toContain("☑ done");
    expect(out).toContain("☐ open");
    expect(out).toContain('<img src="/a.png" alt="A">');
    expect(out).not.toMatch(/<source|<picture|srcset|loading=/);
    expect(out).toContain('<div class="details"><p class="details-summary">More</p>Hidden</div>');
    expect(out).toContain("<p>Note.</p>");
  });

  it("spaces an English label from its text, as the page's stylesheet does", () => {
    expect(editionBodyHtml('<p><span class="news-label">Source:</span><a href="https://example.org/">Outlet</a></p>', "en")).toContain('Source:</span> <a');
    expect(editionBodyHtml('<p><span class="news-label">来源：</span><a href="https://example.org/">媒体</a></p>', "zh")).toContain("来源：</span><a");
  });

  it("makes every URL absolute below the site URL, path prefix included", () => {
    const html = '<p><a href="/zh/topics/openai/" class="entity-link">OpenAI</a> <a href="#x">here</a> <img src="/media/a.png" alt=""> <a href="https://example.org/x">out</a></p>';
    const edition = editionOf(sourceOf(digest, html, { tagLinks: [{ title: "AI", url: "/zh/tags/ai/" }] }), config);
    expect(edition.url).toBe("https://news.example.org/blog/zh/weekly/2026-w06-test/");
    expect(edition.bodyHtml).toContain('href="https://news.example.org/blog/zh/topics/openai/"');
    expect(edition.bodyHtml).toContain('href="https://news.example.org/blog/zh/weekly/2026-w06-test/#x"');
    expect(edition.bodyHtml).toContain('src="https://news.example.org/blog/media/a.png"');
    expect(edition.bodyHtml).toContain('href="https://example.org/x"');
    expect(edition.tags).toEqual([{ title: "AI", url: "https://news.example.org/blog/zh/tags/ai/" }]);
    expect(edition.footer).toMatchObject({
      site: "AI 新闻",
      siteUrl: "https://news.example.org/blog/zh/",
      feedUrl: "https://news.example.org/blog/zh/feed.xml",
      subscribeUrl: undefined,
      unsubscribeUrl: "{{ unsubscribe_url }}",
    });
  });

  it("labels kind, date and week in the post's language", () => {
    const zh = editionOf(sourceOf(digest, ""), config);
    expect([zh.kindLabel, zh.dateLabel, zh.week.label, zh.week.range]).toEqual(["周报", "2026年2月6日", "2026 年第 6 周", "2月2日–2月8日"]);
    const en = editionOf(sourceOf(brief, ""), config);
    expect([en.kindLabel, en.dateLabel, en.week.label]).toEqual(["Daily", "Feb 6, 2026", "Week 6, 2026"]);
  });

  it("gives a digest its week's briefs and deep dives, and a brief its digest or a note that it is not out", () => {
    const links = { weekDailies: [{ title: "Brief", url: "/zh/daily/a/" }, { title: "Later", url: "/zh/daily/b/" }], weekDeepDives: [{ title: "Dive", url: "/zh/deep-dive/c/" }] };
    const edition = editionOf(sourceOf(digest, "", links), config, { isLive: (url) => url !== "/zh/daily/b/" });
    expect(edition.week.groups).toEqual([
      { heading: "本周日报", links: [{ title: "Brief", url: "https://news.example.org/blog/zh/daily/a/" }] },
      { heading: "本周深度报告", links: [{ title: "Dive", url: "https://news.example.org/blog/zh/deep-dive/c/" }] },
    ]);
    expect(edition.week.hub.url).toBe("https://news.example.org/blog/zh/weeks/2026-w06/");
    const lonely = editionOf(sourceOf(brief, ""), config);
    expect(lonely.week.groups).toEqual([]);
    expect(lonely.week.note).toBe("This week's digest is not out yet.");
    const withDigest = editionOf(sourceOf(brief, "", { weekDigests: [{ title: "Digest", url: "/en/weekly/d/" }] }), config);
    expect(withDigest.week.groups).toEqual([{ heading: "This week's digest", links: [{ title: "Digest", url: "https://news.example.org/blog/en/weekly/d/" }] }]);
  });

  it("offers the email sign-up when the site has one", () => {
    const edition = editionOf(sourceOf(brief, ""), { ...config, emailSubscribeUrl: "https://buttondown.example/ai-news", emailUnsubscribeUrl: "*|UNSUB|*" });
    expect(edition.footer.subscribeUrl).toBe("https://buttondown.example/ai-news");
    expect(edition.footer.unsubscribeUrl).toBe("*|UNSUB|*");
  });
});

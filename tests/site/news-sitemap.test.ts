import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { entryOf, type RenderedBody } from "../../src/collections/entries.ts";
import { buildNewsSitemap, NEWS_SITEMAP_LIMIT } from "../../src/site/news-sitemap.ts";
import { post } from "../helpers/content.ts";

const NOW = new Date("2026-03-12T12:00:00Z");
const rendered = {} as RenderedBody;
const entry = (path: string, matter: string) => entryOf(post(path, `---\n${matter}\n---\nx\n`), NOW, rendered);
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

describe("news sitemap", () => {
  it("lists the published posts of the last 48 hours, per language, in the Google News format", () => {
    const entries = [
      entry("en/daily/fresh.md", "title: Fresh & new\ndate: 2026-03-12T08:00:00Z\nslug: fresh"),
      entry("zh/daily/yesterday.md", "title: 昨天的日报\ndate: 2026-03-11\nslug: yesterday"),
      entry("zh/daily/old.md", "title: 三天前\ndate: 2026-03-09\nslug: old"),
      entry("en/daily/draft.md", "title: Draft\ndate: 2026-03-12\nslug: draft\ndraft: true"),
      entry("en/daily/later.md", "title: Later\ndate: 2026-03-12T13:00:00Z\nslug: later"),
    ];
    const xml = buildNewsSitemap(entries, site, NOW);
    expect(locs(xml)).toEqual(["https://example.com/en/daily/fresh/", "https://example.com/zh/daily/yesterday/"]);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain("<news:name>AI News</news:name>\n        <news:language>en</news:language>");
    expect(xml).toContain(`<news:name>${site.title.zh}</news:name>\n        <news:language>zh-cn</news:language>`);
    expect(xml).toContain("<news:publication_date>2026-03-11T00:00:00+08:00</news:publication_date>");
    expect(xml).toContain("<news:title>Fresh &amp; new</news:title>");
  });

  it("is a valid, empty urlset when nothing is that new, and stops at Google's limit", () => {
    expect(buildNewsSitemap([], site, NOW)).toMatch(/<urlset [^>]+>\n<\/urlset>\n$/);
    const one = entry("en/daily/p.md", "title: P\ndate: 2026-03-12T08:00:00Z\nslug: p");
    const many = Array.from({ length: NEWS_SITEMAP_LIMIT + 5 }, () => one);
    expect(locs(buildNewsSitemap(many, site, NOW))).toHaveLength(NEWS_SITEMAP_LIMIT);
  });
});

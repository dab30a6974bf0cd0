/**
 * What a working newsroom adds, on the shared newsroom build (the blog's content with
 * tests/fixtures/newsroom/ laid over it, built at NEWSROOM_BUILD_TIME): a corrected post,
 * a three-part series, and the news sitemap of the last 48 hours.
 */
import { DomUtils, parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { newsroomBuild, seedBuild, type BuildRun } from "../helpers/build.ts";
import { parseFeedTwice, specProblems } from "../helpers/feeds.ts";

const CORRECTED = "/zh/daily/2026-03-03-corrected/";
const CORRECTED_URL = `https://example.com${CORRECTED}`;
const UPDATED = "2026-03-12T09:30:00+08:00";
const PUBLISHED = "2026-03-03T00:00:00+08:00";
const ZH_SERIES = "/zh/series/智能体的一年/";
const EN_SERIES = "/en/series/a-year-of-agents/";

let build: BuildRun;
beforeAll(() => {
  build = newsroomBuild();
  expect(build.stderr).toBe("");
  expect(build.code).toBe(0);
});

const documentOf = (url: string) => parseDocument(build.page(url));
type Element = ReturnType<typeof DomUtils.findAll>[number];
const all = (url: string, selector: (el: Element) => boolean) => DomUtils.findAll(selector, documentOf(url).children);
const hasClass = (name: string) => (el: { attribs: Record<string, string> }) => (el.attribs.class ?? "").split(" ").includes(name);
const jsonLd = (url: string) =>
  all(url, (el) => el.name === "script" && el.attribs.type === "application/ld+json")
    .map((el) => JSON.parse(DomUtils.textContent(el)) as Record<string, unknown>)
    .find((data) => data["@type"] === "NewsArticle")!;
/** The <url> block of a sitemap that has `loc`. */
const sitemapEntry = (xml: string, loc: string) => xml.split("<url>").find((block) => block.includes(`<loc>${encodeURI(loc)}</loc>`)) ?? "";

describe("a corrected post", () => {
  it("shows both corrections at the top of the post, newest first, and its updated time in the meta", () => {
    const [box] = all(CORRECTED, hasClass("post__corrections"));
    expect(DomUtils.textContent(DomUtils.findOne((el) => el.name === "h2", box!.children)!)).toBe("更正");
    const items = DomUtils.findAll((el) => el.name === "li", box!.children);
    expect(items.map((li) => DomUtils.findOne((el) => el.name === "time", li.children)!.attribs.datetime)).toEqual(["2026-03-12T00:00:00+08:00", "2026-03-03T18:00:00+08:00"]);
    expect(DomUtils.textContent(items[0]!)).toContain("融资金额应为 5 亿美元");
    expect(DomUtils.textContent(DomUtils.findOne((el) => el.name === "strong", items[0]!.children)!)).toBe("5 亿美元");
    const [updated] = all(CORRECTED, hasClass("post__updated"));
    expect(DomUtils.textContent(updated!)).toMatch(/^更新于 2026年3月12日$/);
    expect(DomUtils.findOne((el) => el.name === "time", updated!.children)!.attribs.datetime).toBe(UPDATED);
    // Corrections come before the body.
    const html = build.page(CORRECTED);
    expect(html.indexOf("post__corrections")).toBeLessThan(html.indexOf("post__body"));
  });

  it("carries the updated time in JSON-LD, Atom, JSON Feed and the sitemap, with the corrections", () => {
    const article = jsonLd(CORRECTED);
    expect(article).toMatchObject({ datePublished: PUBLISHED, dateModified: UPDATED });
    expect(article.correction).toEqual([
      { "@type": "CorrectionComment", text: "融资金额应为 5 亿美元，不是 50 亿美元；见公告。", datePublished: "2026-03-12T00:00:00+08:00" },
      { "@type": "CorrectionComment", text: "原文把发布日期写成了 3 月 2 日，应为 3 月 3 日。", datePublished: "2026-03-03T18:00:00+08:00" },
    ]);
    const atom = build.page("/zh/feed.xml");
    const entry = atom.split("<entry>").find((block) => block.includes(`<id>${CORRECTED_URL}</id>`))!;
    expect(entry).toContain(`<published>${PUBLISHED}</published>`);
    expect(entry).toContain(`<updated>${UPDATED}</updated>`);
    expect(specProblems(atom, "atom")).toEqual([]);
    // The feed changed when its latest entry changed.
    expect(atom.split("<entry>")[0]).toContain(`<updated>${UPDATED}</updated>`);
    const item = (JSON.parse(build.page("/zh/feed.json")) as { items: Record<string, string>[] }).items.find((i) => i.id === CORRECTED_URL)!;
    expect(item).toMatchObject({ date_published: PUBLISHED, date_modified: UPDATED });
    expect(item.content_html).toMatch(/^<section><p><strong>更正<\/strong><\/p><ul><li><strong>2026年3月12日<\/strong> <p>融资金额应为/);
    expect(sitemapEntry(build.page("/sitemap.xml"), CORRECTED_URL)).toContain(`<lastmod>${UPDATED}</lastmod>`);
    expect(all(CORRECTED, (el) => el.attribs.property === "article:modified_time")[0]!.attribs.content).toBe(UPDATED);
  });

  it("keeps its place: lists and feeds still order it by publication date", () => {
    const titles = parseFeedTwice(build.page("/zh/feed.xml"), "atom").entries.slice(0, 4).map((e) => e.url.replace("https://example.com", ""));
    expect(titles).toEqual(["/zh/daily/2026-03-12-fresh/", "/zh/deep-dive/series-agents-3/", "/zh/daily/series-agents-2/", CORRECTED]);
    const list = all("/zh/daily/", hasClass("card__title")).map((el) => DomUtils.findOne((a) => a.name === "a", el.children)!.attribs.href);
    expect(list.slice(0, 3)).toEqual(["/zh/daily/2026-03-12-fresh/", "/zh/daily/series-agents-2/", CORRECTED]);
  });

  it("leaves posts without updates as they were: dateModified is the publication", () => {
    expect(jsonLd("/zh/daily/2026-03-12-fresh/")).toMatchObject({ datePublished: "2026-03-12T09:00:00+08:00", dateModified: "2026-03-12T09:00:00+08:00" });
    expect(all("/zh/daily/2026-03-12-fresh/", hasClass("post__corrections"))).toEqual([]);
  });
});

describe("a series in three parts", () => {
  it("shows each part a box with every part in order, itself marked, and its neighbours in the series", () => {
    const parts = ["/zh/deep-dive/series-agents-1/", "/zh/daily/series-agents-2/", "/zh/deep-dive/series-agents-3/"];
    parts.forEach((url, i) => {
      const [box] = all(url, hasClass("series-box"));
      expect(DomUtils.textContent(DomUtils.findOne(hasClass("series-box__title"), box!.children)!)).toBe(`本文属于系列 智能体的一年 第 ${i + 1} / 3 篇`);
      const items = DomUtils.findAll((el) => el.name === "li", box!.children);
      expect(items.map((li) => li.attribs.value)).toEqual(["1", "2", "3"]);
      expect(items.map((li) => DomUtils.findOne((el) => el.name === "a", li.children)?.attribs.href ?? "current")).toEqual(parts.map((p) => (p === url ? "current" : p)));
      expect(DomUtils.findOne((el) => el.attribs["aria-current"] === "page", items[i]!.children)).toBeTruthy();
      const prev = DomUtils.findOne(hasClass("series-box__prev"), box!.children);
      const next = DomUtils.findOne(hasClass("series-box__next"), box!.children);
      expect(prev?.attribs.href).toBe(parts[i - 1]);
      expect(next?.attribs.href).toBe(parts[i + 1]);
    });
    expect(all("/zh/daily/2026-03-12-fresh/", hasClass("series-box"))).toEqual([]);
    expect(jsonLd(parts[1]!).isPartOf).toEqual({ "@type": "CreativeWorkSeries", name: "智能体的一年", url: `https://example.com${ZH_SERIES}` });
  });

  it("has a page listing the parts in order, linked to the same series in the other language", () => {
    const cards = all(ZH_SERIES, hasClass("card__title")).map((el) => DomUtils.findOne((a) => a.name === "a", el.children)!.attribs.href);
    expect(cards).toEqual(["/zh/deep-dive/series-agents-1/", "/zh/daily/series-agents-2/", "/zh/deep-dive/series-agents-3/"]);
    expect(all(ZH_SERIES, hasClass("series-parts__number")).map((el) => DomUtils.textContent(el))).toEqual(["第 1 篇", "第 2 篇", "第 3 篇"]);
    expect(DomUtils.textContent(all(ZH_SERIES, (el) => el.name === "h1")[0]!)).toBe("系列：智能体的一年");
    const alternate = all(ZH_SERIES, (el) => el.name === "link" && el.attribs.hreflang === "en")[0]!;
    expect(alternate.attribs.href).toBe(`https://example.com${EN_SERIES}`);
    const english = all(EN_SERIES, hasClass("series-parts__number")).map((el) => DomUtils.textContent(el));
    expect(english).toEqual(["Part 1", "Part 2"]);
    expect(sitemapEntry(build.page("/sitemap.xml"), `https://example.com${ZH_SERIES}`)).toContain('hreflang="en"');
  });
});

describe("the news sitemap", () => {
  it("lists the posts of the 48 hours before the build, each with its publication's name and language, and robots.txt points to it", () => {
    const xml = build.page("/news-sitemap.xml");
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(["https://example.com/zh/daily/2026-03-12-fresh/", "https://example.com/en/daily/2026-03-12-fresh/"]);
    expect(sitemapEntry(xml, "https://example.com/zh/daily/2026-03-12-fresh/")).toContain("<news:language>zh-cn</news:language>");
    expect(build.page("/robots.txt")).toContain("Sitemap: https://example.com/news-sitemap.xml");
  });

  it("is empty for the blog's own posts, all older than two days", () => {
    expect(seedBuild().page("/news-sitemap.xml")).not.toContain("<url>");
  });
});

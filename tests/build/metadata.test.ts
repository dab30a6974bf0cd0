/**
 * Link-preview metadata of a whole build: every page type's own title and description in
 * Open Graph and Twitter tags, an image on every page, NewsArticle images, x-default.
 * Reads the shared prefixed build: the blog's content plus a post that exists only in English (and has an old URL).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGS, site as config, type Lang } from "../../src/config.ts";
import { PREFIXED_SITE_URL, prefixedBuild, siteFiles, type BuildRun } from "../helpers/build.ts";

const SITE_URL = PREFIXED_SITE_URL;
const DEFAULT_IMAGE = `${SITE_URL}assets/share.png`;
const COVER_POST = "/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/";
const COVER = "https://ssl.aicode.cc/n8n/2026/02-05/23-36-00-4KXnMVuY.png";
const EN_ONLY_POST = "/en/daily/only-in-english/";

/** One page of each type that is not a post, in each language. */
const PAGES: Record<string, Record<Lang, string>> = {
  home: { zh: "/zh/", en: "/en/" },
  "kind list": { zh: "/zh/daily/", en: "/en/weekly/" },
  "week hub": { zh: "/zh/weeks/2026-w06/", en: "/en/weeks/2026-w06/" },
  archive: { zh: "/zh/archive/", en: "/en/archive/" },
  tag: { zh: "/zh/tags/ai/", en: "/en/tags/ai/" },
  "tag index": { zh: "/zh/tags/", en: "/en/tags/" },
  author: { zh: "/zh/authors/jeremy/", en: "/en/authors/jeremy/" },
  search: { zh: "/zh/search/", en: "/en/search/" },
  feeds: { zh: "/zh/feeds/", en: "/en/feeds/" },
  "not found": { zh: "/zh/404.html", en: "/en/404.html" },
};
const POSTS: Record<Lang, string> = { zh: COVER_POST, en: "/en/weekly/2026-w06-global-tech-and-ai-news/" };

interface Head {
  title: string;
  description?: string;
  /** og:* by property and twitter:* by name. */
  meta: Record<string, string>;
  hreflang: Record<string, string>;
  canonical?: string;
  jsonLd: Record<string, unknown>[];
  redirect: boolean;
}

function headOf(html: string): Head {
  const doc = parseDocument(html);
  const all = (name: string) => DomUtils.findAll((el) => el.name === name, doc.children);
  const meta: Record<string, string> = {};
  for (const el of all("meta")) {
    const key = el.attribs.property ?? el.attribs.name;
    if (key && key !== "description" && !(key in meta)) meta[key] = el.attribs.content ?? "";
  }
  const hreflang: Record<string, string> = {};
  for (const el of all("link")) if (el.attribs.rel === "alternate" && el.attribs.hreflang) hreflang[el.attribs.hreflang] = el.attribs.href!;
  return {
    title: DomUtils.textContent(all("title")[0]!),
    description: all("meta").find((el) => el.attribs.name === "description")?.attribs.content,
    meta,
    hreflang,
    canonical: all("link").find((el) => el.attribs.rel === "canonical")?.attribs.href,
    jsonLd: all("script")
      .filter((el) => el.attribs.type === "application/ld+json")
      .map((el) => JSON.parse(DomUtils.textContent(el)) as Record<string, unknown>),
    redirect: all("meta").some((el) => el.attribs["http-equiv"] === "refresh"),
  };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("link-preview metadata in the built site", () => {
  let build: BuildRun;
  let htmlFiles: string[];
  const head = (url: string) => headOf(build.page(url));

  beforeAll(() => {
    // The blog's content plus an English-only brief with an old URL (tests/helpers/build.ts), built below a path prefix.
    build = prefixedBuild();
    htmlFiles = siteFiles(build.outDir).filter((f) => f.endsWith(".html"));
  });

  it("builds", () => {
    expect(build.code, build.stderr).toBe(0);
  });

  describe.each(Object.entries(PAGES))("a %s page", (_type, urls) => {
    it.each(LANGS)("in %s has its own title and description in Open Graph and Twitter tags", (lang) => {
      const h = head(urls[lang]);
      expect(h.description).toBeTruthy();
      expect(h.meta["og:title"]).toBe(h.title);
      expect(h.meta["twitter:title"]).toBe(h.title);
      expect(h.meta["og:description"]).toBe(h.description);
      expect(h.meta["twitter:description"]).toBe(h.description);
      expect(h.meta["og:title"]).not.toBe(config.title[lang]);
      expect(h.meta["og:description"]).not.toBe(config.description[lang]);
      expect(h.meta["og:site_name"]).toBe(config.title[lang]);
      expect(h.meta["og:type"]).toBe("website");
    });
  });

  it("gives every page type a different title in each language", () => {
    for (const lang of LANGS) {
      const titles = Object.values(PAGES).map((urls) => head(urls[lang]).title);
      expect(new Set(titles).size, titles.join(" | ")).toBe(titles.length);
    }
  });

  it("says what a tag page, a week hub, an author page and a home page are, in each language", () => {
    expect(head("/zh/tags/ai/").meta["og:title"]).toBe("标签：AI · AI 新闻");
    expect(head("/zh/tags/ai/").meta["og:description"]).toMatch(/^\d+ 篇关于「AI」的文章$/);
    expect(head("/en/tags/ai/").meta["og:title"]).toBe("Tagged “AI” · AI News");
    expect(head("/en/tags/ai/").meta["og:description"]).toMatch(/^\d+ posts? tagged “AI”$/);
    expect(head("/zh/weeks/2026-w06/").meta["og:title"]).toBe("2026 年第 6 周 · AI 新闻");
    expect(head("/zh/weeks/2026-w06/").meta["og:description"]).toBe("2026 年第 6 周（2月2日–2月8日）的周报、日报与深度报告");
    expect(head("/en/weeks/2026-w06/").meta["og:title"]).toBe("Week 6, 2026 · AI News");
    expect(head("/en/weeks/2026-w06/").meta["og:description"]).toBe("Digests, daily briefs and deep dives from Feb 2 – Feb 8, 2026");
    expect(head("/en/authors/jeremy/").meta["og:description"]).toMatch(/^\d+ posts? by Jeremy$/);
    expect(head("/zh/").meta["og:title"]).toBe(`${config.title.zh} · ${config.description.zh}`);
    expect(head("/en/").meta["og:title"]).toBe(`${config.title.en} · ${config.description.en}`);
  });

  it.each(LANGS)("gives a post in %s its headline as og:title and its description as og:description", (lang) => {
    const html = build.page(POSTS[lang]);
    const h = headOf(html);
    const headline = DomUtils.textContent(DomUtils.findOne((el) => el.name === "h1", parseDocument(html).children)!);
    expect(h.title).toBe(`${headline} · ${config.title[lang]}`);
    expect(h.meta["og:title"]).toBe(headline);
    expect(h.meta["twitter:title"]).toBe(headline);
    expect(h.meta["og:description"]).toBe(h.description);
    expect(h.meta["twitter:description"]).toBe(h.description);
    expect(h.meta["og:type"]).toBe("article");
  });

  it("puts an absolute og:image and a large Twitter card on every page but redirects", () => {
    let checked = 0;
    for (const file of htmlFiles) {
      const h = headOf(readFileSync(path.join(build.outDir, file), "utf8"));
      if (h.redirect) continue;
      checked++;
      const image = h.meta["og:image"];
      expect(image, file).toMatch(/^https:\/\//);
      expect(h.meta["twitter:image"], file).toBe(image);
      expect(h.meta["twitter:card"], file).toBe("summary_large_image");
      expect(h.meta["og:image:alt"], file).toBeTruthy();
      expect(h.meta["twitter:image:alt"], file).toBe(h.meta["og:image:alt"]);
      expect([h.meta["og:image:width"], h.meta["og:image:height"]], file).toEqual(["1200", "630"]);
      if (image !== DEFAULT_IMAGE) {
        // A post, tag or entity page: its own image, beside its first page, in the output.
        expect(file, image).toMatch(/^(zh|en)\/(weekly|daily|deep-dive|tags|topics)\/[^/]+\//);
        expect(image, file).toMatch(new RegExp(`^${SITE_URL}${file.replace(/page\/\d+\/index\.html$|index\.html$/, "")}share\.png$`));
        expect(pngSize(readFileSync(path.join(build.outDir, image!.slice(SITE_URL.length)))), image).toEqual({ width: 1200, height: 630 });
      }
    }
    expect(checked).toBeGreaterThan(35);
    expect(head("/en/").meta["og:image:alt"]).toBe(`AI 新闻 · AI News: ${config.description.en}`);
    expect(headOf(build.page("/404.html")).meta["og:image"]).toBe(DEFAULT_IMAGE);
  });

  it("leaves redirect pages without preview tags", () => {
    expect(htmlFiles).toContain("old/only-in-english/index.html");
    expect(head("/old/only-in-english/").redirect).toBe(true);
    expect(head("/old/only-in-english/").meta["og:image"]).toBeUndefined();
  });

  it("ships the default image as a 1200×630 PNG", () => {
    expect(pngSize(readFileSync(path.join(build.outDir, "assets/share.png")))).toEqual({ width: 1200, height: 630 });
  });

  it("gives every post's NewsArticle its share image, then its cover", () => {
    const posts = htmlFiles.filter((f) => /^(zh|en)\/(weekly|daily|deep-dive)\/[^/]+\/index\.html$/.test(f));
    expect(posts.length).toBe(9); // the 7 posts of content/ plus the two added ones
    for (const file of posts) {
      const [article] = headOf(readFileSync(path.join(build.outDir, file), "utf8")).jsonLd;
      expect(article?.["@type"], file).toBe("NewsArticle");
      const own = `${SITE_URL}${file.replace(/index\.html$/, "")}share.png`;
      expect(article?.image, file).toEqual(file === `${COVER_POST.slice(1)}index.html` ? [own, COVER] : [own]);
    }
  });

  it("gives every page with alternates an x-default: the Chinese page, else the page itself", () => {
    let checked = 0;
    for (const file of htmlFiles) {
      const h = headOf(readFileSync(path.join(build.outDir, file), "utf8"));
      const langs = Object.keys(h.hreflang).filter((l) => l !== "x-default");
      if (h.redirect && file !== "index.html") continue;
      if (langs.length === 0) continue;
      checked++;
      expect(h.hreflang["x-default"], file).toBe(h.hreflang["zh-CN"] ?? h.canonical);
    }
    expect(checked).toBeGreaterThan(35);
    for (const url of [EN_ONLY_POST, "/en/tags/englishonly/", "/en/weeks/2026-w10/"]) {
      const h = head(url);
      expect(Object.keys(h.hreflang).sort(), url).toEqual(["en", "x-default"]);
      expect(h.hreflang["x-default"], url).toBe(`${SITE_URL}${url.slice(1)}`);
      expect(h.canonical, url).toBe(h.hreflang["x-default"]);
    }
  });
});

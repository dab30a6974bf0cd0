import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prefixedBuild, runBuild, seedBuild, siteFiles, type BuildRun } from "../helpers/build.ts";
import { contentUrls, datesByTitle, parseFeedTwice, specProblems } from "../helpers/feeds.ts";

/** Files the site itself writes (Pagefind's index has its own). */
const files = (dir: string, ext: string) => siteFiles(dir).filter((f) => f.endsWith(ext) && !f.startsWith("pagefind/"));
const feedFiles = (dir: string) => [...files(dir, ".xml"), ...files(dir, ".json")].filter((f) => !f.endsWith("sitemap.xml"));
const formatOf = (file: string) => (file.endsWith(".json") ? "json" : file.endsWith("rss.xml") ? "rss" : "atom");

/** A URL a feed reader can follow without knowing where the feed came from. */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** The blog's content plus a post whose HTML links by site path, by relative path and through srcset. */
describe("feeds, sitemap and metadata of the built site", () => {
  let build: BuildRun;
  let again: BuildRun;
  beforeAll(() => {
    build = seedBuild();
    again = seedBuild("again");
  });

  it("builds", () => {
    expect(build.code).toBe(0);
    expect(again.code).toBe(0);
  });

  it("writes feeds that two independent parsers read, with absolute URLs and full content", () => {
    const feeds = feedFiles(build.outDir);
    expect(feeds).toEqual(expect.arrayContaining(["zh/feed.xml", "zh/rss.xml", "zh/feed.json", "en/feed.xml", "zh/weekly/feed.xml", "zh/tags/ai日报/feed.xml"]));
    for (const file of feeds) {
      const feed = parseFeedTwice(readFileSync(path.join(build.outDir, file), "utf8"), formatOf(file));
      for (const entry of feed.entries) {
        expect(entry.url, file).toMatch(/^https:\/\/example\.com\//);
        expect(contentUrls(entry.content).filter((url) => !ABSOLUTE.test(url)), file).toEqual([]);
      }
    }
    const zh = parseFeedTwice(build.page("/zh/feed.xml"), "atom");
    expect(zh.entries.map((e) => e.title.trim())[0]).toBe("AI 技术深度日报（2026-02-10）");
    expect(zh.entries).toHaveLength(5);
    const tag = parseFeedTwice(build.page("/zh/tags/ai日报/feed.xml"), "atom");
    expect(tag.entries.map((e) => e.title.trim())).toEqual(["AI架构突破与软件股震荡"]);
    expect(tag.entries[0]!.content).toContain("telegram-card");
  });

  it("gives two builds byte-identical feeds and sitemap", () => {
    const outputs = [...files(build.outDir, ".xml"), ...files(build.outDir, ".json"), "robots.txt"];
    for (const file of outputs) {
      expect(readFileSync(path.join(again.outDir, file), "utf8"), file).toBe(readFileSync(path.join(build.outDir, file), "utf8"));
    }
  });

  it("keeps the rules of the feed specifications in every feed", () => {
    // Atom: xml:lang, an author for every entry (its own or the feed's); JSON Feed: no empty authors or tags.
    for (const file of feedFiles(build.outDir)) {
      expect(specProblems(readFileSync(path.join(build.outDir, file), "utf8"), formatOf(file)), file).toEqual([]);
    }
    expect(build.page("/zh/feed.xml")).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(build.page("/en/feed.xml")).toContain('xml:lang="en"');
  });

  it("shows the day of a post of 2026-02-06 as 2026-02-06 in Atom, RSS and JSON", () => {
    const title = "AI架构突破与软件股震荡";
    // What a person reads: the first 10 characters of an RFC 3339 date, the first 16 of an RSS date (as feed.css shows them).
    expect(datesByTitle(build.page("/zh/feed.xml"), "atom")[title]!.slice(0, 10)).toBe("2026-02-06");
    expect(datesByTitle(build.page("/zh/rss.xml"), "rss")[title]!.slice(0, 16)).toBe("Fri, 06 Feb 2026");
    expect(datesByTitle(build.page("/zh/feed.json"), "json")[title]!.slice(0, 10)).toBe("2026-02-06");
    expect(datesByTitle(build.page("/zh/daily/feed.xml"), "atom")[title]).toBe("2026-02-06T00:00:00+08:00");
  });

  it("opens Atom and RSS readably through a CSS stylesheet, with no XSLT anywhere", () => {
    for (const url of ["/zh/feed.xml", "/zh/rss.xml", "/en/weekly/feed.xml", "/zh/tags/ai日报/feed.xml"]) {
      expect(build.page(url), url).toContain('<?xml-stylesheet type="text/css" href="/assets/feed.css"?>');
    }
    const css = build.page("/assets/feed.css");
    expect(css).toContain("这是一个订阅源：把本页地址复制到 RSS 阅读器即可订阅。");
    expect(css).toContain("This is a feed: copy this page's address into a feed reader to subscribe.");
    expect(build.has("/assets/feed.xsl")).toBe(false);
    const outputs = siteFiles(build.outDir).filter((f) => /\.(html|xml|json|css|js|txt)$/.test(f) && !f.startsWith("pagefind/"));
    expect(outputs.filter((f) => /text\/xsl|\.xsl\b/.test(readFileSync(path.join(build.outDir, f), "utf8")))).toEqual([]);
    // The site's policy lets a feed load its stylesheet from the site itself.
    expect(build.page("/_headers")).toMatch(/Content-Security-Policy: [^\n]*style-src 'self'/);
  });

  it("links each page's language, kind and tag feeds, and lists them all on a feeds page", () => {
    const html = build.page("/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/");
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/zh/feed.xml"');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/zh/daily/feed.xml"');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/zh/tags/ai日报/feed.xml"');
    expect(build.page("/zh/feeds/")).toContain('href="/zh/tags/ai日报/feed.xml"');
    expect(build.page("/en/feeds/")).toContain('href="/en/feed.json"');
  });

  it("writes a sitemap with hreflang alternates and a robots.txt that points to it", () => {
    const sitemap = build.page("/sitemap.xml");
    expect(sitemap).toContain("<loc>https://example.com/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/</loc>");
    expect(sitemap).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://example.com/en/weekly/2026-w06-global-tech-and-ai-news/"/>');
    expect(sitemap).toContain("<loc>https://example.com/zh/tags/ai%E6%97%A5%E6%8A%A5/</loc>");
    expect(sitemap).not.toContain("weekly_news");
    expect(build.page("/robots.txt")).toContain("Sitemap: https://example.com/sitemap.xml");
  });

  it("gives each post parseable NewsArticle JSON-LD", () => {
    const posts = readdirSync(build.outDir, { recursive: true, encoding: "utf8" }).filter((f) => /^(zh|en)\/(weekly|daily|deep-dive)\/[^/]+\/index\.html$/.test(f.split(path.sep).join("/")));
    expect(posts.length).toBe(7);
    for (const file of posts) {
      const html = readFileSync(path.join(build.outDir, file), "utf8");
      const json = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
      expect(json, file).toMatchObject({
        "@type": "NewsArticle",
        headline: expect.any(String),
        datePublished: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
        dateModified: expect.stringMatching(/\+08:00$/),
        inLanguage: expect.stringMatching(/^(zh-CN|en)$/),
        author: expect.any(Array),
        keywords: expect.any(Array),
        publisher: { "@type": "Organization", name: "AI News" },
      });
    }
    const cover = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(build.page("/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/"))![1]!);
    expect(cover.image).toEqual(["https://example.com/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/share.png", "https://ssl.aicode.cc/n8n/2026/02-05/23-36-00-4KXnMVuY.png"]);
  });

  it("has canonical, Open Graph and Twitter metadata", () => {
    const html = build.page("/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/");
    expect(html).toContain('<link rel="canonical" href="https://example.com/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/">');
    expect(html).toContain('<meta property="og:title" content="AI架构突破与软件股震荡">');
    expect(html).toContain('<meta property="og:image" content="https://example.com/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/share.png">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });
});

describe("site URL and path prefix", () => {
  it("keeps every link, asset, feed and sitemap entry under a project-page prefix", () => {
    // The blog's content plus an image-heavy brief (tests/helpers/build.ts), built below /blog/.
    const build = prefixedBuild();
    expect(build.stderr).not.toMatch(/^error/m);
    expect(build.code).toBe(0);
    const html = build.page("/zh/index.html");
    expect(html).toContain('href="/blog/assets/site.css"');
    expect(html).toContain('href="/blog/zh/weekly/"');
    // The root page sends readers to /blog/zh/ on the same host.
    expect(build.page("/index.html")).toContain('content="0; url=/blog/zh/"');
    for (const file of readdirSync(build.outDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"))) {
      const page = readFileSync(path.join(build.outDir, file), "utf8");
      for (const [, href] of page.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
        expect(href!.startsWith("/blog/"), `${file}: ${href}`).toBe(true);
      }
      for (const [, href] of page.matchAll(/\s(?:href|src|content)="(https?:\/\/user\.github\.io[^"]*)"/g)) {
        expect(href!.startsWith("https://user.github.io/blog/"), `${file}: ${href}`).toBe(true);
      }
    }
    expect(build.page("/zh/feed.xml")).toContain('<?xml-stylesheet type="text/css" href="/blog/assets/feed.css"?>');
    // Every URL of feed content is absolute and under the prefix: href, src and each srcset candidate.
    const pictures = parseFeedTwice(build.page("/en/feed.xml"), "atom").entries.find((e) => e.title === "Pictures")!;
    expect(contentUrls(pictures.content)).toEqual([
      "https://user.github.io/blog/assets/favicon.svg",
      "https://user.github.io/blog/assets/favicon.svg",
      "https://user.github.io/blog/assets/favicon.svg",
      "https://user.github.io/blog/assets/favicon.svg",
      "https://user.github.io/blog/assets/favicon.svg",
      "https://user.github.io/blog/en/daily/pictures/#sources",
      "https://user.github.io/blog/en/",
    ]);
    for (const file of feedFiles(build.outDir)) {
      for (const entry of parseFeedTwice(readFileSync(path.join(build.outDir, file), "utf8"), formatOf(file)).entries) {
        expect(contentUrls(entry.content).filter((url) => !ABSOLUTE.test(url)), file).toEqual([]);
      }
    }
    expect(build.page("/zh/feed.xml")).toContain("<id>https://user.github.io/blog/zh/feed.xml</id>");
    expect(build.page("/sitemap.xml")).not.toMatch(/<loc>https:\/\/user\.github\.io\/(?!blog\/)/);
  });

  it("fails with a clear message on an invalid SITE_URL", () => {
    for (const value of ["not a url", "ftp://example.com/", "https://example.com/?q=1"]) {
      const build = runBuild({ SITE_URL: value });
      expect(build.code).toBe(1);
      expect(build.stderr).toMatch(/^error: SITE_URL: .*(is not a URL|must be a plain http\(s\) URL)/m);
      expect(build.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe("the subscribe line under every post", () => {
  it("links the feeds of the post's language and kind, which exist, and the feeds page", () => {
    const site = seedBuild();
    const posts = siteFiles(site.outDir).filter((f) => /^(zh|en)\/(weekly|daily|deep-dive)\/[^/]+\/index\.html$/.test(f));
    expect(posts.length).toBe(7);
    for (const file of posts) {
      const [, lang, kind] = /^(zh|en)\/([^/]+)\//.exec(file)!;
      const line = /<p class="subscribe"[^>]*>([\s\S]*?)<\/p>/.exec(readFileSync(path.join(site.outDir, file), "utf8"))?.[1];
      expect(line, file).toBeDefined();
      const hrefs = [...line!.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
      expect(hrefs, file).toEqual([`/${lang}/feed.xml`, `/${lang}/${kind}/feed.xml`, `/${lang}/feeds/`]);
      for (const href of hrefs.slice(0, 2)) expect(site.has(href!), href).toBe(true);
    }
  });
});

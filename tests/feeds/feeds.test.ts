import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { renderFeed } from "../../src/feeds/feeds.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";
import { contentUrls, datesByTitle, parseFeedTwice, specProblems } from "../helpers/feeds.ts";

const blog = buildSite(realPosts(), config);

describe("feed definitions", () => {
  const specs = blog.context.feeds;
  const urlsOf = (lang: string) => specs.filter((s) => s.lang === lang).map((s) => `${s.format} ${s.url}`);

  it("has Atom, RSS and JSON per language, Atom per kind and per tag", () => {
    expect(urlsOf("zh")).toEqual(
      expect.arrayContaining([
        "atom /zh/feed.xml",
        "rss /zh/rss.xml",
        "json /zh/feed.json",
        "atom /zh/weekly/feed.xml",
        "atom /zh/daily/feed.xml",
        "atom /zh/deep-dive/feed.xml",
        "atom /zh/tags/ai日报/feed.xml",
      ]),
    );
    expect(urlsOf("en")).toContain("atom /en/tags/ai/feed.xml");
  });

  it("puts entries newest first and caps them at the configured size", () => {
    const all = specs.find((s) => s.url === "/zh/feed.xml")!;
    const dates = all.entries.map((e) => e.post.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const capped = buildSite(realPosts(), { ...config, feedSize: 2 }).context.feeds.find((s) => s.url === "/zh/feed.xml")!;
    expect(capped.entries).toHaveLength(2);
  });

  it("dates a feed by its newest entry, never by the build, in the site's time zone", () => {
    const spec = specs.find((s) => s.url === "/zh/weekly/feed.xml")!;
    const xml = renderFeed(spec, config, { pathPrefix: "/", fallbackDate: new Date(0) });
    expect(xml).toContain("<updated>2026-02-06T00:00:00+08:00</updated>");
  });

  it("lists every feed on a page per language", () => {
    const { feedIndexes: pages, feedFiles: files } = blog.pages;
    const zh = pages.find((p) => p.lang === "zh")!;
    const listed = zh.groups.flatMap((g) => g.feeds.map((f) => f.url));
    expect(listed.sort()).toEqual(files.map((f) => f.url).filter((u) => u.startsWith("/zh/")).sort());
  });
});

describe("feeds keep the rules of their specifications", () => {
  const files = buildSite(realPosts(), config, { pathPrefix: "/blog/" }).pages.feedFiles;
  const body = (url: string) => files.find((f) => f.url === url)!.body;
  const formatOf = (url: string) => (url.endsWith(".json") ? "json" : url.endsWith("rss.xml") ? "rss" : "atom");

  it("breaks no checked rule in any feed", () => {
    for (const file of files) expect(specProblems(file.body, formatOf(file.url)), file.url).toEqual([]);
  });

  it("names the publisher as every Atom feed's author, so entries without authors have one, and states the language", () => {
    const zh = body("/zh/feed.xml");
    expect(zh).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="zh-CN">\s*<author>\s*<name>AI News<\/name>\s*<\/author>/);
    expect(body("/en/tags/ai/feed.xml")).toContain('xml:lang="en"');
    // One zh post has no author of its own.
    expect(zh.split("<entry>").slice(1).some((entry) => !entry.includes("<author>"))).toBe(true);
  });

  it("writes JSON Feed without empty authors or tags, with the publisher as the feed's author", () => {
    const json = JSON.parse(body("/zh/feed.json"));
    expect(json.authors).toEqual([{ name: "AI News" }]);
    expect(json.language).toBe("zh-CN");
    const untagged = json.items.find((i: { title: string }) => i.title === "AI 行业动态 (2026-02-06)");
    expect(untagged).not.toHaveProperty("authors");
    expect(untagged).not.toHaveProperty("tags");
    expect(json.items.find((i: { title: string }) => i.title.startsWith("2026年2月第一周")).authors).toEqual([{ name: "Jeremy" }]);
  });

  it("keeps the item list of a JSON feed without posts", () => {
    const spec = { ...blog.context.feeds.find((s) => s.url === "/zh/feed.json")!, entries: [] };
    const json = JSON.parse(renderFeed(spec, config, { pathPrefix: "/", fallbackDate: new Date(0) }));
    expect(json.items).toEqual([]);
    expect(specProblems(JSON.stringify(json), "json")).toEqual([]);
  });

  it("dates a post of 2026-02-06 on 2026-02-06 (midnight in Shanghai) in Atom, RSS and JSON", () => {
    const title = "AI架构突破与软件股震荡";
    expect(datesByTitle(body("/zh/feed.xml"), "atom")[title]).toBe("2026-02-06T00:00:00+08:00");
    expect(datesByTitle(body("/zh/rss.xml"), "rss")[title]).toBe("Fri, 06 Feb 2026 00:00:00 +0800");
    expect(datesByTitle(body("/zh/feed.json"), "json")[title]).toBe("2026-02-06T00:00:00+08:00");
    expect(body("/zh/rss.xml")).toMatch(/<lastBuildDate>[^<]+\+0800<\/lastBuildDate>/);
    // Still the same instant for a feed reader.
    expect(parseFeedTwice(body("/zh/feed.xml"), "atom").entries.find((e) => e.title === title)!.published).toBe("2026-02-05T16:00:00.000Z");
  });

  it("links a CSS stylesheet under the path prefix, no XSLT, and the page that lists every feed", () => {
    for (const url of ["/zh/feed.xml", "/zh/rss.xml", "/zh/tags/ai日报/feed.xml"]) {
      expect(body(url), url).toContain('<?xml-stylesheet type="text/css" href="/blog/assets/feed.css"?>');
      expect(body(url), url).not.toMatch(/xsl/i);
      expect(body(url), url).toContain('href="https://example.com/zh/feeds/" rel="related" type="text/html"');
    }
  });

  it("makes every URL of the content absolute: href, src and each srcset candidate", () => {
    const source = [
      "---\ntitle: Pictures\ndate: 2026-03-01\nslug: pictures\nsummary: Pictures\n---",
      '<img src="/assets/a.png" srcset="a.png 1x, /assets/b.png 2x" alt="a">',
      '<picture><source srcset="/assets/c.webp 1x, ../d.webp 2x" type="image/webp"><img src="c.png" alt="c"></picture>',
      "## Part\n\n[part](#part) [home](/en/)",
    ].join("\n\n");
    const site = buildSite([post("en/daily/pictures.md", source)], config);
    const entry = parseFeedTwice(site.pages.feedFiles.find((f) => f.url === "/en/feed.xml")!.body, "atom").entries[0]!;
    const urls = contentUrls(entry.content);
    expect(urls).toEqual([
      "https://example.com/assets/a.png",
      "https://example.com/en/daily/pictures/a.png",
      "https://example.com/assets/b.png",
      "https://example.com/assets/c.webp",
      "https://example.com/en/daily/d.webp",
      "https://example.com/en/daily/pictures/c.png",
      "https://example.com/en/daily/pictures/#part",
      "https://example.com/en/",
    ]);
  });
});

describe("feeds with hostile text stay well-formed", () => {
  const nasty = [
    'Quotes "double" & \'single\' <b>tags</b>',
    "Emoji 🤖🚀 and 中文",
    "Control \u0000\u0001\u0008\u000B\u001F characters",
    "Lone surrogates \uD800 and \uDFFF here",
    "CDATA end ]]> inside",
  ];
  const posts = nasty.map((title, i) =>
    post(`en/daily/n${i}.md`, `---\ntitle: ${JSON.stringify(title)}\ndate: 2026-03-0${i + 1}\nslug: n${i}\nsummary: ${JSON.stringify(title + " summary")}\ntags: [${JSON.stringify(title.slice(0, 12))}]\n---\nBody with ${title.replace(/[<>]/g, "")} and a [link](https://example.org/?a=1&b=2).\n`),
  );
  const hostile = buildSite(posts, config);
  const files = hostile.pages.feedFiles;

  it.each(["/en/feed.xml", "/en/rss.xml", "/en/feed.json", "/en/daily/feed.xml"])("%s parses with two parsers", (url) => {
    const file = files.find((f) => f.url === url)!;
    const format = url.endsWith(".json") ? "json" : url.endsWith("rss.xml") ? "rss" : "atom";
    const parsed = parseFeedTwice(file.body, format);
    expect(parsed.entries).toHaveLength(5);
    const titles = parsed.entries.map((e) => e.title.trim());
    expect(titles).toContain("Emoji 🤖🚀 and 中文");
    expect(titles).toContain('Quotes "double" & \'single\' <b>tags</b>');
    expect(titles).toContain("CDATA end ]]> inside");
    expect(specProblems(file.body, format)).toEqual([]);
  });

  it("every tag feed parses too", () => {
    for (const file of files.filter((f) => f.url.includes("/tags/"))) {
      expect(() => parseFeedTwice(file.body, "atom"), file.url).not.toThrow();
    }
  });
});

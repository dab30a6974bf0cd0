import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildFeeds, defineFeeds, renderFeed } from "../../src/feeds/feeds.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";
import { parseFeedTwice } from "../helpers/feeds.ts";

const blog = buildSite(realPosts(), config);

describe("feed definitions", () => {
  const specs = defineFeeds(blog, config);
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
    const capped = defineFeeds(blog, { ...config, feedSize: 2 }).find((s) => s.url === "/zh/feed.xml")!;
    expect(capped.entries).toHaveLength(2);
  });

  it("dates a feed by its newest entry, never by the build", () => {
    const spec = specs.find((s) => s.url === "/zh/weekly/feed.xml")!;
    const xml = renderFeed(spec, config, { pathPrefix: "/", fallbackDate: new Date(0) });
    expect(xml).toContain("<updated>2026-02-05T16:00:00.000Z</updated>");
  });

  it("lists every feed on a page per language", () => {
    const { pages, files } = buildFeeds(blog, config, "/");
    const zh = pages.find((p) => p.lang === "zh")!;
    const listed = zh.groups.flatMap((g) => g.feeds.map((f) => f.url));
    expect(listed.sort()).toEqual(files.map((f) => f.url).filter((u) => u.startsWith("/zh/")).sort());
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
  const { files } = buildFeeds(hostile, config, "/");

  it.each(["/en/feed.xml", "/en/rss.xml", "/en/feed.json", "/en/daily/feed.xml"])("%s parses with two parsers", (url) => {
    const file = files.find((f) => f.url === url)!;
    const format = url.endsWith(".json") ? "json" : url.endsWith("rss.xml") ? "rss" : "atom";
    const parsed = parseFeedTwice(file.body, format);
    expect(parsed.entries).toHaveLength(5);
    const titles = parsed.entries.map((e) => e.title.trim());
    expect(titles).toContain("Emoji 🤖🚀 and 中文");
    expect(titles).toContain('Quotes "double" & \'single\' <b>tags</b>');
    expect(titles).toContain("CDATA end ]]> inside");
  });

  it("every tag feed parses too", () => {
    for (const file of files.filter((f) => f.url.includes("/tags/"))) {
      expect(() => parseFeedTwice(file.body, "atom"), file.url).not.toThrow();
    }
  });
});

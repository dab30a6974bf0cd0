/**
 * XSS vectors in every place a post can carry them (body HTML, Markdown links and images,
 * title, summary, tags, authors, keywords, cover, aliases), through the real build: no
 * page, feed, JSON-LD block or search-index entry carries them as active content.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileBuild, runBuild, type BuildRun } from "../helpers/build.ts";
import { parseFeedTwice } from "../helpers/feeds.ts";
import { SEEDS_DIR } from "../helpers/seeds.ts";
import { ALL_VECTORS, HOSTILE_BUILD_TIME as BUILD_TIME, HOSTILE_POSTS, inertProblems, normalizeUrl, pageProblems, XSS_MARKER } from "../helpers/xss.ts";


/** Every file of a built site, as site paths without the leading slash. */
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .sort();

/** The text a reader sees in an element: entities decoded, whitespace collapsed. */
const textOf = (html: string, tag: string) => {
  const [el] = DomUtils.getElementsByTagName(tag, parseDocument(html).children, true, 1);
  return el ? DomUtils.textContent(el).replace(/\s+/g, " ").trim() : undefined;
};

/** Every element an Atom or RSS feed of the site may hold. */
const FEED_ELEMENTS = new Set([
  "feed", "generator", "id", "link", "subtitle", "title", "updated", "entry", "content", "published", "summary", "author", "name", "category",
  "rss", "channel", "description", "language", "lastBuildDate", "atom:link", "item", "guid", "pubDate", "dc:creator", "content:encoded",
]);

/** The cover image of a post page. */
const coverOf = (doc: ReturnType<typeof parseDocument>) => {
  const figure = DomUtils.findOne((el) => el.name === "figure" && el.attribs.class === "post__cover", doc.children);
  const img = figure && DomUtils.findOne((el) => el.name === "img", figure.children);
  if (!img) throw new Error("no cover image");
  return img;
};

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text", parseTagValue: false, trimValues: true });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const textValue = (node: unknown): string => (typeof node === "string" ? node : String((node as Record<string, unknown>)?.["#text"] ?? "")).trim();

describe("hostile posts build into an inert site", () => {
  let build: BuildRun;
  let files: string[];
  const post = (url: string) => build.page(url);

  beforeAll(() => {
    build = hostileBuild();
    files = filesOf(build.outDir);
  });

  it("builds every hostile post", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("content: 5 posts");
    for (const url of Object.values(HOSTILE_POSTS)) expect(build.has(url), url).toBe(true);
  });

  it("writes no page with active content: scripts, handlers, frames, forms, script URLs or styles that load", () => {
    const pages = files.filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));
    expect(pages.length).toBeGreaterThan(30);
    const problems = pages.flatMap((file) => pageProblems(readFileSync(path.join(build.outDir, file), "utf8"), file));
    expect(problems).toEqual([]);
  });

  it("shows front-matter vectors as text: title, authors, tags, cover and its alt", () => {
    const html = post(HOSTILE_POSTS.frontMatter);
    const title = "<script>window.__xss=1</script>前置数据 <img src=https://xss.test/x onerror=alert(1)> xssprobe";
    expect(textOf(html, "h1")).toBe(title);
    expect(textOf(html, "title")).toBe(`${title} · AI 新闻`);
    const doc = parseDocument(html);
    const cover = coverOf(doc);
    // The quote stays inside the attribute: one src, no handler.
    expect(cover.attribs).toEqual({
      src: 'https://example.org/cover.png" onerror="alert(1)',
      alt: '"><script>window.__xss=1</script><img src=https://xss.test/x onerror=alert(1)>',
      decoding: "async",
    });
    const links = (rel: string) =>
      DomUtils.findAll((el) => el.name === "a" && el.attribs.rel === rel, doc.children).map((a) => DomUtils.textContent(a));
    expect(links("author")).toEqual(["<img src=https://xss.test/x onerror=alert(1)>", '"><script>window.__xss=1</script>']);
    expect(links("tag")).toEqual(["<script>window.__xss=1</script>", '"><img src=https://xss.test/x onerror=alert(1)>', "javascript:alert(1)", "标签<svg/onload=alert(1)>"]);
    const meta = (property: string) => DomUtils.findOne((el) => el.name === "meta" && el.attribs.property === property, doc.children)?.attribs.content;
    expect(meta("og:title")).toBe(title);
    // The preview is the drawn card; its alt text carries the hostile title as text.
    expect(meta("og:image")).toBe("https://example.com/zh/daily/xss-front-matter/share.png");
    expect(meta("og:image:alt")).toContain(title);

    const weeklyCover = coverOf(parseDocument(post(HOSTILE_POSTS.toml)));
    expect(weeklyCover.attribs.src).toBe("https://example.org/w.png' onerror='alert(1)");
    expect(Object.keys(weeklyCover.attribs).filter((a) => a.startsWith("on"))).toEqual([]);
  });

  it("gives every post page JSON-LD that parses, with no raw < and the title as plain text", () => {
    for (const url of Object.values(HOSTILE_POSTS)) {
      const html = post(url);
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(scripts, url).toHaveLength(1);
      expect(scripts[0], url).not.toContain("<");
      const data = JSON.parse(scripts[0]!) as { headline: string; author: { name: string }[]; keywords: string[] };
      expect(data.headline, url).toBe(textOf(html, "h1"));
    }
    const data = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(post(HOSTILE_POSTS.frontMatter))![1]!);
    expect(data.keywords).toContain("</script><script>window.__xss=1</script>");
    expect(data.image).toEqual(["https://example.com/zh/daily/xss-front-matter/share.png", 'https://example.org/cover.png" onerror="alert(1)']);
  });

  it("writes feeds whose content is inert HTML and whose titles, summaries, authors and tags are text", () => {
    const feeds = files.filter((f) => (f.endsWith(".xml") && !f.endsWith("sitemap.xml")) || f.endsWith("feed.json"));
    expect(feeds.length).toBeGreaterThan(10);
    const titles = new Set(Object.values(HOSTILE_POSTS).map((url) => textOf(post(url), "h1")));
    let entries = 0;
    for (const file of feeds) {
      const body = readFileSync(path.join(build.outDir, file), "utf8");
      const where = (i: number) => `${file} entry ${i}`;
      if (file.endsWith(".json")) {
        parseFeedTwice(body, "json");
        const feed = JSON.parse(body) as { items: { title: string; summary: string; content_html: string; image?: string; content_text?: string }[] };
        feed.items.forEach((item, i) => {
          entries++;
          // JSON Feed's title and summary are plain text by definition; only content_html is HTML.
          expect(titles.has(item.title), where(i)).toBe(true);
          expect(inertProblems(item.content_html, { where: where(i) })).toEqual([]);
          if (item.image) expect(normalizeUrl(item.image), where(i)).toMatch(/^https?:\/\//);
        });
        continue;
      }
      const rss = file.endsWith("rss.xml");
      parseFeedTwice(body, rss ? "rss" : "atom");
      // Only the feed format's own elements: an XHTML <script> in an XML feed would run when it is opened.
      expect(body, file).not.toMatch(/<!ENTITY|<!DOCTYPE/i);
      const elements = new Set(DomUtils.getElementsByTagName(() => true, parseDocument(body, { xmlMode: true }).children, true).map((el) => el.name));
      expect([...elements].filter((name) => !FEED_ELEMENTS.has(name)), file).toEqual([]);
      const doc = xml.parse(body) as Record<string, any>;
      if (rss) {
        asArray(doc.rss.channel.item).forEach((item: Record<string, any>, i: number) => {
          entries++;
          expect(titles.has(textValue(item.title)), where(i)).toBe(true);
          // Readers take an RSS description as HTML, like content:encoded.
          expect(inertProblems(textValue(item.description), { where: `${where(i)} description` })).toEqual([]);
          expect(inertProblems(textValue(item["content:encoded"]), { where: `${where(i)} content` })).toEqual([]);
        });
      } else {
        asArray(doc.feed.entry).forEach((entry: Record<string, any>, i: number) => {
          entries++;
          expect(entry.title["@type"], where(i)).toBe("text");
          expect(titles.has(textValue(entry.title)), where(i)).toBe(true);
          expect(entry.summary["@type"], where(i)).toBe("text");
          expect(entry.content["@type"], where(i)).toBe("html");
          expect(inertProblems(textValue(entry.content), { where: where(i) })).toEqual([]);
          // Author names and categories are plain text elements and attributes in Atom.
          for (const author of asArray(entry.author)) expect(typeof textValue((author as Record<string, unknown>).name)).toBe("string");
        });
      }
    }
    expect(entries).toBeGreaterThan(20);
    // The RSS summary with a literal "<img … onerror>" reaches readers as escaped HTML, so they show it as text.
    const weekly = asArray((xml.parse(post("/en/rss.xml")) as Record<string, any>).rss.channel.item).find((item: Record<string, any>) => item.link === `https://example.com${HOSTILE_POSTS.toml}`);
    expect(textValue(weekly.description)).toContain("&lt;img src=https://xss.test/x onerror=alert(1)> ]]>window.__xss=1 xssprobe");
  });

  it("keeps the sitemaps well-formed", () => {
    for (const sitemap of ["/sitemap.xml", "/news-sitemap.xml"]) {
      expect(() => xml.parse(post(sitemap))).not.toThrow();
      expect(post(sitemap)).not.toMatch(/<script/i);
    }
  });

  it("stores plain text in the search index, which Pagefind escapes before it shows an excerpt", () => {
    const dir = path.join(build.outDir, "pagefind", "fragment");
    const fragments = readdirSync(dir).map((file) => {
      const text = gunzipSync(readFileSync(path.join(dir, file))).toString("utf8");
      // A "pagefind_dcd" signature precedes the JSON.
      return JSON.parse(text.slice(text.indexOf("{"))) as { url: string; content: string; meta: Record<string, string> };
    });
    expect(fragments.map((f) => f.url).sort()).toEqual(Object.values(HOSTILE_POSTS).sort());

    // Pagefind's own client escapes < and > of the stored text before it marks words in an
    // excerpt that its UI inserts as HTML; result titles are inserted as text nodes.
    const client = readFileSync(path.join(build.outDir, "pagefind", "pagefind.js"), "utf8");
    expect(client).toContain('fragment.raw_content=fragment.content.replace(/</g,"&lt;").replace(/>/g,"&gt;")');

    for (const fragment of fragments) {
      const zwsp = /\u200B/g;
      const html = post(fragment.url);
      // The index holds what the reader sees, not the page's markup.
      expect(fragment.meta.title!.replace(zwsp, ""), fragment.url).toBe(textOf(html, "h1"));
      expect(fragment.content, fragment.url).not.toMatch(/\s(?:loading|decoding|rel|class)="/);
      expect(fragment.content, fragment.url).toContain(XSS_MARKER);
      // The excerpt as the Pagefind UI would insert it: escaped text with <mark> around matches.
      const excerpt = fragment.content
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(new RegExp(XSS_MARKER, "g"), `<mark>${XSS_MARKER}</mark>`);
      expect(inertProblems(excerpt, { where: fragment.url })).toEqual([]);
      expect(DomUtils.getElementsByTagName(() => true, parseDocument(excerpt).children, true).every((el) => el.name === "mark")).toBe(true);
      for (const [key, value] of Object.entries(fragment.meta)) {
        if (key === "image") expect(normalizeUrl(value), fragment.url).toMatch(/^https?:\/\//);
      }
    }
  });
});

describe("vectors the build refuses, with a message that names the post", () => {
  const tmp: string[] = [];
  afterAll(() => {
    for (const dir of tmp) rmSync(dir, { recursive: true, force: true });
  });
  const contentWith = (posts: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "xss-bad-"));
    tmp.push(dir);
    writeFileSync(path.join(dir, "good.md"), readFileSync(path.join(SEEDS_DIR, "004_7a071d55055ae9fc.txt")));
    for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(dir, name), text);
    return dir;
  };
  const daily = (i: number, extra: string, body = "Body.") => `---\ntitle: "Cover ${i}"\ndate: 2026-03-0${i}\nkind: daily\nlang: en\n${extra}\n---\n${body}\n`;

  it("rejects script, data and protocol-relative cover URLs, listing each post", () => {
    const covers = ["javascript:alert(1)", "JaVaScRiPt:window.__xss=1", " \tjava\tscript:alert(1)", "vbscript:msgbox(1)", "data:image/svg+xml;base64,PHN2Zz4=", "//evil.test/x.png"];
    const posts = Object.fromEntries(covers.map((cover, i) => [`cover-${i}.md`, daily(i + 1, i % 2 ? `cover:\n  src: ${JSON.stringify(cover)}\n  alt: x` : `cover: ${JSON.stringify(cover)}`)]));
    const build = runBuild({ CONTENT_DIR: contentWith(posts), BUILD_TIME });
    expect(build.code).toBe(1);
    covers.forEach((_, i) => expect(build.stderr).toMatch(new RegExp(`^error: .*cover-${i}\\.md:\\d+: cover: .* is not an image URL`, "m")));
    expect(build.stderr).toContain(`build failed: ${covers.length} content problems; nothing was written`);
    expect(readdirSync(build.outDir)).toEqual([]);
  });

  it("rejects Markdown links whose scheme is split by whitespace, naming file and line", () => {
    const rejected = ALL_VECTORS.filter((v) => v.buildRejects && v.family.startsWith("Markdown"));
    expect(rejected.length).toBeGreaterThan(0);
    const body = rejected.map((v) => `${v.payload}\n`).join("\n");
    const build = runBuild({ CONTENT_DIR: contentWith({ "links.md": daily(1, "", body) }), BUILD_TIME });
    expect(build.code).toBe(1);
    expect(build.stderr.match(/^error: .*links\.md:\d+: link: .* leads to no page/gm)).toHaveLength(rejected.length);
    expect(readdirSync(build.outDir)).toEqual([]);
  });

  it("fails the link check on raw HTML whose link the sanitizer leaves as a dead relative path", () => {
    const rejected = ALL_VECTORS.filter((v) => v.buildRejects && !v.family.startsWith("Markdown"));
    const body = rejected.map((v) => `<p>${v.payload}</p>\n`).join("\n");
    const build = runBuild({ CONTENT_DIR: contentWith({ "raw.md": daily(1, "slug: raw", body) }), BUILD_TIME });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/^error: broken link: \/en\/daily\/raw\/: link java\uFFFDscript:alert\(1\) lands on no page$/m);
    // Nothing of the failed build is published (tests/markdown/xss.test.ts renders each of these vectors inert).
    expect(readdirSync(build.outDir)).toEqual([]);
  });
});

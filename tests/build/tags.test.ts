/**
 * One tag in two languages, on the shared newsroom build (tests/fixtures/newsroom/tags.yaml
 * pairs 大模型 with LLM and merges LLMs and 大语言模型 into them): the merged spellings'
 * pages redirect, the language switch and the hreflang alternates follow the pair, post tag
 * links and the tag feed show the tag that stays. And a registry with an error stops the build.
 */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { newsroomBuild, runBuild, type BuildRun } from "../helpers/build.ts";
import { SEEDS_DIR } from "../helpers/seeds.ts";

const EN_LLM = "/en/tags/llm/";
const ZH_LLM = "/zh/tags/大模型/";
const EN_POSTS = ["/en/daily/2026-03-02-tag-llm/", "/en/daily/2026-03-03-tag-llms/"];
const ZH_POSTS = ["/zh/daily/2026-03-02-tag-da-mo-xing/", "/zh/daily/2026-03-03-tag-da-yu-yan-mo-xing/"];

let build: BuildRun;
beforeAll(() => {
  build = newsroomBuild();
  expect(build.stderr).toBe("");
  expect(build.code).toBe(0);
});

const elements = (url: string, match: (el: { name: string; attribs: Record<string, string> }) => boolean) =>
  DomUtils.findAll((el) => match(el), parseDocument(build.page(url)).children);
const hrefOf = (el: { attribs: Record<string, string> }) => decodeURI(el.attribs.href!);
const switchOf = (url: string) => hrefOf(elements(url, (el) => el.name === "a" && el.attribs.class === "lang-switch")[0]!);
const hreflang = (url: string) => Object.fromEntries(elements(url, (el) => el.name === "link" && el.attribs.rel === "alternate" && "hreflang" in el.attribs).map((el) => [el.attribs.hreflang, hrefOf(el)]));
const tagLinks = (url: string) => elements(url, (el) => el.name === "a" && el.attribs.rel === "tag").map((el) => [DomUtils.textContent(el as never), hrefOf(el)]);

describe("a merged tag", () => {
  it("redirects the LLMs page, and a chain's first spelling, to the LLM page", () => {
    for (const old of ["/en/tags/llms/", "/en/tags/largelanguagemodels/"]) {
      const html = build.page(old);
      expect(html, old).toMatch(/<meta http-equiv="refresh" content="0; url=\/en\/tags\/llm\/">/);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain("Tagged “LLM”");
    }
    expect(decodeURI(build.page("/zh/tags/大语言模型/"))).toContain(`url=${ZH_LLM}"`);
    // Redirects are not pages of the sitemap, and the merged spellings have no feed of their own.
    expect(build.page("/sitemap.xml")).not.toContain("/en/tags/llms/");
  });

  it("keeps the merged spelling's feed at its address, with the entries of the tag that stays, unlisted", () => {
    const kept = build.page("/en/tags/llms/feed.xml");
    const entries = (feed: string) => [...feed.matchAll(/<id>([^<]+)<\/id>/g)].slice(1).map((m) => m[1]);
    expect(entries(kept)).toEqual(entries(build.page(`${EN_LLM}feed.xml`)));
    expect(kept).toContain('<link href="https://example.com/en/tags/llms/feed.xml" rel="self"');
    expect(build.page("/en/feeds/")).not.toContain("/en/tags/llms/feed.xml");
  });

  it("gathers the posts of every spelling on the page of the tag that stays, and in its feed", () => {
    const cards = elements(EN_LLM, (el) => el.name === "a" && EN_POSTS.includes(el.attribs.href ?? ""));
    expect(new Set(cards.map((el) => el.attribs.href))).toEqual(new Set(EN_POSTS));
    const feed = build.page(`${EN_LLM}feed.xml`);
    for (const url of EN_POSTS) expect(feed).toContain(`<id>https://example.com${url}</id>`);
    expect(feed).toContain("<title type=\"text\">AI News · Tagged “LLM”</title>");
    const zhFeed = decodeURI(build.page(`${ZH_LLM}feed.xml`));
    for (const url of ZH_POSTS) expect(zhFeed).toContain(`https://example.com${url}`);
  });

  it("shows the tag that stays in post tag links, once for a post tagged both LLM and LLMs", () => {
    expect(tagLinks(EN_POSTS[1]!)).toEqual([["LLM", EN_LLM]]);
    expect(tagLinks(ZH_POSTS[1]!)).toEqual([["大模型", ZH_LLM]]);
  });

  it("lists only the tag that stays in the tag index", () => {
    const index = elements("/en/tags/", (el) => el.name === "a" && el.attribs.rel === "tag").map(hrefOf);
    expect(index).toContain(EN_LLM);
    expect(index).not.toContain("/en/tags/llms/");
  });
});

describe("a tag paired across languages", () => {
  it("switches from /en/tags/llm/ to the page of 大模型, and back", () => {
    expect(switchOf(EN_LLM)).toBe(ZH_LLM);
    expect(switchOf(ZH_LLM)).toBe(EN_LLM);
  });

  it("names the pair as hreflang alternates of both pages and in the sitemap", () => {
    expect(hreflang(EN_LLM)).toEqual({ en: `https://example.com${EN_LLM}`, "zh-CN": `https://example.com${ZH_LLM}`, "x-default": `https://example.com${ZH_LLM}` });
    expect(hreflang(ZH_LLM)).toMatchObject({ en: `https://example.com${EN_LLM}`, "zh-CN": `https://example.com${ZH_LLM}` });
    const sitemap = decodeURI(build.page("/sitemap.xml"));
    const entry = sitemap.split("<url>").find((block) => block.includes(`<loc>https://example.com${EN_LLM}</loc>`))!;
    expect(entry).toContain(`hreflang="zh-CN" href="https://example.com${ZH_LLM}"`);
  });

  it("keeps pairing tags of the same URL that the registry does not name", () => {
    expect(switchOf("/en/tags/ai/")).toBe("/zh/tags/ai/");
  });
});

describe("a tag registry with an error", () => {
  it("stops the build, naming the file and line, and writes nothing", () => {
    const content = mkdtempSync(path.join(tmpdir(), "bad-tags-"));
    copyFileSync(path.join(SEEDS_DIR, "004_7a071d55055ae9fc.txt"), path.join(content, "good.md"));
    writeFileSync(path.join(content, "tags.yaml"), "equivalents:\n  大模型: LLM\n  大语言模型: LLM\nsynonyms:\n  en:\n    LLMs: LLM\n    LLM: LLMs\n");
    const bad = runBuild({ CONTENT_DIR: content });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: .*tags\.yaml:3: equivalents: "LLM" already has the Chinese equivalent "大模型" \(line 2\); a tag has one equivalent/m);
    expect(bad.stderr).toMatch(/^error: .*tags\.yaml:7: synonyms\.en: "LLM" is paired with "大模型" under equivalents \(line 2\)/m);
    expect(bad.stderr).toContain("build failed: 2 content problems; nothing was written");
    expect(bad.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(bad.outDir)).toEqual([]);
  });
});

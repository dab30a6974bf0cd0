import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { loadBlog, type ContentPluginOptions } from "../../src/site/plugin.ts";
import { ROOT } from "../helpers/seeds.ts";

/** A copy of the blog's own posts, so edits never touch the repository. */
function contentCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), "watch-"));
  cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
  return root;
}

/** Rewrites a post as an editor's save does: new text, a later modification time. */
function edit(file: string, change: (source: string) => string, tick: number): void {
  writeFileSync(file, change(readFileSync(file, "utf8")));
  const later = new Date(Date.now() + tick * 1000);
  utimesSync(file, later, later);
}

const counts = (blog: ReturnType<typeof loadBlog>) => Object.fromEntries(Object.entries(blog.pages).map(([name, pages]) => [name, pages.length]));

describe("watch mode: which pages an edit rewrites, as the page types say", () => {
  const root = contentCopy();
  const options: ContentPluginOptions = { root, contentDir: "content", config, pathPrefix: "/", now: new Date("2030-01-01"), includeUnpublished: false, incremental: true };
  const daily = path.join(root, "content/zh/daily/2026-02-06-ai-hang-ye-dong-tai.md");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("rewrites only the post's own page (and the feeds that carry it) when an edit changes its body alone", () => {
    const full = loadBlog(options);
    expect(full.pages.homes).toHaveLength(2);
    edit(daily, (source) => `${source}\n\n一段新写的结尾。\n`, 10);
    const partial = loadBlog(options);
    expect(partial.pages.posts.map((page) => page.post.sourcePath)).toEqual(["content/zh/daily/2026-02-06-ai-hang-ye-dong-tai.md"]);
    expect(partial.pages.posts[0]!.html).toContain("一段新写的结尾。");
    const others = Object.entries(counts(partial)).filter(([name]) => name !== "posts" && name !== "feedFiles");
    expect(others.filter(([, n]) => n > 0)).toEqual([]);
    expect(partial.sitemap).toBe(full.sitemap);
  });

  it("rewrites the feeds that carry the edited post, and only those", () => {
    edit(daily, (source) => `${source}\n\n又一段新的结尾。\n`, 15);
    const partial = loadBlog(options);
    const feeds = partial.pages.feedFiles.map((file) => file.url);
    expect(feeds).toEqual(expect.arrayContaining(["/zh/feed.xml", "/zh/rss.xml", "/zh/feed.json", "/zh/daily/feed.xml"]));
    expect(feeds.some((url) => url.startsWith("/en/") || url === "/zh/weekly/feed.xml")).toBe(false);
    for (const file of partial.pages.feedFiles) expect(file.body, file.url).toContain("又一段新的结尾。");
  });

  it("keeps reporting a link that leads nowhere until the post is fixed", () => {
    edit(daily, (source) => `${source}\n\n[别处](./nowhere.md)\n`, 17);
    expect(() => loadBlog(options)).toThrow(/nowhere\.md, which is not a post/);
    expect(() => loadBlog(options)).toThrow(/nowhere\.md, which is not a post/);
    edit(daily, (source) => source.replace("[别处](./nowhere.md)", "别处"), 18);
    expect(loadBlog(options).pages.homes).toHaveLength(2);
  });

  it("rebuilds when an original's body changes, so its translation's page says the original was updated", () => {
    const weekly = path.join(root, "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md");
    edit(weekly, (source) => `${source}\n\n更正：一处数字有误。\n`, 19);
    const blog = loadBlog(options);
    const translation = blog.pages.posts.find((page) => page.post.sourcePath === "content/en/weekly/2026-w06-global-tech-and-ai-news.md");
    expect(translation?.originalUpdated?.url).toBe("/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/");
  });

  it("rebuilds every page when an edit changes what lists show (the title)", () => {
    edit(daily, (source) => source.replace(/^title: .*$/m, "title: 改过的标题"), 20);
    const rebuilt = loadBlog(options);
    expect(rebuilt.pages.homes).toHaveLength(2);
    const home = rebuilt.pages.homes.find((page) => page.lang === "zh")!;
    expect(home.sections.flatMap((section) => section.items.map((item) => item.post.title))).toContain("改过的标题");
  });

  it("rebuilds the topic pages when an edit to a body mentions another entity", () => {
    edit(daily, (source) => `${source}\n\n特斯拉也有消息。\n`, 22);
    const rebuilt = loadBlog(options);
    const tesla = rebuilt.pages.topics.find((page) => page.url === "/zh/topics/tesla/")!;
    expect(tesla.weeks.flatMap((week) => week.posts.map((p) => p.url))).toContain("/zh/daily/2026-02-06-ai-hang-ye-dong-tai/");
  });

  it("reads the registry again when one of its files changes, and reports its errors with file and line", () => {
    const registry = path.join(root, "content/entities/organizations.yaml");
    edit(registry, (source) => `${source}\nyangzi-evening-news:\n  type: organization\n  name: { zh: 扬子晚报, en: Yangtse Evening Post }\n`, 24);
    expect(loadBlog(options).pages.topics.some((page) => page.url === "/zh/topics/yangzi-evening-news/")).toBe(true);
    edit(registry, (source) => `${source}bad:\n  type: company\n  name: Bad\n`, 26);
    expect(() => loadBlog(options)).toThrow(/content\/entities\/organizations\.yaml:\d+: bad\.type: expected one of organization/);
    edit(registry, (source) => source.replace("  type: company\n", "  type: organization\n"), 28);
    expect(loadBlog(options).pages.topics.some((page) => page.url === "/zh/topics/bad/")).toBe(false);
  });

  it("hands Eleventy the same model while nothing changed", () => {
    expect(loadBlog(options)).toBe(loadBlog(options));
  });
});

describe("watch mode: the tag registry", () => {
  const root = contentCopy();
  const options: ContentPluginOptions = { root, contentDir: "content", config, pathPrefix: "/", now: new Date("2030-01-01"), includeUnpublished: false, incremental: true };
  const registry = path.join(root, "content/tags.yaml");
  const zhTagPage = (blog: ReturnType<typeof loadBlog>, url: string) => blog.pages.tags.find((page) => page.url === url);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads content/tags.yaml again when it changes, and reports its errors with file and line until fixed", () => {
    expect(zhTagPage(loadBlog(options), "/zh/tags/ai日报/")?.switchTo.exact).toBe(false);
    // Chinese posts tagged "AI 日报" now become "AI": its page is a redirect.
    edit(registry, (source) => source.replace("  zh: {}", "  zh:\n    AI 日报: AI"), 30);
    const merged = loadBlog(options);
    expect(zhTagPage(merged, "/zh/tags/ai日报/")).toBeUndefined();
    expect(merged.pages.aliases.map((alias) => [alias.url, alias.to])).toContainEqual(["/zh/tags/ai日报/", "/zh/tags/ai/"]);
    edit(registry, (source) => source.replace("    AI 日报: AI", "    AI 日报: AI\n    AI: AI 日报"), 32);
    expect(() => loadBlog(options)).toThrow(/content\/tags\.yaml:\d+: synonyms\.zh: "AI" is paired with "AI" under equivalents/);
    expect(() => loadBlog(options)).toThrow(/content\/tags\.yaml:\d+: synonyms\.zh/);
    edit(registry, (source) => source.replace("    AI 日报: AI\n    AI: AI 日报", "    AI 日报: AI"), 34);
    expect(loadBlog(options).pages.aliases.map((alias) => alias.url)).toContain("/zh/tags/ai日报/");
  });

  it("builds as before when the file is removed", () => {
    rmSync(registry);
    const blog = loadBlog(options);
    expect(zhTagPage(blog, "/zh/tags/ai日报/")).toBeDefined();
    expect(blog.pages.aliases.map((alias) => alias.url)).not.toContain("/zh/tags/ai日报/");
  });
});

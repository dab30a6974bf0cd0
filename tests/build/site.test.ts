import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { loadContent } from "../../src/content/load.ts";
import type { Post } from "../../src/content/schema.ts";
import { urls } from "../../src/collections/urls.ts";
import { seedBuild, type BuildRun } from "../helpers/build.ts";
import { ROOT } from "../helpers/seeds.ts";

// What an editor wrote as a link: explicit URLs, not words that merely look like domains.
const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Headings, list items and links of a post's Markdown source. */
function outline(body: string) {
  const tokens = md.parse(body, {});
  const headings: string[] = [];
  const links: string[] = [];
  let listItems = 0;
  tokens.forEach((token, i) => {
    if (token.type === "heading_open") {
      headings.push((tokens[i + 1]!.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join(""));
    }
    if (token.type === "list_item_open") listItems++;
    for (const child of token.children ?? []) {
      if (child.type === "link_open" && /^https?:/.test(child.attrGet("href") ?? "")) links.push(child.attrGet("href")!);
    }
  });
  return { headings, links, listItems };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => path.join(dir, f));
}

describe("whole-site build of content/", () => {
  let build: BuildRun;
  let posts: Post[];

  beforeAll(() => {
    build = seedBuild();
    posts = loadContent({ root: ROOT, contentDir: "content", timeZone: site.timeZone, authors: site.authors }).posts;
  });

  it("succeeds", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it("leaves the editor's desk to the dev server", () => {
    expect(build.has("/_desk/")).toBe(false);
  });

  it("writes both language homes and a root that offers both", () => {
    expect(build.page("/zh/")).toContain('<html lang="zh-CN">');
    expect(build.page("/en/")).toContain('<html lang="en">');
    const root = build.page("/");
    // A redirect on the same host (the path prefix included), never to the configured production URL.
    expect(root).toContain('content="0; url=/zh/"');
    expect(root).toContain('href="/en/"');
  });

  it("writes one page per post carrying every heading, list item and link of its source", () => {
    expect(posts.length).toBeGreaterThanOrEqual(7);
    for (const post of posts) {
      const html = build.page(urls.post(post));
      const body = html.slice(html.indexOf('<div class="post__body prose">'), html.indexOf("</article>"));
      const { headings, links, listItems } = outline(post.body);
      for (const heading of headings) expect(textOf(body), `${post.sourcePath}: heading ${heading}`).toContain(heading.trim());
      for (const link of links) expect(body, `${post.sourcePath}: link ${link}`).toContain(`href="${escapeHtml(link)}"`);
      expect((body.match(/<li[\s>]/g) ?? []).length, `${post.sourcePath}: list items`).toBeGreaterThanOrEqual(listItems);
    }
  });

  it("shows a title once even when the source repeats it as a first heading or styled line", () => {
    for (const slug of ["/zh/daily/2026-02-06-ai-hang-ye-dong-tai/", "/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu/"]) {
      const html = build.page(slug);
      const text = (fragment: string) => fragment.replace(/<[^>]+>/g, "");
      const title = text(/<h1 class="post__title">(.+?)<\/h1>/.exec(html)![1]!);
      const main = text(html.slice(html.indexOf("<main"), html.indexOf("</main>")));
      expect(main.split(title).length - 1, slug).toBe(1);
    }
  });

  it("formats dates per language", () => {
    expect(build.page("/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/")).toContain(">2026年2月6日</time>");
    expect(build.page("/en/weekly/2026-w06-global-tech-and-ai-news/")).toContain(">Feb 6, 2026</time>");
  });

  it("gives every page a lang attribute and a language switcher", () => {
    for (const file of htmlFiles(build.outDir)) {
      const html = readFileSync(file, "utf8");
      expect(html, file).toMatch(/<html lang="(zh-CN|en)">/);
      const atRoot = path.dirname(file) === build.outDir;
      if (!atRoot) {
        expect(html, file).toContain('class="lang-switch"');
      }
    }
  });

  it("sends the switcher of a translated post to its translation", () => {
    const html = build.page("/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/");
    expect(html).toContain('<a class="lang-switch" href="/en/weekly/2026-w06-global-tech-and-ai-news/"');
  });

  it("ships no script, handler or frame from post content", () => {
    for (const file of htmlFiles(build.outDir)) {
      const html = readFileSync(file, "utf8");
      // Allowed: structured data, and the site's own search scripts by URL.
      const rest = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, "").replace(/<script src="\/(assets|pagefind)\/[\w.-]+\.js" defer><\/script>/g, "");
      expect(rest, file).not.toMatch(/<script|<iframe|\son[a-z]+=|javascript:/i);
    }
  });

  it("shows the cover, summary, tags and authors of a post", () => {
    const html = build.page("/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/");
    expect(html).toContain('src="https://ssl.aicode.cc/n8n/2026/02-05/23-36-00-4KXnMVuY.png"');
    expect(html).toContain('<section class="post__summary"');
    expect(html).toMatch(/class="tag[^"]*"[^>]*>(<a[^>]*>)?AI 日报/);
    expect(build.page("/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/")).toContain("Jeremy");
  });
});

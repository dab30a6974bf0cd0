/** layouts/translation-note.njk, rendered with Eleventy's own Nunjucks and the site's string filters. */
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site as config, type Lang } from "../../src/config.ts";
import { t, tn } from "../../src/i18n/strings.ts";
import { buildSite } from "../../src/site/site.ts";
import { realPosts } from "../helpers/content.ts";
import { ROOT } from "../helpers/seeds.ts";

interface Nunjucks {
  Environment: new (loader: unknown, options: object) => { addFilter(name: string, fn: (...args: never[]) => string): void; render(name: string, context: object): string };
  FileSystemLoader: new (dir: string) => unknown;
}
const nunjucks = createRequire(createRequire(path.join(ROOT, "package.json")).resolve("@11ty/eleventy"))("nunjucks") as Nunjucks;
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(ROOT, "layouts")), { autoescape: true });
env.addFilter("t", (key: string, lang: Lang, vars?: Record<string, string | number>) => t(lang, key, vars));
env.addFilter("tn", (key: string, lang: Lang, n: number) => tn(lang, key, n));

const blog = buildSite(realPosts(), config);
const note = (url: string) => env.render("translation-note.njk", { view: blog.pages.posts.find((p) => p.url === url)! }).trim();

describe("the translation note", () => {
  it("says in English that a Chinese-only post is only in Chinese, linking the English week page", () => {
    expect(note("/zh/daily/2026-02-06-ai-hang-ye-dong-tai/")).toBe(
      '<p class="note translation-note" data-pagefind-ignore lang="en">This post is only in Chinese. <a href="/en/weeks/2026-w06/" hreflang="en">This week in English&nbsp;→</a></p>',
    );
  });

  it("links the English home when English has neither that week nor that kind", () => {
    expect(note("/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao/")).toContain('<a href="/en/" hreflang="en">The English home page&nbsp;→</a>');
  });

  it("says nothing on a translated post", () => {
    expect(note("/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/")).toBe("");
  });

  it("names the kind list in Chinese for an English-only post", () => {
    const page = { ...blog.pages.posts[0]!, post: { ...blog.pages.posts[0]!.post, kind: "daily" }, untranslated: { lang: "zh", url: "/zh/daily/", scope: "kind" } };
    expect(env.render("translation-note.njk", { view: page }).trim()).toBe(
      '<p class="note translation-note" data-pagefind-ignore lang="zh-CN">本文只有英文版。 <a href="/zh/daily/" hreflang="zh-CN">中文日报&nbsp;→</a></p>',
    );
  });

  const EN = "/en/weekly/2026-w06-global-tech-and-ai-news/";
  const ZH = "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/";
  const corrected = () => realPosts().map((p) => (p.lang === "zh" && p.slug === "2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao" ? { ...p, body: `${p.body}\n更正：一处数字有误。\n` } : p));

  it("says on a translation that its original was updated after it, linking the original", () => {
    const stale = buildSite(corrected(), config);
    expect(env.render("translation-note.njk", { view: stale.pages.posts.find((p) => p.url === EN)! }).trim()).toBe(
      `<p class="note translation-note" data-pagefind-ignore>The Chinese original was updated after this translation. <a href="${ZH}" hreflang="zh-CN">Read the original&nbsp;→</a></p>`,
    );
    // The original itself says nothing, and a translation in step says nothing either.
    expect(env.render("translation-note.njk", { view: stale.pages.posts.find((p) => p.url === ZH)! }).trim()).toBe("");
    expect(note(EN)).toBe("");
  });

  it("keeps quiet about updated originals when the setting is off", () => {
    const quiet = buildSite(corrected(), { ...config, noteStaleTranslations: false });
    expect(quiet.pages.posts.find((p) => p.url === EN)!.originalUpdated).toBeUndefined();
  });
});

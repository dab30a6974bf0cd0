import { describe, expect, it } from "vitest";
import { imageProblem, resolvePostLink, weekInLink, type LinkTargets } from "../../src/collections/links.ts";
import { byNewest } from "../../src/collections/context.ts";
import { groupByWeek } from "../../src/collections/weeks.ts";
import { post, realPosts } from "../helpers/content.ts";

describe("weekInLink", () => {
  it.each([
    ["../weekly_news/ai_news_2026-W06", "2026-W06"],
    ["../weekly_news/news_2026_06", "2026-W06"],
    ["/weekly/2026w6.html", "2026-W06"],
    ["../daily/2026-02-06", null],
    ["../weekly_news/news_2026_54", null],
  ])("%s → %s", (href, week) => {
    expect(weekInLink(href)).toBe(week);
  });
});

describe("resolvePostLink", () => {
  const posts = realPosts().sort(byNewest);
  const targets: LinkTargets = {
    weeks: groupByWeek(posts),
    postBySource: new Map(posts.map((p) => [p.sourcePath, `/${p.lang}/${p.kind}/${p.slug}/`])),
    aliases: new Map([["/old/path/", "/zh/daily/x/"]]),
  };
  const zhDaily = posts.find((p) => p.lang === "zh" && p.kind === "daily")!;

  it("sends a legacy week link with English text to that week's English digest", () => {
    expect(resolvePostLink("../weekly_news/ai_news_2026-W06", "AI Weekly Digest — 2026-W06", zhDaily, targets)).toEqual({
      href: "/en/weekly/2026-w06-global-tech-and-ai-news/",
    });
  });

  it("sends a legacy week link with Chinese text to the Chinese digest", () => {
    expect(resolvePostLink("../weekly_news/news_2026_06", "第六周周报", zhDaily, targets)).toEqual({
      href: "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/",
    });
  });

  it("falls back to the week hub when the week has no digest", () => {
    expect(resolvePostLink("../weekly_news/ai_news_2026-W07", "W07", zhDaily, targets)).toEqual({ href: "/zh/weeks/2026-w07/" });
  });

  it("reports a week without posts, and a relative link to nowhere", () => {
    expect(resolvePostLink("../weekly_news/ai_news_2025-W01", "old", zhDaily, targets)).toMatchObject({ error: expect.stringContaining("2025-W01") });
    expect(resolvePostLink("../nowhere/page", "x", zhDaily, targets)).toMatchObject({ error: expect.stringContaining("leads to no page") });
  });

  it("follows relative .md links and aliases, and leaves external links and fragments alone", () => {
    const from = post("zh/weekly/w.md", "---\ntitle: w\ndate: 2026-02-06\n---\nx\n");
    expect(resolvePostLink("../daily/2026-02-06-ai-hang-ye-dong-tai.md#x", "x", from, targets)).toEqual({ href: "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/#x" });
    expect(resolvePostLink("/old/path", "x", from, targets)).toEqual({ href: "/zh/daily/x/" });
    expect(resolvePostLink("https://example.org/", "x", from, targets)).toBeUndefined();
    expect(resolvePostLink("#section", "x", from, targets)).toBeUndefined();
    expect(resolvePostLink("mailto:a@b.c", "x", from, targets)).toBeUndefined();
  });
});

describe("imageProblem", () => {
  const posts = realPosts().sort(byNewest);
  const zhDaily = posts.find((p) => p.lang === "zh" && p.kind === "daily")!;
  const targets: LinkTargets = {
    weeks: groupByWeek(posts),
    postBySource: new Map(),
    aliases: new Map(),
    files: new Set(["/assets/share.png", "/media/launch/chart 1.png"]),
  };

  it("accepts a published file by its path from the root or from the page, and any web address", () => {
    for (const src of ["/assets/share.png", "../../../assets/share.png", "/media/launch/chart%201.png", "https://example.org/a.png", "#top"]) {
      expect(imageProblem(src, zhDaily, targets)).toBeUndefined();
    }
  });

  it("names what would load and where to put the file for a pasted post's local image", () => {
    expect(imageProblem("./salty_egg.jpg", zhDaily, targets)).toBe(
      `"./salty_egg.jpg": the path is relative to the page, so it would load /zh/daily/${zhDaily.slug}/salty_egg.jpg, and no file is published there; ` +
        `put the file in the content folder's media/ (published at /media/) or in assets/, and write its path from the site's root, such as /media/${zhDaily.slug}/salty_egg.jpg; npm run import copies a pasted post's images for you`,
    );
    expect(imageProblem("/img/bg.jpg", zhDaily, targets)).toMatch(/^"\/img\/bg\.jpg": no file is published at \/img\/bg\.jpg; /);
  });

  it("checks nothing when the build did not say which files it publishes", () => {
    expect(imageProblem("./salty_egg.jpg", zhDaily, { ...targets, files: undefined })).toBeUndefined();
  });
});

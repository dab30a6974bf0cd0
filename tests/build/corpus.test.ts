import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusSummary } from "../../scripts/corpus.ts";
import { runBuild, type BuildRun } from "../helpers/build.ts";

/** 600 generated posts (half a year of the blog): checks the pages and links produced, not the time taken. */
describe("a generated corpus of 600 posts", () => {
  let build: BuildRun;
  let corpus: CorpusSummary;
  beforeAll(() => {
    const content = mkdtempSync(path.join(tmpdir(), "corpus-"));
    corpus = generateCorpus(content, { posts: 600, start: "2024-01-01" });
    // Drawing 1,000 share images would take this build a minute or two on two cores; they are
    // tested on the blog's own posts, and drawn at scale by npm run bench.
    build = runBuild({ CONTENT_DIR: content, SHARE_IMAGES: "0" });
  }, 300_000);

  const count = (dir: string) =>
    readdirSync(path.join(build.outDir, dir), { withFileTypes: true }).filter((f) => f.isDirectory() && f.name !== "page").length;

  it("builds with no broken link", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("content: 600 posts");
    expect(build.stdout).toContain("none broken");
  });

  it("writes a page per post and a hub per week and language", () => {
    const posts = ["zh", "en"].flatMap((lang) => ["weekly", "daily", "deep-dive"].map((kind) => count(`${lang}/${kind}`)));
    expect(posts.reduce((a, b) => a + b)).toBe(corpus.posts);
    expect(count("zh/weeks")).toBe(corpus.weeks);
    expect(count("en/weeks")).toBeGreaterThanOrEqual(corpus.weeks - 1);
  });

  it("links each weekly digest to the seven daily briefs of its week", () => {
    const html = build.page("/zh/weekly/2024-w10/");
    const dailies = html.slice(html.indexOf('class="week-links"')).match(/href="\/zh\/daily\/2024-03-\d\d\/"/g) ?? [];
    expect(new Set(dailies).size).toBe(7);
    expect(build.page("/zh/daily/2024-03-06/")).toContain('href="/zh/weekly/2024-w10/"');
  });

  it("paginates every tag and lists all 40 tags in the indexes", () => {
    const zhTags = build.page("/zh/tags/").match(/rel="tag"/g) ?? [];
    const enTags = build.page("/en/tags/").match(/rel="tag"/g) ?? [];
    expect(zhTags.length).toBe(40);
    expect(enTags.length).toBe(40);
    expect(build.has("/zh/tags/大模型/page/2/")).toBe(true);
    expect(build.has("/en/tags/c-plus-plus/")).toBe(true);
  });
});

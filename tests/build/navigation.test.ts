import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuild, seedBuild, type BuildRun } from "../helpers/build.ts";
import { SEEDS_DIR } from "../helpers/seeds.ts";

const pagesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("index.html")).map((f) => `/${f.replace(/index\.html$/, "")}`);

describe("navigation in the built site", () => {
  let build: BuildRun;
  beforeAll(() => {
    build = seedBuild();
  });

  it("reports zero broken internal links", () => {
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/links: \d+ internal links on \d+ pages, none broken/);
  });

  it("gives every page hreflang alternates and x-default", () => {
    for (const url of pagesOf(build.outDir)) {
      const html = build.page(url);
      if (/http-equiv="refresh"/.test(html) && url !== "/") continue;
      expect(html, url).toMatch(/<link rel="alternate" hreflang="(zh-CN|en)" href="https:\/\/example\.com\//);
      expect(html, url).toMatch(/<link rel="alternate" hreflang="x-default" href="https:\/\/example\.com\//);
    }
  });

  it("has a week hub per language and week, an archive, a tag index and tag pages", () => {
    for (const url of ["/zh/weeks/2026-w06/", "/zh/weeks/2026-w07/", "/en/weeks/2026-w06/", "/zh/archive/", "/en/archive/", "/zh/tags/", "/zh/tags/ai日报/", "/zh/authors/jeremy/"]) {
      expect(build.has(url), url).toBe(true);
    }
  });

  it("lets every seed page switch language onto a page that exists, with the note when there is no translation", () => {
    const seeds = pagesOf(build.outDir).filter((u) => /^\/zh\/(weekly|daily|deep-dive)\/.+/.test(u));
    expect(seeds).toHaveLength(5);
    for (const url of seeds) {
      const href = /<a class="lang-switch" href="([^"]+)"/.exec(build.page(url))![1]!;
      const [target, fragment] = href.split("#");
      const html = build.page(target!);
      expect(html, `${url} → ${href}`).toContain('<html lang="en">');
      if (fragment) expect(html).toContain(`id="${fragment}" class="note note--target"`);
    }
  });

  it("points English lists and week pages to the Chinese posts they lack, instead of an empty box", () => {
    const pointer = (url: string) => [...build.page(url).matchAll(/<p class="pointer"><a href="([^"]+)" hreflang="zh-CN">([^<]+)<\/a><\/p>/g)].map((m) => [m[1], m[2]]);
    expect(pointer("/en/")).toEqual([
      ["/zh/daily/", "2 daily briefs in Chinese&nbsp;→"],
      ["/zh/deep-dive/", "1 deep dive in Chinese&nbsp;→"],
    ]);
    expect(pointer("/en/weeks/2026-w06/")).toEqual([["/zh/weeks/2026-w06/", "2 daily briefs this week in Chinese&nbsp;→"]]);
    expect(pointer("/en/daily/")).toEqual([["/zh/daily/", "2 daily briefs in Chinese&nbsp;→"]]);
    for (const url of ["/en/", "/en/daily/", "/en/deep-dive/", "/en/weeks/2026-w06/", "/en/archive/"]) expect(build.page(url), url).not.toContain('class="empty"');
  });

  it("resolves the seeds' legacy week links to the W06 digest", () => {
    const html = build.page("/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu/");
    expect(html).toContain('<a href="/en/weekly/2026-w06-global-tech-and-ai-news/">AI Weekly Digest — 2026-W06</a>');
    expect(html).not.toContain("weekly_news");
  });
});

describe("the link check catches what would ship broken", () => {
  it("fails the build on a relative link that leads nowhere, naming file and line", () => {
    const content = mkdtempSync(path.join(tmpdir(), "dead-"));
    copyFileSync(path.join(SEEDS_DIR, "004_7a071d55055ae9fc.txt"), path.join(content, "deep.md"));
    writeFileSync(path.join(content, "dead.md"), "---\ntitle: Dead link\ndate: 2026-02-11\nlang: en\n---\nIntro.\n\nSee [old page](../archive/old-page).\n");
    const build = runBuild({ CONTENT_DIR: content });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/^error: .*dead\.md:8: link: "\.\.\/archive\/old-page" leads to no page/m);
  });

  // One build holds both kinds of dead link the post-build check must catch: every broken link is reported at once.
  let deadLinks: BuildRun;
  const deadLinksBuild = () => {
    if (!deadLinks) {
      const content = mkdtempSync(path.join(tmpdir(), "dead-"));
      writeFileSync(path.join(content, "dead.md"), "---\ntitle: Dead link\ndate: 2026-02-11\nlang: en\n---\nSee [missing](/en/daily/missing/#top).\n");
      writeFileSync(path.join(content, "a.md"), "---\ntitle: A\ndate: 2026-02-11\nlang: en\nslug: a\n---\n## Real heading\n\nSee [below](#not-a-heading).\n");
      deadLinks = runBuild({ CONTENT_DIR: content });
    }
    return deadLinks;
  };

  it("fails the build on a site link to a page that does not exist", () => {
    const build = deadLinksBuild();
    expect(build.code).toBe(1);
    expect(build.stderr).toContain("error: broken link: /en/daily/2026-02-11-dead-link/: link /en/daily/missing/#top lands on no page");
    expect(build.stderr).toContain("build failed: 2 broken internal links");
  });

  it("writes an old URL's redirect page at exactly that path, quotes and ampersands included", () => {
    const content = mkdtempSync(path.join(tmpdir(), "alias-"));
    writeFileSync(path.join(content, "a.md"), `---\ntitle: A\ndate: 2026-02-11\nlang: en\nslug: a\naliases: ["/old/it's&more/", /weekly_news/ai_news_2026-W07.html]\n---\nText.\n`);
    const build = runBuild({ CONTENT_DIR: content });
    expect(build.code).toBe(0);
    expect(build.page("/old/it's&more/")).toContain('content="0; url=/en/daily/a/"');
    expect(build.page("/weekly_news/ai_news_2026-W07.html")).toContain('<a href="/en/daily/a/">A</a>');
  });

  it("fails the build on a fragment with no matching heading", () => {
    const build = deadLinksBuild();
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('link #not-a-heading has no element with id "not-a-heading"');
    // The link to a heading that exists is not reported, and nothing of the failed build was published.
    expect(build.stderr).not.toContain("real-heading");
    expect(readdirSync(build.outDir)).toEqual([]);
  });
});

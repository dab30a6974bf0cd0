import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";

const blog = buildSite(realPosts(), config);
const page = (url: string) => blog.pages.posts.find((p) => p.url === url)!;

const W06_ZH_A = "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/";
const W06_ZH_B = "/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu/";
const DAILY_A = "/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/";
const DAILY_B = "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/";
const DEEP = "/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao/";

describe("cross-links between a week's digest and its briefs", () => {
  it("lists both 2026-02-06 daily briefs on each W06 digest", () => {
    for (const url of [W06_ZH_A, W06_ZH_B]) {
      expect(page(url).weekDailies.map((l) => l.url).sort()).toEqual([DAILY_A, DAILY_B].sort());
    }
  });

  it("links each brief back to the W06 digests", () => {
    expect(page(DAILY_A).weekDigests.map((l) => l.url)).toEqual([W06_ZH_A, W06_ZH_B]);
  });

  it("puts the 2026-02-10 deep dive in W07, whose hub it links since W07 has no digest", () => {
    expect(page(DEEP).weekDigests).toEqual([]);
    expect(page(DEEP).weekHub).toBe("/zh/weeks/2026-w07/");
    const hub = blog.pages.weeks.find((w) => w.url === "/zh/weeks/2026-w07/")!;
    expect(hub.deepDives.map((p) => p.url)).toEqual([DEEP]);
    expect(hub.prevWeek).toBe("/zh/weeks/2026-w06/");
    expect(hub.nextWeek).toBeUndefined();
  });

  it("keeps previous/next inside one language and kind", () => {
    expect(page(W06_ZH_A).prev).toEqual({ url: W06_ZH_B, title: "2026年W06人工智能周报：多维升级驱动AI生态加速演进" });
    expect(page(W06_ZH_B).next?.url).toBe(W06_ZH_A);
    expect(page(DEEP).prev).toBeUndefined();
    for (const p of blog.pages.posts) {
      for (const neighbour of [p.prev, p.next].filter(Boolean)) {
        expect(neighbour!.url.startsWith(`/${p.lang}/${p.post.kind}/`)).toBe(true);
      }
    }
  });
});

describe("translations and the language switcher", () => {
  it("pairs the W06 digests with their English editions by translationKey", () => {
    expect(page(W06_ZH_A).alternates).toEqual({ zh: W06_ZH_A, en: "/en/weekly/2026-w06-global-tech-and-ai-news/" });
    expect(page(W06_ZH_A).switchTo).toEqual({ lang: "en", url: "/en/weekly/2026-w06-global-tech-and-ai-news/", exact: true });
  });

  it("sends an untranslated post to the other language's week hub with a note", () => {
    expect(page(DAILY_A).switchTo).toEqual({ lang: "en", url: "/en/weeks/2026-w06/#only-in-zh", exact: false });
    expect(page(DAILY_A).alternates).toEqual({ zh: DAILY_A });
  });

  it("falls back to the other language's kind list when that week has nothing in it", () => {
    expect(page(DEEP).switchTo.url).toBe("/en/deep-dive/#only-in-zh");
  });

  it("pairs posts by the same path under zh/ and en/", () => {
    const zh = post("zh/daily/same.md", "---\ntitle: 中文\ndate: 2026-03-02\n---\nx\n");
    const en = post("en/daily/same.md", "---\ntitle: English\ndate: 2026-03-02\n---\nx\n");
    const built = buildSite([zh, en], config);
    expect(built.pages.posts.find((p) => p.lang === "zh")!.switchTo).toMatchObject({ exact: true, url: "/en/daily/2026-03-02-english/" });
  });
});

describe("tags, authors, archive and aliases", () => {
  it("makes author pages for Jeremy, not tag pages", () => {
    expect(blog.pages.authors.map((a) => a.url).sort()).toEqual(["/en/authors/jeremy/", "/zh/authors/jeremy/"]);
    expect(blog.pages.tags.some((t) => t.tag.name === "Jeremy")).toBe(false);
  });

  it("sorts the tag index by count and paginates tag pages by 20", () => {
    const posts = Array.from({ length: 45 }, (_, i) => post(`en/daily/p${i}.md`, `---\ntitle: P${i}\ndate: 2026-01-${String((i % 28) + 1).padStart(2, "0")}\nslug: p${i}\ntags: [${i < 3 ? "Rare, " : ""}Common]\n---\nx\n`));
    const built = buildSite(posts, config);
    expect(built.pages.tagIndexes.find((t) => t.lang === "en")!.tags.map((t) => [t.name, t.count])).toEqual([["Common", 45], ["Rare", 3]]);
    expect(built.pages.tags.filter((t) => t.tag.slug === "common").map((t) => [t.url, t.items.length])).toEqual([
      ["/en/tags/common/", 20],
      ["/en/tags/common/page/2/", 20],
      ["/en/tags/common/page/3/", 5],
    ]);
  });

  it("groups the archive by year and week, newest first", () => {
    const zh = blog.pages.archives.find((a) => a.lang === "zh")!;
    expect(zh.years.map((y) => [y.year, y.weeks.map((w) => w.week)])).toEqual([["2026", ["2026-W07", "2026-W06"]]]);
    expect(zh.years[0]!.weeks[1]!.counts).toEqual({ weekly: 2, daily: 2, "deep-dive": 0 });
  });

  it("makes redirect pages for aliases and refuses an alias that is taken", () => {
    const a = post("en/daily/a.md", "---\ntitle: A\ndate: 2026-03-02\naliases: [/old/a/, /weekly_news/x.html]\n---\nx\n");
    const b = post("en/daily/b.md", "---\ntitle: B\ndate: 2026-03-03\naliases: [/old/a/]\n---\nx\n");
    const built = buildSite([a, b], config);
    expect(built.pages.aliases.map((x) => [x.url, x.to])).toEqual([
      ["/old/a/", "/en/daily/2026-03-02-a/"],
      ["/weekly_news/x.html", "/en/daily/2026-03-02-a/"],
    ]);
    expect(built.problems.map((p) => p.message)).toEqual(["/old/a/ already leads to /en/daily/2026-03-02-a/; an old URL can lead to one page only"]);
  });

  it("keeps quotes and ampersands of an old URL as they are", () => {
    const a = post("en/daily/a.md", `---\ntitle: A\ndate: 2026-03-02\naliases: ["/old/it's&more/"]\n---\nx\n`);
    expect(buildSite([a], config).pages.aliases.map((x) => x.url)).toEqual(["/old/it's&more/"]);
  });

  it("reports a relative link that leads nowhere with its file and line", () => {
    const bad = post("en/daily/bad.md", "---\ntitle: Bad\ndate: 2026-03-02\n---\nIntro.\n\n- see [this](../nowhere/page)\n");
    const built = buildSite([bad], config);
    expect(built.problems).toEqual([
      expect.objectContaining({ file: "content/en/daily/bad.md", line: 7, field: "link", message: expect.stringContaining('"../nowhere/page" leads to no page') }),
    ]);
  });
});

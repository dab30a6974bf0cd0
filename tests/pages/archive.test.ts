import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";

const blog = buildSite(realPosts(), config);

describe("the archive", () => {
  it("groups the archive by year and week, newest first", () => {
    const zh = blog.pages.archives.find((a) => a.lang === "zh")!;
    expect(zh.years.map((y) => [y.year, y.weeks.map((w) => w.week)])).toEqual([["2026", ["2026-W07", "2026-W06"]]]);
    expect(zh.years[0]!.weeks.map((w) => w.url)).toEqual(["/zh/weeks/2026-w07/", "/zh/weeks/2026-w06/"]);
  });

  it("lists every post under its week with its day, kind and title, newest first", () => {
    const zh = blog.pages.archives.find((a) => a.lang === "zh")!;
    const w06 = zh.years[0]!.weeks[1]!;
    expect(w06.posts.map((p) => [p.day, p.kind])).toEqual([
      ["2026-02-06", "daily"],
      ["2026-02-06", "daily"],
      ["2026-02-06", "weekly"],
      ["2026-02-05", "weekly"],
    ]);
    expect(w06.posts[0]).toEqual({ url: "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/", title: "AI 行业动态 (2026-02-06)", kind: "daily", day: "2026-02-06" });
    for (const archive of blog.pages.archives) {
      const listed = archive.years.flatMap((y) => y.weeks.flatMap((w) => w.posts.map((p) => p.url))).sort();
      expect(listed).toEqual(blog.pages.posts.filter((p) => p.lang === archive.lang).map((p) => p.url).sort());
    }
  });

  it("puts a digest under the week it covers, not the week it was published in", () => {
    const digest = post("en/weekly/w05.md", "---\ntitle: Week 5\ndate: 2026-02-03\nweek: 2026-W05\nslug: w05\n---\nx\n");
    const daily = post("en/daily/d.md", "---\ntitle: Brief\ndate: 2026-02-03\nslug: d\n---\nx\n");
    const [archive] = buildSite([digest, daily], config).pages.archives.filter((a) => a.lang === "en");
    expect(archive!.years[0]!.weeks.map((w) => [w.week, w.posts.map((p) => p.url)])).toEqual([
      ["2026-W06", ["/en/daily/d/"]],
      ["2026-W05", ["/en/weekly/w05/"]],
    ]);
  });

  it("switches to the other language's home when that language has no posts", () => {
    const only = post("en/daily/d.md", "---\ntitle: Brief\ndate: 2026-02-03\nslug: d\n---\nx\n");
    const archives = buildSite([only], config).pages.archives;
    expect(archives.find((a) => a.lang === "en")!.switchTo).toEqual({ lang: "zh", url: "/zh/#only-in-en", exact: false });
    expect(archives.find((a) => a.lang === "zh")!.switchTo).toEqual({ lang: "en", url: "/en/archive/", exact: true });
  });
});

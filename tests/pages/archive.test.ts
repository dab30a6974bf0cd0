import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { realPosts } from "../helpers/content.ts";

const blog = buildSite(realPosts(), config);

describe("the archive", () => {
  it("groups the archive by year and week, newest first", () => {
    const zh = blog.pages.archives.find((a) => a.lang === "zh")!;
    expect(zh.years.map((y) => [y.year, y.weeks.map((w) => w.week)])).toEqual([["2026", ["2026-W07", "2026-W06"]]]);
    expect(zh.years[0]!.weeks[1]!.counts).toEqual({ weekly: 2, daily: 2, "deep-dive": 0 });
  });
});

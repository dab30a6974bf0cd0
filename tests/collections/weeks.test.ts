import { describe, expect, it } from "vitest";
import { byNewest } from "../../src/collections/context.ts";
import { groupByWeek, weeksOf } from "../../src/collections/weeks.ts";
import { post, realPosts } from "../helpers/content.ts";

describe("groupByWeek", () => {
  it("puts the seeds in their ISO weeks", () => {
    const weeks = groupByWeek(realPosts().sort(byNewest));
    const w06 = weeks.zh.get("2026-W06")!;
    expect(w06.digests.map((p) => p.day)).toEqual(["2026-02-06", "2026-02-05"]);
    expect(w06.dailies.map((p) => p.day)).toEqual(["2026-02-06", "2026-02-06"]);
    const w07 = weeks.zh.get("2026-W07")!;
    expect(w07.deepDives.map((p) => p.title)).toEqual(["AI 技术深度日报（2026-02-10）"]);
    expect(w07.digests).toEqual([]);
    expect(weeksOf(weeks, "zh")).toEqual(["2026-W06", "2026-W07"]);
    expect(weeksOf(weeks, "en")).toEqual(["2026-W06"]);
  });

  it("files a digest under the week it covers, not the week it was published", () => {
    const digest = post("en/weekly/late.md", "---\ntitle: Late digest\ndate: 2026-02-09\nweek: 2026-W06\n---\nText.\n");
    const weeks = groupByWeek([digest]);
    expect(weeks.en.get("2026-W06")?.digests).toHaveLength(1);
    expect(weeks.en.has("2026-W07")).toBe(false);
  });

  it("orders a week's dailies Monday first", () => {
    const a = post("en/daily/a.md", "---\ntitle: Mon\ndate: 2026-02-02\n---\nx\n");
    const b = post("en/daily/b.md", "---\ntitle: Wed\ndate: 2026-02-04\n---\nx\n");
    const weeks = groupByWeek([b, a]);
    expect(weeks.en.get("2026-W06")!.dailies.map((p) => p.title)).toEqual(["Mon", "Wed"]);
  });
});

import { describe, expect, it } from "vitest";
import { groupBySeries, seriesFindings, seriesSlug } from "../../src/collections/series.ts";
import type { Post } from "../../src/content/schema.ts";
import { post } from "../helpers/content.ts";

const part = (name: string, date: string, series: string, partLine = "", lang = "zh", kind = "deep-dive"): Post =>
  post(`${lang}/${kind}/${name}.md`, `---\ntitle: ${name}\ndate: ${date}\nseries: ${series}\n${partLine}---\nx\n`);

const order = (posts: Post[]) => [...groupBySeries(posts).groups.zh.values()].map((g) => [g.name, g.numbered, g.posts.map((p) => p.title)]);

describe("series", () => {
  it("orders a series by part number, across kinds, whatever the dates", () => {
    const posts = [part("c", "2026-03-01", "智能体的一年", "part: 3\n", "zh", "daily"), part("a", "2026-03-05", "智能体的一年", "part: 1\n"), part("b", "2026-03-03", "智能体的一年", "part: 2\n")];
    expect(order(posts)).toEqual([["智能体的一年", true, ["a", "b", "c"]]]);
  });

  it("orders by date, oldest first, when a part has no number, and warns about the unnumbered post", () => {
    const posts = [part("second", "2026-03-05", "S", "part: 1\n"), part("first", "2026-03-01", "S")];
    expect(order(posts)).toEqual([["S", false, ["first", "second"]]]);
    expect(seriesFindings(groupBySeries(posts).groups)).toEqual([
      { file: "content/zh/deep-dive/first.md", line: 4, message: 'has no part number while other posts of series "S" (zh) do; the series is ordered by date until every post has one' },
    ]);
  });

  it("merges names that differ only in case or spacing, and keeps each language apart", () => {
    const posts = [part("a", "2026-03-01", "A Year of Agents", "", "en"), part("b", "2026-03-02", "a year of  agents", "", "en"), part("c", "2026-03-02", "A Year of Agents")];
    const { groups } = groupBySeries(posts);
    expect([...groups.en.values()].map((g) => [g.slug, g.posts.length])).toEqual([["a-year-of-agents", 2]]);
    expect([...groups.zh.values()].map((g) => g.posts.length)).toEqual([1]);
  });

  it("gives readable slugs and reports two series that would share one", () => {
    expect(["智能体的一年", "A Year of Agents", "C++ in practice"].map(seriesSlug)).toEqual(["智能体的一年", "a-year-of-agents", "c-plus-plus-in-practice"]);
    const { problems } = groupBySeries([part("a", "2026-03-01", "AI/ML"), part("b", "2026-03-02", "AI.ML")]);
    expect(problems).toEqual([{ file: "content/zh/deep-dive/b.md", line: 4, field: "series", message: 'series "AI.ML" would share the URL of series "AI/ML" (content/zh/deep-dive/a.md); rename one of them' }]);
  });

  it("warns about a duplicate part, naming both files, and a missing part", () => {
    const posts = [part("a", "2026-03-01", "S", "part: 1\n"), part("b", "2026-03-02", "S", "part: 3\n"), part("c", "2026-03-03", "S", "part: 3\n")];
    expect(seriesFindings(groupBySeries(posts).groups).map((f) => `${f.file}: ${f.message}`)).toEqual([
      'content/zh/deep-dive/b.md: part 3 of series "S" (zh) is also part 3 of content/zh/deep-dive/c.md; give each post its own part number',
      'content/zh/deep-dive/c.md: part 3 of series "S" (zh) is also part 3 of content/zh/deep-dive/b.md; give each post its own part number',
      'content/zh/deep-dive/c.md: series "S" (zh) has no part 2 (parts go up to 3); number the parts 1, 2, 3… or add the missing one',
    ]);
  });

  it("warns about a part that is not a whole number and orders that series by date, never failing", () => {
    const posts = [part("b", "2026-03-02", "S", "part: 1\n"), part("a", "2026-03-01", "S", "part: zwei\n")];
    expect(order(posts)).toEqual([["S", false, ["a", "b"]]]);
    expect(seriesFindings(groupBySeries(posts).groups).map((f) => f.message)).toEqual(['part "zwei" of series "S" (zh) is not a whole number from 1; the series is ordered by date']);
  });

  it("says nothing about a series numbered 1, 2, 3", () => {
    const posts = [1, 2, 3].map((n) => part(`p${n}`, `2026-03-0${n}`, "S", `part: ${n}\n`));
    expect(seriesFindings(groupBySeries(posts).groups)).toEqual([]);
  });
});

describe("series part numbers far apart", () => {
  it("names the gaps as ranges, whatever the numbers, without counting them one by one", () => {
    const posts = [part("a", "2026-03-01", "S", "part: 1\n"), part("b", "2026-03-02", "S", "part: 4\n"), part("c", "2026-03-03", "S", "part: 99999999999\n")];
    expect(seriesFindings(groupBySeries(posts).groups).map((f) => f.message)).toEqual([
      'series "S" (zh) has no part 2–3, 5–99999999998 (parts go up to 99999999999); number the parts 1, 2, 3… or add the missing one',
    ]);
  });
});

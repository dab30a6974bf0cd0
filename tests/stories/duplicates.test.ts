import { describe, expect, it } from "vitest";
import { repeatedSources, type CitingItem } from "../../src/stories/duplicates.ts";

const at = (file: string, date: string, kind = "daily", lang = "zh") => ({ kind, lang, sourcePath: file, date: new Date(`${date}T00:00:00+08:00`) });
const item = (p: CitingItem["post"], line: number, headline: string, sources: string[]): CitingItem => ({ post: p, line, headline, sources });

describe("a brief repeating a source an earlier brief cites", () => {
  const monday = at("content/zh/daily/2026-02-02-a.md", "2026-02-02");
  const tuesday = at("content/zh/daily/2026-02-03-b.md", "2026-02-03");
  const digest = at("content/zh/weekly/2026-w06.md", "2026-02-06", "weekly");

  it("names the later item, and the file and line of the one it repeats", () => {
    const problems = repeatedSources([
      item(tuesday, 30, "GPT-5 又发布", ["openai.com/gpt-5"]),
      item(monday, 12, "GPT-5 发布", ["openai.com/gpt-5"]),
      item(monday, 20, "别的新闻", ["example.org/other"]),
    ]);
    expect(problems).toEqual([
      {
        file: "content/zh/daily/2026-02-03-b.md",
        line: 30,
        field: "source",
        message: '"GPT-5 又发布" cites openai.com/gpt-5, which content/zh/daily/2026-02-02-a.md:12 ("GPT-5 发布") already cites; it may be the same news twice',
      },
    ]);
  });

  it("finds a repeat inside one brief too, and says nothing of digests, which repeat briefs by design", () => {
    const problems = repeatedSources([
      item(monday, 12, "甲", ["x.com/1"]),
      item(monday, 40, "乙", ["x.com/1"]),
      item(digest, 8, "丙", ["x.com/1"]),
    ]);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(["content/zh/daily/2026-02-02-a.md:40"]);
  });

  it("says nothing of a translation, which cites its source's pages by design", () => {
    const english = at("content/en/daily/2026-02-02-a.md", "2026-02-02", "daily", "en");
    expect(repeatedSources([item(monday, 12, "甲", ["x.com/1"]), item(english, 12, "A", ["x.com/1"])])).toEqual([]);
  });
});

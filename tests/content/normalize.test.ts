import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import { ROOT, seedPost } from "../helpers/seeds.ts";

const options = (sourcePath: string, contentPath = path.basename(sourcePath)) => ({
  sourcePath,
  contentPath,
  timeZone: site.timeZone,
  authors: site.authors,
});

describe("the five seeds normalize into typed posts", () => {
  it("000: YAML weekly digest, author taken out of the tags", () => {
    const post = seedPost("000_4a22c26ea4b086c8.txt");
    expect(post).toMatchObject({
      title: "2026年2月第一周全球科技与AI新闻周报",
      kind: "weekly",
      lang: "zh",
      day: "2026-02-06",
      week: "2026-W06",
      tags: ["AI"],
      authors: ["Jeremy"],
      draft: false,
    });
    expect(post.scheduled?.toISOString()).toBe("2026-02-05T16:00:00.000Z");
    expect(post.summary).toMatch(/^本周科技与AI领域动态丰富/);
    expect(post.inferred.map((i) => i.field)).toEqual(expect.arrayContaining(["kind", "lang", "summary", "authors", "slug"]));
  });

  it("001: the title repeated as the first heading is removed from the body", () => {
    const post = seedPost("001_499a015d90eb3986.txt");
    expect(post).toMatchObject({ kind: "weekly", lang: "zh", day: "2026-02-05", week: "2026-W06" });
    expect(post.body).not.toContain("# 2026年W06人工智能周报");
    expect(post.body.trimStart()).toMatch(/^本周AI领域的报道/);
  });

  it("002: legacy category, seo, coverImage and a Markdown summary", () => {
    const post = seedPost("002_0eb3deca79351a5b.txt");
    expect(post).toMatchObject({
      title: "AI架构突破与软件股震荡",
      kind: "daily",
      lang: "zh",
      day: "2026-02-06",
      tags: ["AI", "AI 日报"],
      cover: { src: "https://ssl.aicode.cc/n8n/2026/02-05/23-36-00-4KXnMVuY.png", alt: "AI架构突破与软件股震荡" },
    });
    expect(post.keywords).toContain("Anthropic Claude");
    expect(post.summary.split("\n")).toHaveLength(11);
    expect(post.description).not.toContain("\n");
    expect(post.description).not.toMatch(/^- /);
  });

  it("003: no front matter; title from the styled line, date from the title", () => {
    const post = seedPost("003_f33812095faee13b.txt");
    expect(post).toMatchObject({ title: "AI 行业动态 (2026-02-06)", kind: "daily", lang: "zh", day: "2026-02-06", week: "2026-W06" });
    expect(post.body).not.toContain("<span");
    expect(post.inferred).toEqual(
      expect.arrayContaining([
        { field: "title", value: "AI 行业动态 (2026-02-06)", from: "the first line of the body" },
        { field: "date", value: "2026-02-06", from: "the title" },
      ]),
    );
    // A brief's summary is its first headlines, never the start of an item ending in "要点：".
    expect(post.summary).toBe("江苏省拟立法促进人工智能产业发展；工信部发布开源AI智能体安全风险预警；国内基础大模型密集发布新技术");
    expect(post.description).toBe(post.summary);
  });

  it("004: TOML deep dive with a UTC instant shown as the Shanghai day", () => {
    const post = seedPost("004_7a071d55055ae9fc.txt");
    expect(post).toMatchObject({ title: "AI 技术深度日报（2026-02-10）", kind: "deep-dive", lang: "zh", day: "2026-02-10", week: "2026-W07" });
    expect(post.date.toISOString()).toBe("2026-02-10T05:11:00.000Z");
  });

  it("gives every seed a distinct ASCII slug", () => {
    const slugs = ["000_4a22c26ea4b086c8.txt", "001_499a015d90eb3986.txt", "002_0eb3deca79351a5b.txt", "003_f33812095faee13b.txt", "004_7a071d55055ae9fc.txt"].map(
      (n) => seedPost(n).slug,
    );
    expect(new Set(slugs).size).toBe(5);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});

describe("inference order", () => {
  it("front matter beats the folder, and the folder beats the text", () => {
    const source = "---\ntitle: Hello\ndate: 2026-02-06\n---\nPlain English text.\n";
    expect(normalizePost(source, options("content/zh/weekly/a.md", "zh/weekly/a.md")).post).toMatchObject({ lang: "zh", kind: "weekly" });
    expect(normalizePost(source.replace("title: Hello", "title: Hello\nlang: en\nkind: daily"), options("c/zh/weekly/a.md", "zh/weekly/a.md")).post).toMatchObject({
      lang: "en",
      kind: "daily",
    });
    expect(normalizePost(source, options("a.md")).post).toMatchObject({ lang: "en" });
  });

  it("takes the date from the file name when neither front matter nor title has one", () => {
    const post = normalizePost("# Notes\n\nText.\n", options("2026-03-04-notes.md")).post;
    expect(post).toMatchObject({ day: "2026-03-04", title: "Notes" });
  });

  it("ignores a legacy layout field", () => {
    expect(normalizePost("---\ntitle: x\ndate: 2026-02-06\nlayout: post.njk\n---\n", options("x.md")).post).toBeDefined();
  });

  it("accepts tags written as one comma-separated string and merges case duplicates", () => {
    const post = normalizePost("---\ntitle: x\ndate: 2026-02-06\ntags: AI, ai ,大模型\n---\n", options("x.md")).post!;
    expect(post.tags).toEqual(["AI", "大模型"]);
  });
});

describe("bad input names file, line, field and what was expected", () => {
  const bad = (name: string) => {
    const file = `tests/fixtures/bad/${name}`;
    const result = normalizePost(readFileSync(path.join(ROOT, file), "utf8"), options(file));
    expect(result.post).toBeUndefined();
    return result.problems!.map(formatProblem);
  };

  it.each([
    ["broken-yaml.md", "tests/fixtures/bad/broken-yaml.md:4: tags: invalid YAML front matter"],
    ["broken-toml.md", "tests/fixtures/bad/broken-toml.md:4: tags: invalid TOML front matter"],
    ["invalid-date.md", 'tests/fixtures/bad/invalid-date.md:3: date: "2026-02-30" is not a valid date; expected YYYY-MM-DD'],
    ["no-title.md", 'tests/fixtures/bad/no-title.md:5: title: missing; expected a "title" field'],
    ["unknown-kind.md", 'tests/fixtures/bad/unknown-kind.md:3: kind: "monthly" is not a kind of post; expected weekly, daily or deep-dive'],
    ["unknown-lang.md", 'tests/fixtures/bad/unknown-lang.md:3: lang: "fr" is not a site language; expected zh or en'],
    ["updated-before-date.md", `tests/fixtures/bad/updated-before-date.md:4: updated: "2026-02-05T10:00:00+08:00" is before the post's date (2026-02-06)`],
    ["correction-without-date.md", "tests/fixtures/bad/correction-without-date.md:7: corrections: correction 2 of 2 has no date"],
  ])("%s", (name, expected) => {
    const lines = bad(name);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(expected);
  });

  it("reports every problem of a post at once", () => {
    const result = normalizePost("---\ntitle: x\ndate: soon\nkind: monthly\nlang: fr\n---\n", options("x.md"));
    expect(result.problems?.map((p) => p.field)).toEqual(["date", "kind", "lang"]);
  });

  it("rejects wrong types with the expected shape", () => {
    const result = normalizePost("---\ntitle: x\ndate: 2026-02-06\ndraft: maybe\ncover: 3\n---\n", options("x.md"));
    expect(result.problems?.map(formatProblem)).toEqual([
      "x.md:4: draft: expected true or false",
      'x.md:5: cover: expected an image URL, or { src: "...", alt: "..." }',
    ]);
  });

  it("rejects script URLs as a cover image", () => {
    const result = normalizePost("---\ntitle: x\ndate: 2026-02-06\ncover: \"javascript:alert(1)\"\n---\n", options("x.md"));
    expect(result.problems?.[0]).toMatchObject({ field: "cover", line: 4 });
  });

  it("rejects a slug that is not a URL segment", () => {
    const result = normalizePost("---\ntitle: x\ndate: 2026-02-06\nslug: Hello World\n---\n", options("x.md"));
    expect(result.problems?.[0]?.message).toContain("expected lowercase ASCII letters, digits and hyphens");
  });
});

describe("updates, corrections and series", () => {
  const post = (matter: string, name = "x.md") => normalizePost(`${matter}\nBody.\n`, options(name));

  it("reads updated in the site's time zone when it has no offset, and takes Hugo's lastmod and Jekyll's last_modified_at too", () => {
    expect(post("---\ntitle: x\ndate: 2026-02-06\nupdated: 2026-02-07 09:30\n---").post!.updated!.toISOString()).toBe("2026-02-07T01:30:00.000Z");
    expect(post("---\ntitle: x\ndate: 2026-02-06\nlastmod: 2026-02-08\n---").post!.updated!.toISOString()).toBe("2026-02-07T16:00:00.000Z");
    expect(post("---\ntitle: x\ndate: 2026-02-06\nlast_modified_at: 2026-02-09T00:00:00Z\n---").post!.updated!.toISOString()).toBe("2026-02-09T00:00:00.000Z");
    expect(post("---\ntitle: x\ndate: 2026-02-06\n---").post!.updated).toBeUndefined();
  });

  it("reads an updated day equal to the day of a post published later that day as no update, and takes the latest of the fields", () => {
    expect(post("---\ntitle: x\ndate: 2026-02-06T10:00:00+08:00\nupdated: 2026-02-06\n---").post!.updated).toBeUndefined();
    expect(post("---\ntitle: x\ndate: 2026-02-06\nupdated: 2026-02-07\nlastmod: 2026-02-09\n---").post!.updated!.toISOString()).toBe("2026-02-08T16:00:00.000Z");
  });

  it("never lets a correction make the post's last change come before its publication", () => {
    const late = "---\ntitle: x\ndate: 2026-02-06T20:00:00+08:00\ncorrections:\n  - date: DAY\n    text: Fixed.\n---";
    const sameDay = post(late.replace("DAY", "2026-02-06")).post!;
    expect([sameDay.updated, sameDay.corrections[0]!.date]).toEqual([undefined, sameDay.date]);
    expect(post(late.replace("DAY", "2026-02-06T09:00:00+08:00")).problems!.map(formatProblem)).toEqual([
      "x.md:5: corrections: correction 1 is dated 2026-02-06T09:00:00+08:00, before the post's date (2026-02-06)",
    ]);
  });

  it("keeps corrections newest first with their Markdown, and a newer correction moves updated forward", () => {
    const result = post(
      '---\ntitle: x\ndate: 2026-02-06\nupdated: 2026-02-07\ncorrections:\n  - date: 2026-02-07\n    text: "First **fix**."\n  - date: 2026-02-09T12:00:00+08:00\n    text: Second fix.\n---',
    ).post!;
    expect(result.corrections.map((c) => [c.day, c.text])).toEqual([
      ["2026-02-09", "Second fix."],
      ["2026-02-07", "First **fix**."],
    ]);
    expect(result.updated!.toISOString()).toBe("2026-02-09T04:00:00.000Z");
  });

  it("reads corrections written as TOML tables and names the table's line when one has no date", () => {
    const result = post('+++\ntitle = "x"\ndate = 2026-02-06\n\n[[corrections]]\ndate = 2026-02-07\ntext = "ok"\n\n[[corrections]]\ntext = "when?"\n+++');
    expect(result.problems!.map(formatProblem)).toEqual(["x.md:9: corrections: correction 2 of 2 has no date; expected date: YYYY-MM-DD (or a date-time) saying when it was corrected"]);
  });

  it("refuses a correction dated before the post, and one without text", () => {
    const result = post("---\ntitle: x\ndate: 2026-02-06\ncorrections:\n  - date: 2026-02-01\n    text: Too early.\n  - date: 2026-02-07\n    text: ''\n---");
    expect(result.problems!.map(formatProblem)).toEqual([
      "x.md:5: corrections: correction 1 of 2 is dated 2026-02-01, before the post's date (2026-02-06)",
      'x.md:7: corrections: correction 2 of 2 has no text; expected text: "what was wrong and what it says now"',
    ]);
  });

  it("reads series and part; a part that is not a whole number is kept for check to warn about, never an error", () => {
    expect(post("---\ntitle: x\ndate: 2026-02-06\nseries: A year of agents\npart: 2\n---").post!.series).toEqual({ name: "A year of agents", part: 2, line: 4 });
    expect(post("---\ntitle: x\ndate: 2026-02-06\nseries: S\npart: two\n---").post!.series).toEqual({ name: "S", partText: "two", line: 4 });
    expect(post('+++\ntitle = "x"\ndate = 2026-02-06\nseries = "S"\npart = 3\n+++').post!.series).toMatchObject({ name: "S", part: 3 });
    expect(post("---\ntitle: x\ndate: 2026-02-06\npart: 2\n---").problems!.map(formatProblem)).toEqual([
      'x.md:4: part: "2" is a part of no series; add "series: <name>" or remove "part"',
    ]);
  });
});

describe("posts pasted from other generators", () => {
  const fixture = (name: string) => readFileSync(path.join(ROOT, "tests/fixtures/import/single", name), "utf8");
  const read = (name: string) => normalizePost(fixture(name), options(`tests/fixtures/import/single/${name}`));

  it("reads Jekyll's date with a space before its offset, and Hexo's slash date in front matter without an opening ---", () => {
    expect(read("jekyll-space-offset.md").post!.date.toISOString()).toBe("2016-03-12T03:40:18.000Z");
    const hexo = read("slash-date.md").post!;
    expect(hexo).toMatchObject({ title: "深度学习让语音识别错误率再降两成", day: "2013-07-13", tags: ["语音识别"], bodyLine: 6 });
    expect(hexo.date.toISOString()).toBe("2013-07-13T12:46:25.000Z");
  });

  it("keeps the last value of a key set twice and warns with both lines", () => {
    const post = read("duplicate-key.md").post!;
    expect(post.title).toBe("英伟达市值突破 3 万亿美元，超越苹果");
    expect(post.warnings.map(formatProblem)).toEqual([
      "tests/fixtures/import/single/duplicate-key.md:5: title: is set twice (lines 2 and 5); the last value is used, as Hugo and Jekyll do; remove the other line",
    ]);
  });

  it("takes Docusaurus author objects by name, and a key that names a site author as that author", () => {
    expect(read("docusaurus-authors.md").post!.authors).toEqual(["Dana Whitfield", "Jeremy"]);
  });

  it("names line 1 and what to add when no date is anywhere", () => {
    expect(read("no-date.md").problems!.map(formatProblem)).toEqual([
      'tests/fixtures/import/single/no-date.md:1: date: missing; add "date: YYYY-MM-DD" to the front matter (no date or ISO week such as 2026-W06 was found in the front matter, the title or the file name)',
    ]);
  });

  it("refuses a declared third language, and warns about one it reads in the text", () => {
    expect(read("spanish.md").problems!.map(formatProblem)).toEqual(['tests/fixtures/import/single/spanish.md:4: lang: "es" is not a site language; expected zh or en']);
    const pasted = normalizePost(fixture("spanish.md").replace("lang: es\n", ""), options("boletin.md")).post!;
    expect(pasted.lang).toBe("en");
    expect(pasted.warnings.map((w) => w.message)).toEqual([
      'the text reads as Spanish, which is not a language of this site; it is published as English; add "lang: en" to keep it so, or translate it',
    ]);
    // A list of models and companies is English enough, whatever its trigrams look like.
    const models = "- OpenAI GPT-4o mini\n- Anthropic Claude 3.5 Sonnet\n- Google Gemini 1.5 Pro\n- Mistral Large 2\n- Meta Llama 3.1 405B\n- Cohere Command R+\n- xAI Grok 2 and many more models today\n";
    expect(normalizePost(`---\ntitle: Models\ndate: 2024-08-01\n---\n${models}`, options("models.md")).post!.warnings).toEqual([]);
  });

  it("dates a post by a compact date or an ISO week in its file name or title", () => {
    const compact = normalizePost("# AIToBox AI 周报\n\n本周要闻。\n", options("plain/AIToBoxWeeklyNews_20240614.md")).post!;
    expect(compact).toMatchObject({ day: "2024-06-14", kind: "weekly" });
    const week = normalizePost("# 物理 AI 本周精选 — 2026-W33\n\n本周要闻。\n", options("plain/2026-W33.md")).post!;
    expect(week).toMatchObject({ week: "2026-W33", day: "2026-08-10", kind: "weekly" });
    expect(week.inferred.find((i) => i.field === "date")!.from).toContain("the week 2026-W33 in the file name (its Monday, so the post is never held back");
    // The file name's date beats a version date in the title.
    const versioned = normalizePost("# claude-3-5-sonnet-20241022 与 gpt-4o-2024-08-06 对比\n\n正文。\n", options("daily/2026-08-12.md")).post!;
    expect(versioned.day).toBe("2026-08-12");
    const bundle = normalizePost("---\ntitle: Launch\n---\nBody\n", options("blog/2024-05-01-launch/index.md")).post!;
    expect(bundle.day).toBe("2024-05-01");
  });

  it("fills a missing title and date from what import was given", () => {
    const post = normalizePost("Just a paragraph.\n", { ...options("x.md"), fallback: { title: "Notes", date: "2024-01-02" } }).post!;
    expect(post).toMatchObject({ title: "Notes", day: "2024-01-02" });
    expect(post.inferred.filter((i) => i.from === "--title" || i.from === "--date").map((i) => i.field)).toEqual(["title", "date"]);
  });

  it("reads Zola's [taxonomies] tags", () => {
    const post = normalizePost('+++\ntitle = "Mixtral"\ndate = 2024-03-01\n[taxonomies]\ntags = ["Mistral", "open weights"]\n+++\nBody\n', options("first.md")).post!;
    expect(post.tags).toEqual(["Mistral", "open weights"]);
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../scripts/check.ts";
import { createPost, createTranslation } from "../../scripts/new.ts";
import { runStatus } from "../../scripts/status.ts";
import { site } from "../../src/config.ts";
import { runBuild } from "../helpers/build.ts";
import { ROOT } from "../helpers/seeds.ts";

describe("npm run new", () => {
  it("creates each kind with canonical front matter and a skeleton that passes check and builds", () => {
    const root = mkdtempSync(path.join(tmpdir(), "new-"));
    const made = [
      createPost({ kind: "weekly", lang: "zh", date: "2026-03-06", root, contentDir: "content" }),
      createPost({ kind: "daily", lang: "en", title: "Chips and agents", date: "2026-03-06", root, contentDir: "content" }),
      createPost({ kind: "deep-dive", date: "2026-03-06", root, contentDir: "content" }),
    ];
    expect(made.map((m) => m.path)).toEqual([
      "content/zh/weekly/2026-w10-ren-gong-zhi-neng-zhou-bao.md",
      "content/en/daily/2026-03-06-chips-and-agents.md",
      "content/zh/deep-dive/2026-03-06-ai-shen-du-bao-gao.md",
    ]);
    const weekly = readFileSync(path.join(root, made[0]!.path!), "utf8");
    expect(weekly).toMatch(/^---\ntitle: 2026-W10 人工智能周报\nkind: weekly\nlang: zh\ndate: 2026-03-06\nweek: 2026-W10\n/);
    expect(weekly).toContain("## 本周要点");
    expect(readFileSync(path.join(root, made[1]!.path!), "utf8")).toContain("Source: [Source name](https://example.com/)");
    expect(readFileSync(path.join(root, made[2]!.path!), "utf8")).toContain("## 1) 第一部分");

    const contentDir = path.join(root, "content");
    const check = runCheck({ CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(root, "_site") }, ROOT);
    expect(check.errors).toBe(0);
    expect(check.findings.filter((f) => f.message.includes("news item"))).toEqual([]);

    const build = runBuild({ CONTENT_DIR: contentDir, BUILD_TIME: "2026-03-07" });
    expect(build.code).toBe(0);
    expect(build.has("/en/daily/2026-03-06-chips-and-agents/")).toBe(true);
  });

  it("refuses a second post with the same title and leaves the first untouched", () => {
    const root = mkdtempSync(path.join(tmpdir(), "new-"));
    const first = createPost({ kind: "daily", lang: "en", title: "Same", date: "2026-03-06", root, contentDir: "content" });
    const before = readFileSync(path.join(root, first.path!), "utf8");
    const second = createPost({ kind: "daily", lang: "en", title: "Same", date: "2026-03-06", root, contentDir: "content" });
    expect(second.error).toBe("content/en/daily/2026-03-06-same.md already exists; choose another --title or edit that file");
    expect(readFileSync(path.join(root, first.path!), "utf8")).toBe(before);
  });

  it("rejects an unknown kind, language or date with what it expected", () => {
    const root = mkdtempSync(path.join(tmpdir(), "new-"));
    expect(createPost({ kind: "monthly", root, contentDir: "content" }).error).toBe('kind: "monthly" is not a kind of post; expected weekly, daily, deep-dive');
    expect(createPost({ kind: "daily", lang: "fr", root, contentDir: "content" }).error).toBe('--lang: "fr" is not a site language; expected zh or en');
    expect(createPost({ kind: "daily", date: "2026-02-30", root, contentDir: "content" }).error).toBe('--date: "2026-02-30" is not a valid date; expected YYYY-MM-DD');
  });
});

describe("npm run new -- --translate", () => {
  const DIVE = "content/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao.md";
  const copy = () => {
    const root = mkdtempSync(path.join(tmpdir(), "translate-"));
    cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
    return root;
  };

  it("writes the translation's skeleton: same fields, the original's body to translate, a draft that records the original's version", () => {
    const root = copy();
    const made = createTranslation({ source: DIVE, root, contentDir: "content", config: site });
    expect(made).toEqual({ path: "content/en/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao.md" });
    const text = readFileSync(path.join(root, made.path!), "utf8");
    const original = readFileSync(path.join(root, DIVE), "utf8");
    expect(text).toMatch(/^---\n# Translation of content\/zh\/deep-dive\/2026-02-10-ai-ji-shu-shen-du-ri-bao\.md: translate the title, summary and body in place, then remove "draft"\ntitle: AI 技术深度日报（2026-02-10）\nkind: deep-dive\nlang: en\ndate: 2026-02-10T13:11:00\+08:00\n/);
    expect(text).toMatch(/\ndraft: true\ntranslationOf:\n {2}source: zh\/deep-dive\/2026-02-10-ai-ji-shu-shen-du-ri-bao\.md\n {2}slug: 2026-02-10-ai-ji-shu-shen-du-ri-bao\n {2}digest: [0-9a-f]{12}\n---\n/);
    // Headings, items and links kept: the body is the original's, for the translator to replace.
    const body = (source: string) => source.slice(source.indexOf("\n---\n", 3) + 5);
    expect(body(text)).toBe(body(original));
    const status = JSON.parse(runStatus(["--week", "2026-W07", "--json"], { BUILD_TIME: "2026-02-12" }, root).out);
    expect(status.weeks[0].langs.en.deepDives).toMatchObject([{ status: "draft", translation: { state: "in step", isTranslation: true, file: DIVE } }]);
    expect(runCheck({ CONTENT_DIR: path.join(root, "content"), OUTPUT_DIR: path.join(root, "_site") }, root).errors).toBe(0);
  });

  it("leaves the original's corrections out, and names the series as the translations of its other parts do", () => {
    const root = copy();
    cpSync(path.join(ROOT, "tests/fixtures/newsroom"), path.join(root, "content"), { recursive: true });
    const part = createTranslation({ source: "content/zh/deep-dive/series-agents-3.md", root, contentDir: "content", config: site });
    const text = readFileSync(path.join(root, part.path!), "utf8");
    expect(text).toContain("\nseries: A year of agents\npart: 3\n");
    expect(text).toContain("translate the title, summary and body in place");
    const corrected = createTranslation({ source: "content/zh/daily/2026-03-03-corrected.md", root, contentDir: "content", config: site });
    expect(readFileSync(path.join(root, corrected.path!), "utf8")).not.toMatch(/corrections|updated/);
    writeFileSync(path.join(root, "content/zh/deep-dive/solo.md"), "---\ntitle: 独篇\ndate: 2026-03-01\nseries: 新系列\n---\n正文。\n");
    const solo = readFileSync(path.join(root, createTranslation({ source: "content/zh/deep-dive/solo.md", root, contentDir: "content", config: site }).path!), "utf8");
    expect(solo).toContain("translate the title, summary, the series name and body in place");
    expect(solo).toContain("\nseries: 新系列\n");
  });

  it("refuses a post that has a translation, a path that is no post, and an original nothing could pair with", () => {
    const root = copy();
    expect(createTranslation({ source: "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md", root, contentDir: "content", config: site }).error).toBe(
      "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md already has a translation: content/en/weekly/2026-w06-global-tech-and-ai-news.md; edit that file",
    );
    expect(createTranslation({ source: "content/zh/daily/none.md", root, contentDir: "content", config: site }).error).toBe(
      "--translate: content/zh/daily/none.md is not a post under content/; name the original's file, such as content/zh/weekly/2026-w06-x.md",
    );
    writeFileSync(path.join(root, "content/loose.md"), "---\ntitle: 散稿\nlang: zh\nkind: daily\ndate: 2026-02-11\nslug: loose\n---\n正文。\n");
    expect(createTranslation({ source: "content/loose.md", root, contentDir: "content", config: site }).error).toBe(
      'content/loose.md has no translationKey and is not under content/zh/, so no translation could pair with it; add "translationKey: daily-loose" to it, then run this again',
    );
  });
});

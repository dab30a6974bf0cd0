import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../scripts/check.ts";
import { createPost } from "../../scripts/new.ts";
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

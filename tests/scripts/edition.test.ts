import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEdition } from "../../scripts/edition.ts";
import { ROOT } from "../helpers/seeds.ts";

const DIGEST = "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md";

function edition(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/edition.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: "", INIT_CWD: ROOT, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run edition", () => {
  it("writes a post's email edition and its text, then its WeChat edition, and says where", () => {
    const out = mkdtempSync(path.join(tmpdir(), "editions-"));
    const email = edition(["email", DIGEST, "--out", out]);
    expect(email.stderr).toBe("");
    expect(email.code).toBe(0);
    const base = "zh-2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao";
    const rel = path.relative(ROOT, out).split(path.sep).join("/");
    expect(email.stdout).toBe(`${rel}/${base}.email.html\n${rel}/${base}.email.txt\n`);
    expect(readFileSync(path.join(out, `${base}.email.html`), "utf8")).toMatch(/^<!doctype html>/);
    expect(readFileSync(path.join(out, `${base}.email.txt`), "utf8")).toContain("OpenAI发布GPT-5.3-Codex");

    // By its page URL this time; the second run replaces nothing but its own file.
    const wechat = edition(["wechat", "https://example.com/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/", "--out", out]);
    expect(wechat.code).toBe(0);
    const lines = wechat.stdout.trim().split("\n");
    expect(lines[0]).toBe(`${rel}/${base}.wechat.html`);
    expect(lines[1]).toMatch(/^paste: open .+\.wechat\.html in a browser, select all, copy, and paste into a new article at mp\.weixin\.qq\.com/);
    expect(lines).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual([`${base}.email.html`, `${base}.email.txt`, `${base}.wechat.html`]);
  });

  it("names an unknown post and its close matches, exit 1, nothing written", () => {
    const out = mkdtempSync(path.join(tmpdir(), "editions-"));
    const run = edition(["email", "content/zh/weekly/2026-w06-di-yi-zhou.md", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('error: no post at "content/zh/weekly/2026-w06-di-yi-zhou.md"');
    expect(run.stderr).toContain(`close matches:\n  ${DIGEST}\n`);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("  content/")).length).toBeLessThanOrEqual(5);
    expect(readdirSync(out)).toEqual([]);
  });

  it("answers a missing post or an unknown edition with the usage line, exit 2", () => {
    const usage = "usage: npm run edition -- <email|wechat> <post> [--out DIR]";
    for (const args of [["email"], ["fax", DIGEST], [], ["email", DIGEST, "--force"]]) {
      const run = runEdition(args, { root: ROOT, env: {} });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.err.at(-1), args.join(" ")).toContain(usage);
    }
    expect(runEdition(["fax", DIGEST], { root: ROOT, env: {} }).err[0]).toBe('error: "fax" is not an edition; expected email or wechat');
  });

  it("makes the edition of a draft from CONTENT_DIR with a note, and leaves the draft out of a published digest's week", () => {
    const root = mkdtempSync(path.join(tmpdir(), "editions-content-"));
    const content = path.join(root, "content");
    cpSync(path.join(ROOT, "content"), content, { recursive: true });
    writeFileSync(
      path.join(content, "zh/daily/2026-02-07-cao-gao.md"),
      "---\ntitle: 明天的日报\nkind: daily\nlang: zh\ndate: 2026-02-07\nslug: 2026-02-07-cao-gao\ndraft: true\n---\n### 一条新闻\n\n说明：还在写。\n\n来源：[某报](https://news.example/draft)\n",
    );
    const out = path.join(root, "out");
    const draft = runEdition(["wechat", "content/zh/daily/2026-02-07-cao-gao.md", "--out", out], { root, cwd: root, env: { CONTENT_DIR: content } });
    expect(draft.err).toEqual([]);
    expect(draft.out[0]).toBe('note: content/zh/daily/2026-02-07-cao-gao.md is a draft: its page is not on the site until "draft" is removed, and the edition\'s links to it lead nowhere until then');
    expect(readFileSync(path.join(out, "zh-2026-02-07-cao-gao.wechat.html"), "utf8")).toContain("https://news.example/draft");

    const digest = runEdition(["email", "zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md", "--out", out], { root, cwd: content, env: { CONTENT_DIR: content } });
    expect(digest.code).toBe(0);
    expect(digest.out[0]).toBe("note: the week's link to content/zh/daily/2026-02-07-cao-gao.md is left out: that post is not published yet");
    const html = readFileSync(path.join(out, "zh-2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.email.html"), "utf8");
    expect(html).not.toContain("2026-02-07-cao-gao");
    expect(html).toContain("https://example.com/zh/daily/2026-02-06-ai-hang-ye-dong-tai/");
  });

  it("reports content problems like the build, exit 1", () => {
    const root = mkdtempSync(path.join(tmpdir(), "editions-broken-"));
    const content = path.join(root, "content");
    cpSync(path.join(ROOT, "content"), content, { recursive: true });
    writeFileSync(path.join(content, "zh/daily/2026-02-08-bad.md"), "---\ntitle: [unclosed\n---\nBody\n");
    const run = runEdition(["email", DIGEST, "--out", path.join(root, "out")], { root, env: { CONTENT_DIR: content } });
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^error: content\/zh\/daily\/2026-02-08-bad\.md:\d+/);
    expect(run.err.at(-1)).toMatch(/^edition failed: \d+ content problems?; nothing was written$/);
    expect(existsSync(path.join(root, "out"))).toBe(false);
  });
});

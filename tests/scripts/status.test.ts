import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../scripts/check.ts";
import { runStatus } from "../../scripts/status.ts";
import { ROOT } from "../helpers/seeds.ts";

const ZH_WEEKLY = "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md";
const EN_WEEKLY = "content/en/weekly/2026-w06-global-tech-and-ai-news.md";
const ENV = { BUILD_TIME: "2026-02-10T09:00:00+08:00" };

/** A copy of the blog's content in a git repository of its own, committed on 2026-02-06. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), "status-"));
  cpSync(path.join(ROOT, "content"), path.join(root, "content"), { recursive: true });
  const git = (args: string[], date = "2026-02-06T10:00:00+08:00") =>
    execFileSync("git", ["-C", root, "-c", "user.name=Editor", "-c", "user.email=editor@example.com", "-c", "commit.gpgsign=false", ...args], { env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: "pipe" });
  git(["init", "-q"]);
  git(["add", "-A"]);
  git(["commit", "-qm", "posts"]);
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), "utf8")));
  return { root, git, edit, read: (file: string) => readFileSync(path.join(root, file), "utf8") };
}

const staleFindings = (root: string) => runCheck({ OUTPUT_DIR: "_site" }, root).findings.filter((f) => f.field === "translationOf");

describe("npm run status", () => {
  it("on the blog's own posts for 2026-W06: the weekdays without a Chinese brief, both digests in step, no English brief expected", () => {
    const result = runStatus(["--week", "2026-W06"], ENV, ROOT);
    expect(result.code).toBe(0);
    expect(result.out).toContain("2026-W06 (2026-02-02 to 2026-02-08)");
    expect(result.out.split("To do (4):\n")[1]).toBe(["2026-02-02 zh daily: missing", "2026-02-03 zh daily: missing", "2026-02-04 zh daily: missing", "2026-02-05 zh daily: missing"].map((line) => `  ${line}`).join("\n") + "\n");
    expect(result.out.match(/translation of content\/zh\/weekly\/[^:]+: in step/g)).toHaveLength(2);
    expect(result.out).not.toMatch(/en daily/);
  });

  it("gives the same desk as JSON for scripts", () => {
    const desk = JSON.parse(runStatus(["--week", "2026-W06", "--json"], ENV, ROOT).out);
    expect(desk.weeks[0].week).toBe("2026-W06");
    expect(desk.weeks[0].langs.en.weekly.map((p: { translation: { state: string } }) => p.translation.state)).toEqual(["in step", "in step"]);
    expect(desk.todo.map((item: { text: string }) => item.text)).toHaveLength(4);
    expect(desk.unreadable).toEqual([]);
  });

  it("shows the current week and the one before by default, or as many weeks as asked", () => {
    expect(JSON.parse(runStatus(["--json"], ENV, ROOT).out).weeks.map((w: { week: string }) => w.week)).toEqual(["2026-W06", "2026-W07"]);
    expect(JSON.parse(runStatus(["--json", "--week", "2026w6", "--weeks", "3"], ENV, ROOT).out).weeks.map((w: { week: string }) => w.week)).toEqual(["2026-W04", "2026-W05", "2026-W06"]);
  });

  it("names the expected form of a malformed or unknown week, and exits 2", () => {
    for (const week of ["2026-6", "2026-W54", "next"]) {
      const result = runStatus(["--week", week], ENV, ROOT);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`error: --week: "${week}" is not an ISO week; expected the form 2026-W06`);
    }
    expect(runStatus(["--weeks", "0"], ENV, ROOT).err).toContain('--weeks: "0" is not a number of weeks; expected a whole number from 1 to 520');
    expect(runStatus(["--colour"], ENV, ROOT)).toMatchObject({ code: 2, err: expect.stringContaining("usage: npm run status") });
  });

  it("reports a translation stale when its original's sentence changes, with the day and line; --accept clears it; whitespace does not", () => {
    const p = project();
    p.edit(ZH_WEEKLY, (text) => text.replace("亚马逊AI Studio助力影视制作降本。", "亚马逊AI Studio助力影视制作降本，并扩大试点。"));
    p.git(["commit", "-qam", "correction"], "2026-02-08T15:00:00+08:00");
    const line = p.read(ZH_WEEKLY).split("\n").findIndex((text) => text.includes("扩大试点")) + 1;

    const status = runStatus(["--week", "2026-W06"], ENV, p.root);
    expect(status.out).toContain(`  en weekly 2026-W06: translation stale since zh changed on 2026-02-08, line ${line} of ${ZH_WEEKLY}; update ${EN_WEEKLY}, then npm run status -- --accept ${EN_WEEKLY}`);
    expect(staleFindings(p.root)).toEqual([
      {
        level: "warning",
        file: EN_WEEKLY,
        line: 12,
        field: "translationOf",
        message: `translation stale since zh changed on 2026-02-08, line ${line} of ${ZH_WEEKLY}; update it, then npm run status -- --accept ${EN_WEEKLY}`,
      },
    ]);

    const before = p.read(EN_WEEKLY);
    const accepted = runStatus(["--accept", EN_WEEKLY], ENV, p.root);
    expect(accepted).toMatchObject({ code: 0, out: expect.stringMatching(/^content\/en\/weekly\/2026-w06-global-tech-and-ai-news\.md now translates content\/zh\/weekly\/.* as it is \(translationOf\.digest [0-9a-f]{12}\)\n$/) });
    const after = p.read(EN_WEEKLY);
    // Only the digest line changed.
    expect(after.split("\n").filter((text, i) => text !== before.split("\n")[i])).toEqual([expect.stringMatching(/^ {2}digest: [0-9a-f]{12}$/)]);
    expect(staleFindings(p.root)).toEqual([]);
    expect(runStatus(["--week", "2026-W06"], ENV, p.root).out).not.toContain("stale");
    expect(runStatus(["--accept", EN_WEEKLY], ENV, p.root).out).toContain("already translates");

    p.edit(ZH_WEEKLY, (text) => text.replace(/\n\n/g, "\n\n\n").replace(/：/, "：  "));
    expect(runStatus(["--week", "2026-W06"], ENV, p.root).out).not.toContain("stale");
    expect(staleFindings(p.root)).toEqual([]);
  });

  it("refuses to accept an original, a post without a pair or a file that is no post, and writes nothing", () => {
    const p = project();
    const zh = p.read(ZH_WEEKLY);
    expect(runStatus(["--accept", ZH_WEEKLY], ENV, p.root)).toEqual({ code: 1, out: "", err: `error: ${ZH_WEEKLY} is the original of ${EN_WEEKLY}; accept the translation: npm run status -- --accept ${EN_WEEKLY}\n` });
    expect(p.read(ZH_WEEKLY)).toBe(zh);
    const daily = "content/zh/daily/2026-02-06-ai-hang-ye-dong-tai.md";
    expect(runStatus(["--accept", daily], ENV, p.root).err).toBe(`error: ${daily} has no original: no en post pairs with it; give both the same translationKey, or the same path under content/en/\n`);
    expect(runStatus(["--accept", "content/zh/weekly/none.md"], ENV, p.root).err).toContain("is not a post under content/");
    expect(p.read(daily)).toBe(readFileSync(path.join(ROOT, daily), "utf8"));
    expect(execFileSync("git", ["-C", p.root, "status", "--porcelain"]).toString()).toBe("");
  });

  it("calls an original that no longer reads unreadable, not gone", () => {
    const p = project();
    p.edit(ZH_WEEKLY, (text) => text.replace(/^title: .*$/m, "title: [broken"));
    const status = runStatus(["--week", "2026-W06"], ENV, p.root);
    expect(status.out).toContain(`en weekly 2026-W06: the original of ${EN_WEEKLY}, ${ZH_WEEKLY}, does not read; npm run check says why`);
    expect(status.err).toContain(`warning: 1 file could not be read and is left out (${ZH_WEEKLY}); npm run check says why`);
    expect(staleFindings(p.root)).toEqual([]);
  });

  it("refuses to accept when translationOf holds a line it would not write again, and writes nothing", () => {
    const p = project();
    p.edit(ZH_WEEKLY, (text) => `${text}\n新的一段。\n`);
    p.edit(EN_WEEKLY, (text) => text.replace("  digest:", "  translator: Ann\n  digest:"));
    const before = p.read(EN_WEEKLY);
    const result = runStatus(["--accept", EN_WEEKLY], ENV, p.root);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`error: ${EN_WEEKLY}: translationOf holds a line npm run status --accept does not write ("translator: Ann"); set its digest by hand: source: zh/weekly/`);
    expect(p.read(EN_WEEKLY)).toBe(before);
  });

  it("names both paths and the last known slug when a translation's original was deleted", () => {
    const p = project();
    p.git(["rm", "-q", ZH_WEEKLY]);
    const status = runStatus(["--week", "2026-W06"], ENV, p.root);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`en weekly 2026-W06: the original of ${EN_WEEKLY} is gone: no post at content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md (last known slug 2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao)`);
    expect(staleFindings(p.root)[0]?.message).toContain("its original content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md is gone");
    expect(runStatus(["--accept", EN_WEEKLY], ENV, p.root).err).toContain("translationOf names zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md, which is no post");
  });
});

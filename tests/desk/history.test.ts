import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { bodyDigest } from "../../src/content/digest.ts";
import { changedLines, gitHistory, staleness } from "../../src/desk/history.ts";
import { post } from "../helpers/content.ts";

const source = (body: string) => `---\ntitle: 周报\ndate: 2026-02-06\n---\n${body}`;

/** A repository whose commits carry the dates given, as an editor's history would. */
function repository() {
  const root = mkdtempSync(path.join(tmpdir(), "desk-git-"));
  const run = (args: string[], date?: string) =>
    execFileSync("git", ["-C", root, "-c", "user.name=Editor", "-c", "user.email=editor@example.com", "-c", "commit.gpgsign=false", ...args], {
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: "pipe",
    });
  run(["init", "-q"]);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const commit = (date: string) => run(["add", "-A"]) && run(["commit", "-qm", "edit"], date);
  return { root, run, write, commit };
}

describe("changed lines", () => {
  it("are the lines of the current body that differ, blank and whitespace-only lines left out", () => {
    expect(changedLines("a\nb\nc\n", "a\nB\nc\n")).toEqual([[2, 2]]);
    expect(changedLines("a\nb\n", "a\n\nnew\nb\n")).toEqual([[3, 3]]);
    expect(changedLines("a\nb\nc\nd\n", "a\nB\nC\nd\n")).toEqual([[2, 3]]);
    expect(changedLines("a\nb\nc\n", "a\n  b  \nc\n")).toEqual([]);
    expect(changedLines("a\nb\nc\n", "a\nc\n")).toEqual([[2, 2]]);
  });
});

describe("staleness", () => {
  const original = post("zh/weekly/a.md", source("一。\n\n二。\n\n三，改过。\n"));
  const v = (commit: string, date: string, body: string) => ({ commit, date: new Date(date), body });

  it("dates the first commit that changed the translated version and gives the file's lines", () => {
    const versions = [v("c", "2026-02-09T00:00:00Z", "一。\n\n二。\n\n三，改过。\n"), v("b", "2026-02-08T00:00:00Z", "一。\n\n二。\n\n三，改过。\n"), v("a", "2026-02-06T00:00:00Z", "一。\n\n二。\n\n三。\n")];
    // The body starts on line 5: its fifth line is line 9 of the file.
    expect(staleness(bodyDigest("一。\n\n二。\n\n三。\n"), original, versions)).toEqual({ since: new Date("2026-02-08T00:00:00Z"), lines: [[9, 9]], sourceUnknown: false });
  });

  it("says uncommitted when only the working copy changed", () => {
    const versions = [v("a", "2026-02-06T00:00:00Z", "一。\n\n二。\n\n三。\n")];
    expect(staleness(bodyDigest("一。\n\n二。\n\n三。\n"), original, versions).since).toBe("uncommitted");
  });

  it("says source unknown when no version has the recorded digest, and nothing without history", () => {
    expect(staleness("0123456789ab", original, [v("a", "2026-02-06T00:00:00Z", "一。\n")])).toEqual({ sourceUnknown: true });
    expect(staleness("0123456789ab", original, undefined)).toEqual({ sourceUnknown: false });
  });
});

describe("git history", () => {
  it("reads every committed version of a post, newest first, across a rename", () => {
    const repo = repository();
    repo.write("content/zh/weekly/old.md", source("第一版。\n"));
    repo.commit("2026-02-06T10:00:00+08:00");
    repo.write("content/zh/weekly/old.md", source("第二版。\n"));
    repo.commit("2026-02-07T10:00:00+08:00");
    renameSync(path.join(repo.root, "content/zh/weekly/old.md"), path.join(repo.root, "content/zh/weekly/new.md"));
    repo.commit("2026-02-08T10:00:00+08:00");
    const current = post("zh/weekly/new.md", source("第二版。\n"));
    const versions = gitHistory(repo.root, site.timeZone).versions(current)!;
    expect(versions.map((version) => [version.date.toISOString(), version.body])).toEqual([
      ["2026-02-08T02:00:00.000Z", "第二版。\n"],
      ["2026-02-07T02:00:00.000Z", "第二版。\n"],
      ["2026-02-06T02:00:00.000Z", "第一版。\n"],
    ]);
  });

  it("reads a post whose name is not ASCII and has a space, as git would otherwise quote it", () => {
    const repo = repository();
    repo.write("content/zh/weekly/周报 第六周.md", source("第一版。\n"));
    repo.commit("2026-02-06T10:00:00+08:00");
    renameSync(path.join(repo.root, "content/zh/weekly/周报 第六周.md"), path.join(repo.root, "content/zh/weekly/周报 W06.md"));
    repo.commit("2026-02-07T10:00:00+08:00");
    repo.write("content/zh/weekly/周报 W06.md", source("第二版。\n"));
    repo.commit("2026-02-08T10:00:00+08:00");
    const current = post("zh/weekly/周报 W06.md", source("第二版。\n"));
    expect(gitHistory(repo.root, site.timeZone).versions(current)!.map((version) => version.body)).toEqual(["第二版。\n", "第一版。\n", "第一版。\n"]);
    expect(staleness(bodyDigest("第一版。\n"), current, gitHistory(repo.root, site.timeZone).versions(current)).since).toEqual(new Date("2026-02-08T02:00:00Z"));
  });

  it("has none outside a repository, for a file never committed, or in a shallow clone", () => {
    const plain = mkdtempSync(path.join(tmpdir(), "desk-plain-"));
    const current = post("zh/weekly/a.md", source("一。\n"));
    expect(gitHistory(plain, site.timeZone).versions(current)).toBeUndefined();

    const repo = repository();
    repo.write("content/zh/weekly/b.md", source("一。\n"));
    repo.commit("2026-02-06T10:00:00+08:00");
    expect(gitHistory(repo.root, site.timeZone).versions(current)).toBeUndefined();

    repo.write("content/zh/weekly/a.md", source("一。\n"));
    repo.commit("2026-02-07T10:00:00+08:00");
    repo.write("content/zh/weekly/a.md", source("二。\n"));
    repo.commit("2026-02-08T10:00:00+08:00");
    const shallow = path.join(mkdtempSync(path.join(tmpdir(), "desk-shallow-")), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.root}`, shallow], { stdio: "pipe" });
    expect(gitHistory(shallow, site.timeZone).versions(current)).toBeUndefined();
  });
});

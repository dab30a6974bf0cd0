import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../helpers/build.ts";

function content(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "publish-"));
  mkdirSync(path.join(dir, "en/daily"), { recursive: true });
  const post = (name: string, fm: string) => writeFileSync(path.join(dir, "en/daily", `${name}.md`), `---\n${fm}\nslug: ${name}\ntags: [Visibility]\n---\nBody of ${name}.\n`);
  post("live", "title: Live post\ndate: 2026-03-01");
  post("draft", "title: Draft post\ndate: 2026-03-01\ndraft: true");
  post("scheduled", "title: Scheduled post\ndate: 2026-03-01\nscheduled: 2026-03-05T08:00:00+08:00");
  post("future", "title: Future post\ndate: 2026-03-09");
  return dir;
}

const everyFile = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(html|xml|json|txt)$/.test(f))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");

describe("drafts and scheduled posts", () => {
  const dir = content();

  it("leave drafts and future posts out of the production build: pages, feeds and sitemap", () => {
    const build = runBuild({ CONTENT_DIR: dir, BUILD_TIME: "2026-03-05T07:59:00+08:00" });
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("content: 1 post, 3 drafts or scheduled posts left out");
    expect(build.has("/en/daily/live/")).toBe(true);
    const all = everyFile(build.outDir);
    for (const hidden of ["Draft post", "Scheduled post", "Future post", "/en/daily/draft/", "/en/daily/scheduled/", "/en/daily/future/"]) {
      expect(all, hidden).not.toContain(hidden);
    }
  });

  it("publish a scheduled post once BUILD_TIME reaches its moment", () => {
    const build = runBuild({ CONTENT_DIR: dir, BUILD_TIME: "2026-03-05T08:00:00+08:00" });
    expect(build.has("/en/daily/scheduled/")).toBe(true);
    expect(build.page("/en/feed.xml")).toContain("Scheduled post");
    expect(build.page("/sitemap.xml")).toContain("/en/daily/scheduled/");
    expect(build.has("/en/daily/future/")).toBe(false);
  });

  it("show in the dev server with a visible badge", () => {
    const build = runBuild({ CONTENT_DIR: dir, BUILD_TIME: "2026-03-02", INCLUDE_UNPUBLISHED: "1" });
    expect(build.page("/en/daily/draft/")).toContain('<span class="badge badge--draft">Draft</span>');
    expect(build.page("/en/daily/future/")).toContain('<span class="badge badge--draft">Scheduled</span>');
    expect(build.page("/en/daily/")).toContain("Draft post");
  });

  it("reject an invalid BUILD_TIME with a clear message", () => {
    const build = runBuild({ CONTENT_DIR: dir, BUILD_TIME: "tomorrow" });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('error: BUILD_TIME: "tomorrow" is not a date');
  });
});

import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuild, type BuildRun } from "../helpers/build.ts";
import { ROOT, SEEDS_DIR, seedFiles } from "../helpers/seeds.ts";

describe("raw seeds build as they are", () => {
  it("builds every seed dropped unchanged anywhere under content/", () => {
    const content = mkdtempSync(path.join(tmpdir(), "raw-seeds-"));
    const places = ["", "inbox", "inbox/2026/02", "hugo-export", "zh"];
    seedFiles().forEach((name, i) => {
      const dir = path.join(content, places[i]!);
      mkdirSync(dir, { recursive: true });
      copyFileSync(path.join(SEEDS_DIR, name), path.join(dir, i % 2 ? name : name.replace(/\.txt$/, ".md")));
    });
    const build = runBuild({ CONTENT_DIR: content });
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toContain("content: 5 posts");
    expect(build.has("/zh/daily/2026-02-06-ai-hang-ye-dong-tai/")).toBe(true);
    expect(build.has("/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao/")).toBe(true);
  });
});

describe("bad input fails the build with one line per problem", () => {
  const fixtures = path.join(ROOT, "tests/fixtures/bad");
  // One build of every bad fixture beside a good post: each problem gets its own line, all at once.
  let build: BuildRun;
  beforeAll(() => {
    const content = mkdtempSync(path.join(tmpdir(), "bad-"));
    cpSync(fixtures, content, { recursive: true });
    copyFileSync(path.join(SEEDS_DIR, "004_7a071d55055ae9fc.txt"), path.join(content, "good.md"));
    build = runBuild({ CONTENT_DIR: content });
  });

  it.each([
    ["broken-yaml.md", /^error: .*broken-yaml\.md:4: tags: invalid YAML front matter: .+$/m],
    ["broken-toml.md", /^error: .*broken-toml\.md:4: tags: invalid TOML front matter: .+$/m],
    ["invalid-date.md", /^error: .*invalid-date\.md:3: date: "2026-02-30" is not a valid date; expected YYYY-MM-DD/m],
    ["no-title.md", /^error: .*no-title\.md:5: title: missing; expected a "title" field/m],
    ["unknown-kind.md", /^error: .*unknown-kind\.md:3: kind: "monthly" is not a kind of post; expected weekly, daily or deep-dive$/m],
    ["unknown-lang.md", /^error: .*unknown-lang\.md:3: lang: "fr" is not a site language; expected zh or en$/m],
    ["updated-before-date.md", /^error: .*updated-before-date\.md:4: updated: "2026-02-05T10:00:00\+08:00" is before the post's date \(2026-02-06\)/m],
    ["correction-without-date.md", /^error: .*correction-without-date\.md:7: corrections: correction 2 of 2 has no date; expected date: YYYY-MM-DD/m],
  ])("%s", (name, expected) => {
    expect(build.stderr).toMatch(expected);
    expect(build.stderr.split("\n").filter((line) => line.includes(name))).toHaveLength(1);
  });

  it("lists the problems of every broken post in one run, writes nothing and shows no stack trace", () => {
    expect(build.code).toBe(1);
    expect(build.stderr.match(/^error: /gm)).toHaveLength(8);
    expect(build.stderr).toContain("build failed: 8 content problems; nothing was written");
    expect(build.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(build.outDir)).toEqual([]);
  });

  it("rejects two posts that would write the same page", () => {
    const content = mkdtempSync(path.join(tmpdir(), "dup-"));
    copyFileSync(path.join(SEEDS_DIR, "003_f33812095faee13b.txt"), path.join(content, "a.md"));
    copyFileSync(path.join(SEEDS_DIR, "003_f33812095faee13b.txt"), path.join(content, "b.md"));
    const build = runBuild({ CONTENT_DIR: content });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain("build failed: 1 content problem; nothing was written");
    expect(build.stderr).toMatch(/b\.md: slug: gives the URL \/zh\/daily\/2026-02-06-ai-hang-ye-dong-tai\/, already used by .*a\.md; set a different "slug"/);
  });
});

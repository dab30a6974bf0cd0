import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importPosts, type ImportCommandOptions as ImportOptions } from "../../scripts/import.ts";
import { site } from "../../src/config.ts";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import { SEEDS_DIR, seedFiles, seedPost, seedSource } from "../helpers/seeds.ts";

function run(root: string, inputs: string[], extra: Partial<ImportOptions> = {}) {
  const log: string[] = [];
  const errors: string[] = [];
  const result = importPosts(inputs, {
    root,
    contentDir: "content",
    force: false,
    dryRun: false,
    log: (l) => log.push(l),
    error: (l) => errors.push(l),
    ...extra,
  });
  return { result, log, errors };
}

const bodyOf = (source: string) => {
  const split = splitFrontMatter(source);
  if ("message" in split) throw new Error(split.message);
  return split.body;
};

describe("npm run import", () => {
  it("puts each seed in content/{lang}/{kind}/ with canonical front matter and its body byte for byte", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-"));
    const { result, log } = run(root, [SEEDS_DIR]);
    expect(result.written).toEqual([
      "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md",
      "content/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu.md",
      "content/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang.md",
      "content/zh/daily/2026-02-06-ai-hang-ye-dong-tai.md",
      "content/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao.md",
    ]);
    seedFiles().forEach((name, i) => {
      const written = readFileSync(path.join(root, result.written[i]!), "utf8");
      expect(written.startsWith("---\ntitle: ")).toBe(true);
      expect(bodyOf(written)).toBe(bodyOf(seedSource(name)));
    });
    expect(log.join("\n")).toContain('title = "AI 行业动态 (2026-02-06)" (from the first line of the body)');
  });

  it("round-trips: the imported file reads as the same post", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-"));
    const { result } = run(root, [SEEDS_DIR]);
    seedFiles().forEach((name, i) => {
      const file = result.written[i]!;
      const again = normalizePost(readFileSync(path.join(root, file), "utf8"), {
        sourcePath: file,
        contentPath: file.replace(/^content\//, ""),
        timeZone: site.timeZone,
        authors: site.authors,
      }).post!;
      // Where a field was written (its line, a legacy name) and warnings about how are the file's, not the post's.
      const strip = ({ sourcePath: _s, contentPath: _c, inferred: _i, bodyLine: _b, warnings: _w, ...rest }: typeof again) => ({
        ...rest,
        cover: rest.cover && { src: rest.cover.src, alt: rest.cover.alt },
      });
      expect(strip(again)).toEqual(strip(seedPost(name)));
    });
  });

  it("never overwrites an existing file without --force", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-"));
    const seed = path.join(SEEDS_DIR, "003_f33812095faee13b.txt");
    const first = run(root, [seed]);
    const target = path.join(root, first.result.written[0]!);
    writeFileSync(target, "editor's own changes");

    const second = run(root, [seed]);
    expect(second.result.skipped).toHaveLength(1);
    expect(second.errors[0]).toContain("already exists (use --force to overwrite)");
    expect(readFileSync(target, "utf8")).toBe("editor's own changes");

    const forced = run(root, [seed], { force: true });
    expect(forced.result.written).toHaveLength(1);
    expect(readFileSync(target, "utf8")).not.toBe("editor's own changes");
  });

  it("writes nothing on --dry-run and reports broken posts without stopping", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-"));
    const bad = path.join(root, "bad.md");
    writeFileSync(bad, "---\ntitle: x\ndate: someday\n---\n");
    const { result, errors } = run(root, [bad, path.join(SEEDS_DIR, "004_7a071d55055ae9fc.txt")], { dryRun: true });
    expect(result.failed).toEqual(["bad.md"]);
    expect(errors[0]).toMatch(/^error: bad\.md:3: date: "someday" is not a valid date/);
    expect(result.written).toHaveLength(1);
    expect(() => readFileSync(path.join(root, result.written[0]!))).toThrow();
  });

  it("reads nothing through a link that leaves the folder being imported", () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), "import-")));
    const source = path.join(root, "old-blog");
    mkdirSync(source);
    writeFileSync(path.join(root, "secret.md"), "---\ntitle: Secret\ndate: 2026-03-02\n---\nTOKEN=abc\n");
    symlinkSync(path.join(root, "secret.md"), path.join(source, "linked.md"));
    writeFileSync(path.join(source, "post.md"), "---\ntitle: Post\ndate: 2026-03-02\n---\nText.\n");
    const fromFolder = run(root, ["old-blog"], { dryRun: true });
    expect(fromFolder.errors).toEqual([`error: old-blog/linked.md: is a symbolic link to ${root}/secret.md, outside old-blog; only files inside it are read. Copy the file you mean into the folder instead of linking it`]);
    expect(fromFolder.result.written).toEqual(["content/en/daily/2026-03-02-post.md"]);
    const named = run(root, ["old-blog/linked.md"], { dryRun: true });
    expect(named.errors).toEqual([`error: old-blog/linked.md: is a symbolic link to ${root}/secret.md, outside the folder of the file; only files inside it are read. Copy the file you mean into the folder instead of linking it`]);
    expect(named.result.written).toEqual([]);
  });
});

/**
 * npm run compare [-- --ref main] [--posts 1000] [--site-url https://user.github.io/blog/]
 *
 * Proves a refactor changed nothing a reader sees: builds the site at a git revision and
 * from the working tree, on the repository's own posts and on a generated corpus, with the
 * same settings, and compares the two `_site/` folders byte for byte. Prints every file that
 * differs or exists on one side only; exit 1 when any does.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./corpus.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Fixed so scheduled posts and every date-dependent line are the same in both builds. */
const BUILD_TIME = "2030-01-01";

export interface OutputDifference {
  file: string;
  reason: "differs" | "only before" | "only after";
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every file that is not byte-identical between two output folders. */
export function compareOutputs(before: string, after: string): OutputDifference[] {
  const a = new Set(filesOf(before));
  const b = new Set(filesOf(after));
  const differences: OutputDifference[] = [];
  for (const file of a) {
    if (!b.has(file)) differences.push({ file, reason: "only before" });
    else if (!readFileSync(path.join(before, file)).equals(readFileSync(path.join(after, file)))) differences.push({ file, reason: "differs" });
  }
  for (const file of b) if (!a.has(file)) differences.push({ file, reason: "only after" });
  return differences;
}

function build(tree: string, contentDir: string, outputDir: string, siteUrl: string | undefined): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: tree,
    env: { ...process.env, CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, BUILD_TIME, ...(siteUrl ? { SITE_URL: siteUrl } : {}) },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`build in ${tree} failed:\n${result.stdout}\n${result.stderr}`);
}

function main(): number {
  const { values } = parseArgs({ options: { ref: { type: "string", default: "HEAD" }, posts: { type: "string", default: "1000" }, "site-url": { type: "string" } } });
  const work = mkdtempSync(path.join(tmpdir(), "compare-"));
  const refTree = path.join(work, "ref");
  const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const added = git("worktree", "add", "--detach", refTree, values.ref!);
  if (added.status !== 0) {
    console.error(`error: cannot check out ${values.ref}: ${added.stderr.trim()}`);
    return 1;
  }
  try {
    // Both trees use this checkout's installed packages: the comparison is about the code.
    symlinkSync(path.join(ROOT, "node_modules"), path.join(refTree, "node_modules"), "dir");
    const corpus = path.join(work, "corpus");
    generateCorpus(corpus, { posts: Number(values.posts) });
    let failed = 0;
    const sets: [string, string][] = [["content/", path.join(ROOT, "content")], [`${values.posts}-post corpus`, corpus]];
    for (const [i, [name, content]] of sets.entries()) {
      if (!existsSync(content)) continue;
      const before = path.join(work, `before-${i}`);
      const after = path.join(work, `after-${i}`);
      build(refTree, content, before, values["site-url"]);
      build(ROOT, content, after, values["site-url"]);
      const differences = compareOutputs(before, after);
      const files = filesOf(after).length;
      if (differences.length === 0) console.log(`${name}: ${files} files, byte-identical to ${values.ref}`);
      else {
        failed++;
        for (const d of differences.slice(0, 50)) console.error(`${name}: ${d.file} ${d.reason}`);
        console.error(`${name}: ${differences.length} of ${files} files differ from ${values.ref}`);
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    git("worktree", "remove", "--force", refTree);
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

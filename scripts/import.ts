/**
 * npm run import -- <files or folders> [--force] [--dry-run] [--content DIR]
 *
 * Reads posts in any shape the site accepts (YAML, TOML, none), writes each to
 * content/{lang}/{kind}/{slug}.md with canonical front matter and the body byte for byte,
 * and prints what it inferred. Never overwrites an existing file without --force.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { site } from "../src/config.ts";
import { canonicalSource } from "../src/content/canonical.ts";
import { formatProblem } from "../src/content/errors.ts";
import { splitFrontMatter } from "../src/content/frontmatter.ts";
import { escapingLinkProblem, readableIn, realRoot, type FoundFiles } from "../src/content/files.ts";
import { findPostFiles } from "../src/content/load.ts";
import { normalizePost } from "../src/content/normalize.ts";

export interface ImportOptions {
  root: string;
  contentDir: string;
  force: boolean;
  dryRun: boolean;
  log: (line: string) => void;
  error: (line: string) => void;
}

export interface ImportResult {
  written: string[];
  skipped: string[];
  failed: string[];
}

/** One file named on the command line, read only when its real path stays in its own folder. */
function walkOne(file: string): FoundFiles {
  const real = realRoot(file);
  const where = readableIn(real, [realRoot(path.dirname(file))]);
  return where === "inside" ? { files: [file], escaping: [] } : { files: [], escaping: [{ link: file, target: real, reason: where }] };
}

export function importPosts(inputs: string[], options: ImportOptions): ImportResult {
  const result: ImportResult = { written: [], skipped: [], failed: [] };
  const rel = (p: string) => path.relative(options.root, p).split(path.sep).join("/") || p;
  for (const input of inputs) {
    const absolute = path.resolve(options.root, input);
    if (!existsSync(absolute)) {
      options.error(`error: ${input}: no such file or folder`);
      result.failed.push(input);
      continue;
    }
    const isDir = statSync(absolute).isDirectory();
    // Nothing is read from outside the folder being imported: a link there could bring in any file of this machine.
    const found = isDir ? findPostFiles(absolute, [realRoot(absolute)]) : walkOne(absolute);
    for (const link of found.escaping) {
      options.error(`error: ${formatProblem(escapingLinkProblem(link, rel, isDir ? rel(absolute) || "." : "the folder of the file"))}`);
      result.failed.push(rel(link.link));
    }
    for (const file of found.files) {
      const source = readFileSync(file, "utf8");
      const contentPath = isDir ? path.relative(absolute, file).split(path.sep).join("/") : path.basename(file);
      const normalized = normalizePost(source, {
        sourcePath: rel(file),
        contentPath,
        timeZone: site.timeZone,
        authors: site.authors,
      });
      if (!normalized.post) {
        for (const problem of normalized.problems) options.error(`error: ${formatProblem(problem)}`);
        result.failed.push(rel(file));
        continue;
      }
      const post = normalized.post;
      const split = splitFrontMatter(source);
      const body = "body" in split ? split.body : "";
      const target = path.join(options.root, options.contentDir, post.lang, post.kind, `${post.slug}.md`);
      if (existsSync(target) && !options.force) {
        options.error(`skipped: ${rel(file)}: ${rel(target)} already exists (use --force to overwrite)`);
        result.skipped.push(rel(file));
        continue;
      }
      options.log(`${options.dryRun ? "would import" : "imported"}: ${rel(file)} → ${rel(target)}`);
      for (const i of post.inferred) options.log(`  ${i.field} = ${JSON.stringify(i.value)} (from ${i.from})`);
      if (!options.dryRun) {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, canonicalSource(post, body, site.timeZone));
      }
      result.written.push(rel(target));
    }
  }
  return result;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      content: { type: "string", default: "content" },
    },
  });
  if (positionals.length === 0) {
    console.error("usage: npm run import -- <files or folders> [--force] [--dry-run] [--content DIR]");
    return 2;
  }
  const result = importPosts(positionals, {
    root: process.cwd(),
    contentDir: values.content!,
    force: values.force!,
    dryRun: values["dry-run"]!,
    log: (l) => console.log(l),
    error: (l) => console.error(l),
  });
  console.log(`${result.written.length} imported, ${result.skipped.length} skipped, ${result.failed.length} failed`);
  return result.failed.length > 0 || result.skipped.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

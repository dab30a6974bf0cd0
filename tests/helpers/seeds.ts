import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { site } from "../../src/config.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import type { Post } from "../../src/content/schema.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The real posts the site started from, unchanged (the blog's own first posts, kept as fixtures). */
export const SEEDS_DIR = path.join(ROOT, "tests/fixtures/seeds");

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).sort();
}

export function seedSource(name: string): string {
  return readFileSync(path.join(SEEDS_DIR, name), "utf8");
}

/** A seed read as if dropped straight into content/ with no folder hints. */
export function seedPost(name: string): Post {
  const result = normalizePost(seedSource(name), {
    sourcePath: `seeds/${name}`,
    contentPath: name,
    timeZone: site.timeZone,
    authors: site.authors,
  });
  if (!result.post) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.post;
}

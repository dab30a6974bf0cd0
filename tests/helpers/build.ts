import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { ROOT } from "./seeds.ts";

/** What `npm run build` printed and where it wrote the site. */
export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
}

export interface BuildRun extends BuildResult {
  /** The HTML (or any file) written at a site URL such as /zh/. */
  page: (url: string) => string;
  has: (url: string) => boolean;
}

function withPages(result: BuildResult): BuildRun {
  const fileFor = (url: string) => path.join(result.outDir, decodeURI(url), url.endsWith("/") ? "index.html" : "");
  return {
    ...result,
    page: (url) => readFileSync(fileFor(url), "utf8"),
    has: (url) => existsSync(fileFor(url)),
  };
}

/** Runs `npm run build`'s script exactly as an editor would, into a fresh output folder. */
export function runBuild(env: Record<string, string> = {}): BuildRun {
  const outDir = mkdtempSync(path.join(tmpdir(), "site-"));
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, OUTPUT_DIR: outDir, ...env },
    encoding: "utf8",
  });
  return withPages({ code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, outDir });
}

/**
 * The build of the blog's own content with default settings, made once per test run by
 * tests/globalSetup.ts; `again` is a second build of the same content, for determinism.
 * Read it, never change it: every test file shares it.
 */
export function seedBuild(which: "first" | "again" = "first"): BuildRun {
  const [first, again] = inject("seedBuilds");
  return withPages(which === "first" ? first : again);
}

/**
 * The build of tests/helpers/xss.ts's hostile posts (BUILD_TIME = HOSTILE_BUILD_TIME), made
 * once per test run by tests/globalSetup.ts. Read it, never change it.
 */
export function hostileBuild(): BuildRun & { contentDir: string } {
  const build = inject("hostileBuild");
  return { ...withPages(build), contentDir: build.contentDir };
}

/** Where the prefixed build is served from: a GitHub project page, below /blog/. */
export const PREFIXED_SITE_URL = "https://user.github.io/blog/";
export const PREFIXED_BUILD_TIME = "2026-12-01T00:00:00+08:00";

/**
 * The blog's own content plus two posts that exercise URLs: an English-only brief with an old
 * URL (no translation, so no Chinese alternate), and a brief with images in every form
 * (srcset candidates, <picture>, relative paths, fragments).
 */
export function writePrefixedContent(dir = mkdtempSync(path.join(tmpdir(), "prefixed-content-"))): string {
  cpSync(path.join(ROOT, "content"), dir, { recursive: true });
  mkdirSync(path.join(dir, "en/daily"), { recursive: true });
  writeFileSync(
    path.join(dir, "en/daily/only-in-english.md"),
    "---\ntitle: Only in English\ndate: 2026-03-03\nslug: only-in-english\ntags: [English only]\naliases: [/old/only-in-english/]\n---\n" +
      "A brief with no Chinese edition.\n\n## One item\n\nText, with [its source](https://example.org/source).\n",
  );
  writeFileSync(
    path.join(dir, "en/daily/2026-02-07-pictures.md"),
    [
      "---\ntitle: Pictures\nkind: daily\nlang: en\ndate: 2026-02-07\nslug: pictures\nsummary: Pictures in every form.\ntags: [AI]\n---",
      '<img src="/assets/favicon.svg" srcset="/assets/favicon.svg 1x, ../../../assets/favicon.svg 2x" alt="icon">',
      '<picture><source srcset="/assets/favicon.svg" type="image/svg+xml"><img src="../../../assets/favicon.svg" alt="icon"></picture>',
      "## Sources\n\n[this part](#sources) and [home](/en/)",
    ].join("\n\n"),
  );
  return dir;
}

/**
 * writePrefixedContent() built with SITE_URL = PREFIXED_SITE_URL, made once per test run by
 * tests/globalSetup.ts. Read it, never change it.
 */
export function prefixedBuild(): BuildRun {
  return withPages(inject("prefixedBuild"));
}

/** When the newsroom build runs: its newest fixture posts are hours old (the news sitemap's 48 hours). */
export const NEWSROOM_BUILD_TIME = "2026-03-12T20:00:00+08:00";

/**
 * The blog's own content with tests/fixtures/newsroom/ laid over it: what a working newsroom
 * adds (a tag registry, a series in parts, corrected posts, tags in two languages and their
 * synonyms, posts of the last two days).
 */
export function writeNewsroomContent(dir = mkdtempSync(path.join(tmpdir(), "newsroom-content-"))): string {
  cpSync(path.join(ROOT, "content"), dir, { recursive: true });
  cpSync(path.join(ROOT, "tests/fixtures/newsroom"), dir, { recursive: true });
  return dir;
}

/**
 * writeNewsroomContent() built at NEWSROOM_BUILD_TIME, made once per test run by
 * tests/globalSetup.ts. Read it, never change it.
 */
export function newsroomBuild(): BuildRun & { contentDir: string } {
  const build = inject("newsroomBuild");
  return { ...withPages(build), contentDir: build.contentDir };
}

/** Every file (not folder) of a built site, as sorted forward-slash paths relative to it. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

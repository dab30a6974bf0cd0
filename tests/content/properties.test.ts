/*
 * Property tests of the content layer (fast-check).
 *
 * 1. Crash-freedom: random and mutated posts (YAML, TOML, none; binary junk, NUL, BOM, CRLF,
 *    huge values, deep nesting, wrong types, duplicate keys) never make normalizePost throw;
 *    each yields either a Post that satisfies the site's invariants or problems naming the file.
 * 2. Import round trip: for every seed and 1,000 generated posts, import (canonical front
 *    matter + the original body) then parse gives the same Post, and the body byte for byte.
 *
 * Every run prints its seed; FC_SEED=<n> replays one (fast-check also prints seed and path of
 * a failing case, and shrinks it).
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { KINDS, LANGS, site } from "../../src/config.ts";
import { canonicalSource } from "../../src/content/canonical.ts";
import { normalizeWeek } from "../../src/content/dates.ts";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import type { Post } from "../../src/content/schema.ts";
import { SLUG_PATTERN } from "../../src/i18n/slug.ts";
import { hostileSource, importablePost, mutate, mutations } from "../helpers/arbitraries.ts";
import { seedFiles, seedSource } from "../helpers/seeds.ts";

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
/** FC_RUNS=10 runs ten times as many inputs, for a longer hunt. */
const SCALE = Number(process.env.FC_RUNS ?? 1);
const runs = (n: number) => ({ seed: SEED, numRuns: Math.round(n * SCALE) });
const zone = site.timeZone;
/** Inputs tried by each property, and how many of them became posts. */
const tried = new Map<string, { inputs: number; posts: number }>();
const count = (name: string, post = false) => {
  const c = tried.get(name) ?? { inputs: 0, posts: 0 };
  tried.set(name, { inputs: c.inputs + (post ? 0 : 1), posts: c.posts + (post ? 1 : 0) });
};

const contentPaths = fc.constantFrom(
  "post.md",
  "zh/weekly/2026-W06.md",
  "en/daily/2026-02-06-news.md",
  "zh/deep-dive/report.txt",
  "weekly/2026-02-30-bad-day.md",
  "misc/2026年2月6日.md",
  "0000-01-01.md",
);

const options = (contentPath: string) => ({
  sourcePath: `content/${contentPath}`,
  contentPath,
  timeZone: zone,
  authors: site.authors,
});

const CONTROL = /[\u0000-\u001F\u007F]/;

function fail(message: string, detail: unknown): never {
  throw new Error(`${message}: ${JSON.stringify(detail, (_k, v) => (typeof v === "string" && v.length > 300 ? v.slice(0, 300) + "…" : v))}`);
}

/** What every Post the site builds from must satisfy, whatever its source looked like. */
function checkPost(post: Post, sourcePath: string): void {
  if (post.sourcePath !== sourcePath) fail("sourcePath", post.sourcePath);
  if (!post.title.trim() || CONTROL.test(post.title) || !post.title.isWellFormed()) fail("title", post.title);
  if (!(KINDS as readonly string[]).includes(post.kind)) fail("kind", post.kind);
  if (!(LANGS as readonly string[]).includes(post.lang)) fail("lang", post.lang);
  if (!(post.date instanceof Date) || Number.isNaN(post.date.getTime())) fail("date", String(post.date));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(post.day) || !DateTime.fromISO(post.day).isValid) fail("day", post.day);
  if (DateTime.fromJSDate(post.date, { zone }).toISODate() !== post.day) fail("day is not the date's day", [post.day, post.date]);
  if (!/^\d{4}-W\d{2}$/.test(post.week) || normalizeWeek(post.week) !== post.week) fail("week", post.week);
  if (!SLUG_PATTERN.test(post.slug)) fail("slug", post.slug);
  for (const list of [post.tags, post.authors, post.keywords]) {
    if (list.some((t) => typeof t !== "string" || !t.trim())) fail("empty tag, author or keyword", list);
  }
  if (post.aliases.some((a) => !a.startsWith("/") || a.startsWith("//"))) fail("alias", post.aliases);
  if (post.scheduled && Number.isNaN(post.scheduled.getTime())) fail("scheduled", String(post.scheduled));
  if (typeof post.draft !== "boolean") fail("draft", post.draft);
  if (typeof post.body !== "string" || !Number.isInteger(post.bodyLine) || post.bodyLine < 1) fail("body", post.bodyLine);
}

/** normalizePost never throws: a valid Post, or problems that name the file. */
function neverCrashes(name: string, source: string, contentPath: string): void {
  count(name);
  const opts = options(contentPath);
  const result = normalizePost(source, opts);
  // Exactly one of the two, whatever the types promise.
  const { post, problems } = result as { post?: Post; problems?: unknown };
  if (post && problems !== undefined) fail("both a post and problems", problems);
  if (result.post) {
    count(name, true);
    checkPost(result.post, opts.sourcePath);
    return;
  }
  const lines = source.split("\n").length;
  if (!Array.isArray(result.problems) || result.problems.length === 0) fail("neither a post nor problems", result);
  for (const p of result.problems) {
    if (p.file !== opts.sourcePath) fail("problem without the file", p);
    if (typeof p.message !== "string" || !p.message.trim()) fail("problem without a message", p);
    if (p.line !== undefined && (!Number.isInteger(p.line) || p.line < 1 || p.line > lines + 1)) fail(`line outside the file (${lines} lines)`, p);
  }
}

describe("property: the content layer never crashes", () => {
  it("YAML front matter: random keys, wrong types, deep nesting, huge values, broken syntax", () => {
    fc.assert(fc.property(hostileSource.yaml, contentPaths, ({ source }, path) => neverCrashes("YAML", source, path)), runs(1500));
  });

  it("TOML front matter: smol-toml output and raw key = value lines", () => {
    fc.assert(fc.property(hostileSource.toml, contentPaths, ({ source }, path) => neverCrashes("TOML", source, path)), runs(700));
  });

  it("no front matter: title lines, dates in titles and file names", () => {
    fc.assert(fc.property(hostileSource.none, contentPaths, ({ source }, path) => neverCrashes("none", source, path)), runs(600));
  });

  it("binary junk, NUL bytes and lone surrogates", () => {
    fc.assert(fc.property(hostileSource.junk, contentPaths, (source, path) => neverCrashes("junk", source, path)), runs(500));
  });

  it("mutated seeds: insertions, deletions, truncation, BOM, CRLF, CR, NUL, duplicate keys, swapped delimiters", () => {
    const seeds = seedFiles().map((name) => ({ name, source: seedSource(name) }));
    fc.assert(
      fc.property(fc.constantFrom(...seeds), mutations, fc.option(contentPaths, { nil: undefined }), (seed, ops, path) =>
        neverCrashes("mutated seeds", mutate(seed.source, ops), path ?? seed.name),
      ),
      runs(1500),
    );
  });
});

// ---------------------------------------------------------------------------------------------

// Warnings are about how a file is written (a key twice, a guessed language): canonical front matter has none.
const strip = ({ sourcePath: _s, contentPath: _c, bodyLine: _b, aliasesLine: _a, inferred: _i, warnings: _w, ...rest }: Post) => ({
  ...rest,
  cover: rest.cover && { src: rest.cover.src, alt: rest.cover.alt },
  translationOf: rest.translationOf && { ...rest.translationOf, line: undefined },
  series: rest.series && { ...rest.series, line: undefined },
});

/** What `npm run import` does to one file, then reading the written file back as the site does. */
function importThenParse(source: string, contentPath: string) {
  const first = normalizePost(source, options(contentPath));
  if (!first.post) return null;
  const split = splitFrontMatter(source);
  if ("message" in split) throw new Error("normalized but did not split");
  const canonical = canonicalSource(first.post, split.body, zone);
  // Written as UTF-8 and read back strictly, as import and load do.
  const onDisk = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(canonical, "utf8"));
  const target = `${first.post.lang}/${first.post.kind}/${first.post.slug}.md`;
  const second = normalizePost(onDisk, options(target));
  return { post1: first.post, body: split.body, canonical, onDisk, second };
}

function roundTrips(name: string, source: string, contentPath: string): boolean {
  count(name);
  const r = importThenParse(source, contentPath);
  if (!r) return false;
  count(name, true);
  expect(r.onDisk).toBe(r.canonical);
  if (!r.second.post) fail("the imported file does not read", r.second.problems);
  expect(strip(r.second.post)).toEqual(strip(r.post1));
  const again = splitFrontMatter(r.onDisk);
  if ("message" in again) fail("the imported file does not split", again);
  expect(again.body).toBe(r.body); // Object.is: byte for byte
  return true;
}

describe("property: import then parse gives the same post", () => {
  it.each(seedFiles())("seed %s", (name) => {
    expect(roundTrips("seeds", seedSource(name), name)).toBe(true);
  });

  it("1,000 generated posts (YAML, TOML, none; CRLF, CJK, HTML, headings, lists)", () => {
    fc.assert(
      fc.property(importablePost, ({ source, contentPath }) => {
        fc.pre(roundTrips("generated posts", source, contentPath));
      }),
      { ...runs(1000), maxSkipsPerRun: 10 },
    );
  });
});

describe("regressions the properties found (shrunk counterexamples)", () => {
  it("a date whose year leaves 1–9999 in the site time zone is a problem, not a day like +010000-01-01 or a week like -1-W52", () => {
    for (const [source, path] of [
      ["---\ntitle: x\ndate: 9999-12-31T23:59:00Z\n---\n", "post.md"],
      ["---\ntitle: x\ndate: 0000-01-01T00:00:00+00:00\n---\n", "post.md"],
      ["# 0000-01-01T00:00:00+00:00\n", "post.md"],
      ["---\ntitle: a\n---\n", "0000-01-01.md"],
    ] as const) {
      const result = normalizePost(source, options(path));
      expect(result.problems).toEqual([expect.objectContaining({ file: `content/${path}`, field: "date" })]);
    }
  });

  it("a title taken from the first line has no control characters", () => {
    const result = normalizePost('<span style="font-weight:bold;">\u0001一\u000e</span>\n\nbody\n', options("2026-02-06.md"));
    expect(result.post).toMatchObject({ title: "一", body: "body\n" });
  });

  it.each([
    ["a week that is not the date's", "---\nweek: 2000-W1\ncategory:\n  - 深度\ntitle: AI 周报 2026-W06\n---\n", "2026年2月6日.md"],
    ["milliseconds after midnight", "---\ntitle: x\ndate: 2026-02-06T00:00:00.500+08:00\n---\n", "post.md"],
    ["local mean time before 1901", "---\ntitle: x\ndate: 2026-02-06\nscheduled: 1900-12-31T15:54:16+00:00\n---\n", "post.md"],
    ["Hugo's lastmod, corrections in TOML tables and a series part", '+++\ntitle = "x"\ndate = 2026-02-06\nlastmod = 2026-02-08T10:00:00+08:00\nseries = "S"\npart = 2\n\n[[corrections]]\ndate = 2026-02-07\ntext = "A *fix*."\n+++\nBody.\n', "post.md"],
    ["an updated a correction's date gives, and a part that is not a number", "---\ntitle: x\ndate: 2026-02-06\nseries: S\npart: two\ncorrections:\n  - date: 2026-02-07T09:00:00+08:00\n    text: Fixed.\n---\nBody.\n", "post.md"],
  ])("import keeps %s", (_what, source, path) => {
    expect(roundTrips("regressions", source, path)).toBe(true);
  });
});

afterAll(() => {
  const lines = [...tried].map(([name, n]) => `  ${name.padEnd(16)} ${String(n.inputs).padStart(6)} inputs, ${String(n.posts).padStart(6)} valid posts, ${String(n.inputs - n.posts).padStart(6)} with problems`);
  const total = [...tried.values()].reduce((sum, n) => sum + n.inputs, 0);
  console.log(`content properties: ${total} inputs (fast-check seed ${SEED}; replay with FC_SEED=${SEED})\n${lines.join("\n")}`);
});

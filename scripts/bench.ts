/**
 * npm run bench [-- --quick] [--sizes 1000,4000,10000] [--scale] [--entities] [--out bench-results/report.json]
 *
 * Generates a deterministic bilingual corpus at each size and, in the same run, builds it
 * with the full site (`npm run build`), with a minimal Eleventy reference (one layout, a tag
 * page per tag, one feed) followed by Pagefind over its pages, and with Hugo (one layout, tag
 * pages, the home feed) when `hugo` is installed, all on the same Markdown. For each it prints
 * wall time, CPU time and the peak memory of the whole process tree (the build and its
 * Pagefind process together), and for the full build the phases it prints (content, Eleventy,
 * search, links). It also measures the rebuild after editing one post in watch mode and the
 * search index on its own, and `npm run status` (the editor's desk) on the corpus. `--scale` adds 30,000 posts (full build and the references only);
 * `--entities` also builds each corpus without its entity registry and times the matching
 * alone. It asserts nothing about time: targets are printed next to the numbers.
 *
 * It also times every post of scripts/pathological.ts (runs of one delimiter, deep nesting,
 * huge lines and front matter) through normalizePost and renderBody at two sizes, four times
 * apart, and prints each one's time per MB beside a real brief's: an input whose time per MB
 * grows with its size is superlinear.
 */
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { parseArgs } from "node:util";
import { listPostFiles } from "../src/content/load.ts";
import { createMatcher } from "../src/entities/matcher.ts";
import { loadRegistry } from "../src/entities/registry.ts";
import { SEARCHED_PAGES } from "../src/search/pagefind.ts";
import { generateCorpus } from "./corpus.ts";
import { NORMAL_POST, PATHOLOGICAL_INPUTS, pathologicalTargets, processPost, type PathologicalInput } from "./pathological.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
/** Corpus dates lie before this moment, so every post is live (30,000 posts reach 2042). */
const BUILD_TIME = "2100-01-01";

interface Measure {
  wallSeconds: number;
  cpuSeconds?: number;
  /** The largest resident memory the process and its children held together. */
  peakMemoryMB?: number;
  ok: boolean;
  output: string;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc; 0 elsewhere). */
function treeRss(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return pages * 4096 + children.reduce((sum, child) => sum + treeRss(child), 0);
  } catch {
    return 0;
  }
}

/** Runs a command (under GNU time when present, for CPU time), sampling the memory of its process tree. */
function measure(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<Measure> {
  const started = performance.now();
  const cmd = TIME ? TIME : command;
  const argv = TIME ? ["-f", "__time %e %U %S %M", command, ...args] : args;
  const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(sampler);
      const wallSeconds = (performance.now() - started) / 1000;
      const m = /__time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      const ownPeak = m ? Number(m[4]) * 1024 : 0;
      const sampled = Math.max(peak, ownPeak);
      resolve({
        wallSeconds: m ? Number(m[1]) : wallSeconds,
        cpuSeconds: m ? Number(m[2]) + Number(m[3]) : undefined,
        peakMemoryMB: sampled ? Math.round(sampled / 2 ** 20) : undefined,
        ok: code === 0,
        output: `${stdout}\n${stderr}`,
      });
    });
  });
}

function countFiles(dir: string, ext: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(ext)).length;
}

/** The minimal reference: stock Eleventy on the same Markdown, one layout, a page per tag, one feed. */
function writeReference(dir: string, corpus: string): void {
  mkdirSync(path.join(dir, "_includes"), { recursive: true });
  spawnSync("cp", ["-r", corpus, path.join(dir, "posts")]);
  writeFileSync(
    path.join(dir, "eleventy.config.mjs"),
    `import { feedPlugin } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "node_modules/@11ty/eleventy-plugin-rss/.eleventy.js")).href)};
export default function (config) {
  config.addCollection("posts", (api) => api.getFilteredByGlob("posts/**/*.md"));
  config.addPlugin(feedPlugin, {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "posts", limit: 50 },
    metadata: { language: "en", title: "Reference", base: "https://example.com/", author: { name: "Bench" } },
  });
  return { dir: { input: ".", includes: "_includes", output: process.env.OUTPUT_DIR } };
}
`,
  );
  writeFileSync(path.join(dir, "posts/posts.json"), JSON.stringify({ layout: "base.njk" }));
  writeFileSync(
    path.join(dir, "_includes/base.njk"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1>{{ content | safe }}</main></body></html>\n`,
  );
  writeFileSync(
    path.join(dir, "tags.njk"),
    `---
pagination:
  data: collections
  size: 1
  alias: tag
  filter: [all, posts]
permalink: "/tags/{{ pagination.pageNumber }}/"
---
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ tag }}</title></head><body><h1>{{ tag }}</h1><ul>
{%- for post in collections[tag] %}<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>{% endfor %}
</ul></body></html>
`,
  );
}

/** The Hugo reference: the same Markdown (the registry left out), one layout, a page per tag, the home feed. */
function writeHugo(dir: string, corpus: string): void {
  mkdirSync(path.join(dir, "layouts/_default"), { recursive: true });
  spawnSync("cp", ["-r", corpus, path.join(dir, "content")]);
  rmSync(path.join(dir, "content/entities"), { recursive: true, force: true });
  writeFileSync(
    path.join(dir, "hugo.toml"),
    `baseURL = "https://example.com/"
title = "Reference"
buildFuture = true
disableKinds = ["sitemap", "robotsTXT", "404"]
[taxonomies]
tag = "tags"
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
`,
  );
  const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>${body}</main></body></html>\n`;
  writeFileSync(path.join(dir, "layouts/_default/single.html"), page("{{ .Content }}"));
  writeFileSync(path.join(dir, "layouts/_default/list.html"), page(`<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>`));
}

/** Starts the dev build in watch mode, edits one post, and times until its page is rewritten. */
async function measureRebuild(corpus: string, outDir: string): Promise<{ seconds: number; eleventySays?: number } | { error: string }> {
  const target = readdirSync(path.join(corpus, "en/daily")).sort()[10]!;
  const file = path.join(corpus, "en/daily", target);
  const page = path.join(outDir, "en/daily", target.replace(/\.md$/, ""), "index.html");
  const child = spawn(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--watch"], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: corpus, OUTPUT_DIR: outDir, BUILD_TIME, ELEVENTY_RUN_MODE: "watch" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const waitFor = (pattern: RegExp, from: number, timeoutMs: number) =>
    new Promise<RegExpExecArray | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      const check = () => {
        const m = pattern.exec(log.slice(from));
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      child.stdout.on("data", (d) => ((log += d), check()));
      child.stderr.on("data", (d) => ((log += d), check()));
      check();
    });
  try {
    if (!(await waitFor(/Watching/, 0, 600_000))) return { error: "watch mode did not start" };
    await new Promise((r) => setTimeout(r, 1500));
    const before = existsSync(page) ? statSync(page).mtimeMs : 0;
    const mark = log.length;
    const editedAt = Date.now();
    appendFileSync(file, "\nEdited for the benchmark.\n");
    const wrote = await waitFor(/Wrote \d+ files? in ([\d.]+) seconds/, mark, 600_000);
    if (!wrote || !existsSync(page) || statSync(page).mtimeMs === before) return { error: "the edited page was not rewritten" };
    // From the edit to the moment the page's new version is on disk (file watching included).
    return { seconds: (statSync(page).mtimeMs - editedAt) / 1000, eleventySays: Number(wrote[1]) };
  } finally {
    child.kill("SIGTERM");
  }
}

/** The matching alone: every post file's text scanned once for every name in the corpus's registry. */
function measureMatching(root: string): { seconds: number; entities: number; mentions: number; megabytes: number } {
  const { registry } = loadRegistry(root, "content");
  const matcher = createMatcher(registry.entities.values());
  const texts = listPostFiles(path.join(root, "content")).map((file) => readFileSync(file, "utf8"));
  const started = performance.now();
  let mentions = 0;
  for (const text of texts) mentions += matcher.find(text).length;
  const seconds = (performance.now() - started) / 1000;
  const megabytes = texts.reduce((n, text) => n + Buffer.byteLength(text), 0) / 2 ** 20;
  return { seconds, entities: registry.entities.size, mentions, megabytes };
}

interface BuildPhases {
  contentSeconds?: number;
  eleventySeconds?: number;
  eleventyRuns?: number;
  searchSeconds?: number;
  linkSeconds?: number;
  storiesSeconds?: number;
  buildProcessMB?: number;
  /** Share images written, and the time from the build's start of drawing to its end (beside Eleventy). */
  shareImages?: number;
  shareSeconds?: number;
}

/** The phases `npm run build` prints. */
function phasesOf(output: string): BuildPhases {
  const number = (pattern: RegExp) => {
    const m = pattern.exec(output);
    return m ? Number(m[1]) : undefined;
  };
  return {
    contentSeconds: number(/^content: .* in ([\d.]+) s$/m),
    eleventySeconds: number(/^built .*: \d+ files in ([\d.]+) s/m),
    eleventyRuns: number(/\((\d+) runs? of Eleventy\)/),
    searchSeconds: number(/^search: indexed \d+ posts in ([\d.]+) s/m),
    linkSeconds: number(/^links: .*\(([\d.]+) s\)$/m),
    storiesSeconds: number(/^stories: .* in ([\d.]+) s$/m),
    buildProcessMB: number(/^memory: peak (\d+) MB/m),
    shareImages: number(/^share images: (\d+) /m),
    shareSeconds: number(/^share images: .* in ([\d.]+) s$/m),
  };
}

type Timed = Omit<Measure, "output" | "ok">;
const timed = ({ output: _output, ok: _ok, ...rest }: Measure): Timed => rest;

interface SizeReport {
  posts: number;
  full: Timed & { pages: number } & BuildPhases;
  /** Minimal Eleventy, then Pagefind over every page it wrote: the time of both, the larger peak. */
  reference: Timed & { pages: number; eleventy: Timed; pagefind: Timed };
  hugo?: Timed & { pages: number };
  ratio: number;
  hugoRatio?: number;
  rebuild?: { seconds: number; eleventySays?: number } | { error: string };
  /** The same build without content/entities/ (no mentions, no topic pages), and the matching alone. */
  entities?: { withoutWallSeconds: number; pagesWithout: number; matching: ReturnType<typeof measureMatching> };
  search?: Timed & { pages: number };
  /** `npm run status -- --weeks 4` on the corpus: reading every post, then the desk. */
  status?: Timed;
  /** The same build again with the share images cached, and without share images (SHARE_IMAGES=0). */
  share?: { warm: Timed & BuildPhases; without: Timed };
}

const PAGEFIND = path.join(ROOT, "node_modules/@pagefind/linux-x64/bin/pagefind_extended");

async function benchSize(posts: number, options: { quick: boolean; entities: boolean }): Promise<SizeReport> {
  // Outside the project: Eleventy's watcher ignores git-ignored folders, and the edit must be seen.
  const work = mkdtempSync(path.join(tmpdir(), `bench-${posts}-`));
  const corpus = path.join(work, "content");
  generateCorpus(corpus, { posts });
  const large = posts > 10000;

  const fullOut = path.join(work, "site");
  // A cache of share images of its own: the first build draws every image (a cold build).
  const shareCache = path.join(work, "share-images");
  const full = await measure(process.execPath, ["--import", "tsx", "scripts/build.ts"], { CONTENT_DIR: corpus, OUTPUT_DIR: fullOut, BUILD_TIME, SHARE_IMAGE_CACHE: shareCache });
  if (!full.ok) throw new Error(`full build failed at ${posts} posts:\n${full.output.slice(-3000)}`);

  const refDir = path.join(work, "reference");
  writeReference(refDir, corpus);
  const refOut = path.join(work, "reference-site");
  const eleventy = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
  const refEleventy = await measure(process.execPath, [eleventy, "--config=eleventy.config.mjs", "--quiet"], { OUTPUT_DIR: refOut }, refDir);
  if (!refEleventy.ok) throw new Error(`reference build failed at ${posts} posts:\n${refEleventy.output.slice(-3000)}`);
  const refPagefind = await measure(PAGEFIND, ["--site", refOut, "--silent"], {});
  if (!refPagefind.ok) throw new Error(`Pagefind on the reference failed at ${posts} posts:\n${refPagefind.output.slice(-3000)}`);
  const sum = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a + b);
  const reference = {
    wallSeconds: refEleventy.wallSeconds + refPagefind.wallSeconds,
    cpuSeconds: sum(refEleventy.cpuSeconds, refPagefind.cpuSeconds),
    peakMemoryMB: Math.max(refEleventy.peakMemoryMB ?? 0, refPagefind.peakMemoryMB ?? 0) || undefined,
    pages: countFiles(refOut, ".html"),
    eleventy: timed(refEleventy),
    pagefind: timed(refPagefind),
  };

  const report: SizeReport = {
    posts,
    full: { ...timed(full), pages: countFiles(fullOut, ".html"), ...phasesOf(full.output) },
    reference,
    ratio: full.wallSeconds / reference.wallSeconds,
  };

  if (spawnSync("hugo", ["version"]).status === 0) {
    const hugoDir = path.join(work, "hugo");
    writeHugo(hugoDir, corpus);
    const hugoOut = path.join(work, "hugo-site");
    const hugo = await measure("hugo", ["--quiet", "--source", hugoDir, "--destination", hugoOut], {});
    if (hugo.ok) {
      report.hugo = { ...timed(hugo), pages: countFiles(hugoOut, ".html") };
      report.hugoRatio = full.wallSeconds / hugo.wallSeconds;
    } else console.log(`hugo failed at ${posts} posts:\n${hugo.output.slice(-2000)}`);
  }

  // What the share images cost: the build again with every image cached, and without them.
  if (!large) {
    const warm = await measure(process.execPath, ["--import", "tsx", "scripts/build.ts"], { CONTENT_DIR: corpus, OUTPUT_DIR: path.join(work, "site-warm"), BUILD_TIME, SHARE_IMAGE_CACHE: shareCache });
    const without = await measure(process.execPath, ["--import", "tsx", "scripts/build.ts"], { CONTENT_DIR: corpus, OUTPUT_DIR: path.join(work, "site-plain"), BUILD_TIME, SHARE_IMAGES: "0" });
    if (warm.ok && without.ok) report.share = { warm: { ...timed(warm), ...phasesOf(warm.output) }, without: timed(without) };
    rmSync(path.join(work, "site-warm"), { recursive: true, force: true });
    rmSync(path.join(work, "site-plain"), { recursive: true, force: true });
  }

  if (!large && (!options.quick || posts <= 4000)) report.rebuild = await measureRebuild(corpus, path.join(work, "watch-site"));

  // What the registry costs: the same posts built without it, then the scan alone.
  if (options.entities && !large) {
    const matching = measureMatching(work);
    const parked = path.join(work, "entities-parked");
    renameSync(path.join(corpus, "entities"), parked);
    const withoutOut = path.join(work, "site-without-entities");
    const without = await measure(process.execPath, ["--import", "tsx", "scripts/build.ts"], { CONTENT_DIR: corpus, OUTPUT_DIR: withoutOut, BUILD_TIME });
    renameSync(parked, path.join(corpus, "entities"));
    if (without.ok) report.entities = { withoutWallSeconds: without.wallSeconds, pagesWithout: countFiles(withoutOut, ".html"), matching };
  }

  // The search index on its own: Pagefind's CLI with the settings the build uses.
  if (existsSync(PAGEFIND) && !large) {
    const search = await measure(PAGEFIND, ["--site", fullOut, "--glob", SEARCHED_PAGES, "--output-path", path.join(work, "pagefind"), "--silent"], {});
    report.search = { ...timed(search), pages: countFiles(path.join(work, "pagefind/fragment"), ".pf_fragment") };
  }
  const status = await measure(process.execPath, ["--import", "tsx", "scripts/status.ts", "--weeks", "4"], { CONTENT_DIR: corpus, BUILD_TIME });
  if (status.ok) report.status = timed(status);
  rmSync(work, { recursive: true, force: true });
  return report;
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits));

function printTable(reports: SizeReport[]): void {
  console.log("\n| posts | full wall s | full CPU s | full peak MB (build process) | pages | content s | Eleventy s (runs) | search s | links s | stories s | reference + Pagefind wall s | ref peak MB | ref pages | full/ref | Hugo wall s | Hugo peak MB | Hugo pages | full/Hugo | rebuild s |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of reports) {
    const rebuild = r.rebuild && "seconds" in r.rebuild ? fmt(r.rebuild.seconds, 2) : r.rebuild ? "error" : "–";
    const f = r.full;
    console.log(
      `| ${r.posts} | ${fmt(f.wallSeconds)} | ${fmt(f.cpuSeconds)} | ${f.peakMemoryMB ?? "–"} (${f.buildProcessMB ?? "–"}) | ${f.pages} | ${fmt(f.contentSeconds)} | ${fmt(f.eleventySeconds)} (${f.eleventyRuns ?? "–"}) | ${fmt(f.searchSeconds)} | ${fmt(f.linkSeconds)} | ${fmt(f.storiesSeconds, 2)} | ${fmt(r.reference.wallSeconds)} (${fmt(r.reference.eleventy.wallSeconds)} + ${fmt(r.reference.pagefind.wallSeconds)}) | ${r.reference.peakMemoryMB ?? "–"} | ${r.reference.pages} | ${fmt(r.ratio, 2)} | ${fmt(r.hugo?.wallSeconds)} | ${r.hugo?.peakMemoryMB ?? "–"} | ${r.hugo?.pages ?? "–"} | ${fmt(r.hugoRatio, 1)} | ${rebuild} |`,
    );
  }
  const withSearch = reports.filter((r) => r.search);
  if (withSearch.length) {
    console.log("\n| posts | search index alone s | its peak MB |");
    console.log("| ---: | ---: | ---: |");
    for (const r of withSearch) console.log(`| ${r.posts} | ${fmt(r.search!.wallSeconds)} | ${r.search!.peakMemoryMB ?? "–"} |`);
  }
  const withStatus = reports.filter((r) => r.status);
  if (withStatus.length) {
    console.log("\n| posts | npm run status (4 weeks) s | its peak MB |");
    console.log("| ---: | ---: | ---: |");
    for (const r of withStatus) console.log(`| ${r.posts} | ${fmt(r.status!.wallSeconds)} | ${r.status!.peakMemoryMB ?? "–"} |`);
  }
  const withShare = reports.filter((r) => r.share);
  if (withShare.length) {
    console.log("\n| posts | share images | cold build s (drawing s) | warm build s (copying s) | without share images s | cold / without | warm / without |");
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of withShare) {
      const { warm, without } = r.share!;
      console.log(`| ${r.posts} | ${r.full.shareImages ?? "–"} | ${fmt(r.full.wallSeconds)} (${fmt(r.full.shareSeconds)}) | ${fmt(warm.wallSeconds)} (${fmt(warm.shareSeconds)}) | ${fmt(without.wallSeconds)} | ${fmt(r.full.wallSeconds / without.wallSeconds, 2)} | ${fmt(warm.wallSeconds / without.wallSeconds, 2)} |`);
    }
  }
  const withEntities = reports.filter((r) => r.entities);
  if (withEntities.length) {
    console.log("\n| posts | without entities s | pages without | matching s |");
    console.log("| ---: | ---: | ---: | ---: |");
    for (const r of withEntities) console.log(`| ${r.posts} | ${fmt(r.entities!.withoutWallSeconds)} | ${r.entities!.pagesWithout} | ${fmt(r.entities!.matching.seconds, 2)} |`);
  }
  const first = reports[0];
  const last = reports.at(-1);
  console.log("\nTargets (issue #19, 2-core machine): full ≤ 0.6 × (minimal Eleventy + Pagefind) at 4,000 and 10,000 posts; full ≤ 5 × Hugo;");
  console.log("peak memory of the whole build (Pagefind included) ≤ 1 GB at 10,000 posts and ≤ 1.5 GB at 30,000; content stage ≤ 5 s at 10,000;");
  console.log("one edited post rebuilt in ≤ 0.3 s at 10,000; stories ≤ 5 % of the full build.");
  console.log("Share images (issue #18): at most +20 % to a cold build at 10,000 posts, nearly nothing to a warm one.");
  if (first && last && last !== first) console.log(`growth: ${last.posts / first.posts}× posts took ${fmt(last.full.wallSeconds / first.full.wallSeconds, 2)}× time and ${fmt((last.full.peakMemoryMB ?? 0) / (first.full.peakMemoryMB ?? 1), 2)}× memory`);
}

interface PathologicalTiming {
  megabytes: number;
  seconds: number;
}

interface PathologicalReport {
  name: string;
  small: PathologicalTiming;
  /** Four times the size; left out when the small one took longer than PATHOLOGICAL_BUDGET_S. */
  large?: PathologicalTiming;
}

/** A small size slower than this is not tried at four times the size (a quadratic input would take 16 times as long). */
const PATHOLOGICAL_BUDGET_S = 5;

/**
 * Each pathological input, and a real brief repeated, through normalizePost and renderBody
 * at the size its test runs and a quarter of it (`--quick`), or that size and four times it.
 */
function benchPathological(quick: boolean): PathologicalReport[] {
  const targets = pathologicalTargets();
  const [small, large] = quick ? [1 / 4, 1] : [1, 4];
  const time = (input: PathologicalInput, bytes: number): PathologicalTiming => {
    const text = input.build(Math.round(bytes));
    const started = performance.now();
    processPost(text, input.contentPath, targets);
    return { megabytes: Buffer.byteLength(text) / 2 ** 20, seconds: (performance.now() - started) / 1000 };
  };
  time(NORMAL_POST, 64 * 1024); // compiles the code paths before anything is timed
  return [NORMAL_POST, ...PATHOLOGICAL_INPUTS].map((input) => {
    const first = time(input, input.bytes * small);
    return { name: input.name, small: first, large: first.seconds > PATHOLOGICAL_BUDGET_S ? undefined : time(input, input.bytes * large) };
  });
}

function printPathological(reports: PathologicalReport[]): void {
  const perMB = (t?: PathologicalTiming) => (t ? t.seconds / t.megabytes : undefined);
  const normal = perMB(reports[0]!.large) ?? perMB(reports[0]!.small)!;
  console.log("\nPathological input (normalizePost + renderBody); growth: s per MB at 4× the size ÷ at 1× (1 linear, 4 quadratic):");
  console.log("| input | MB | s per MB | MB (4×) | s per MB | growth | ÷ a real brief |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of reports) {
    const large = perMB(r.large);
    console.log(
      `| ${r.name.replace(/\|/g, "\\|")} | ${fmt(r.small.megabytes, 3)} | ${fmt(perMB(r.small), 2)} | ${fmt(r.large?.megabytes, 3)} | ${fmt(large, 2)} | ${fmt(large === undefined ? undefined : large / perMB(r.small)!, 1)} | ${fmt((large ?? perMB(r.small)!) / normal, 1)} |`,
    );
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      scale: { type: "boolean", default: false },
      entities: { type: "boolean", default: false },
      sizes: { type: "string" },
      out: { type: "string", default: "bench-results/report.json" },
    },
  });
  const sizes = values.sizes ? values.sizes.split(",").map(Number) : values.quick ? [1000] : [1000, 4000, 10000];
  if (values.scale) sizes.push(30000);
  console.log(`bench: ${sizes.join(", ")} posts on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  const reports: SizeReport[] = [];
  for (const size of sizes) {
    console.log(`\n== ${size} posts`);
    const report = await benchSize(size, { quick: values.quick!, entities: values.entities! });
    console.log(JSON.stringify(report));
    reports.push(report);
  }
  printTable(reports);
  const pathological = benchPathological(values.quick!);
  printPathological(pathological);
  const out = path.resolve(ROOT, values.out!);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, reports, pathological }, null, 2));
  console.log(`\nreport: ${path.relative(ROOT, out)}`);
  return 0;
}

process.exitCode = await main();

/**
 * npm run bench [-- --quick] [--sizes 1000,4000,10000] [--out bench-results/report.json]
 *
 * Generates a deterministic bilingual corpus at each size and, in the same run, builds it
 * with the full site (`npm run build`) and with a minimal Eleventy reference (one layout, a
 * tag page per tag, one feed) on the same Markdown. Prints wall time, CPU time and peak
 * memory of each, the ratio full/reference and the pages produced; measures the rebuild
 * after editing one post in watch mode and the search index on its own; measures what the
 * entity registry costs (the same build without it, and the matching alone) and the stories
 * stage (as the build prints it); writes a JSON report. It asserts nothing about time:
 * targets are printed next to the numbers.
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

const ROOT = path.resolve(import.meta.dirname, "..");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
/** Corpus dates lie before this moment, so every post is live. */
const BUILD_TIME = "2030-01-01";

interface Measure {
  wallSeconds: number;
  cpuSeconds?: number;
  peakMemoryMB?: number;
  ok: boolean;
  output: string;
}

/** Runs a command under GNU time when present, for CPU time and peak memory. */
function measure(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Measure {
  const started = performance.now();
  const cmd = TIME ? TIME : command;
  const argv = TIME ? ["-f", "__time %e %U %S %M", command, ...args] : args;
  const result = spawnSync(cmd, argv, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wallSeconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  const m = /__time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  return {
    wallSeconds: m ? Number(m[1]) : wallSeconds,
    cpuSeconds: m ? Number(m[2]) + Number(m[3]) : undefined,
    peakMemoryMB: m ? Math.round(Number(m[4]) / 1024) : undefined,
    ok: result.status === 0,
    output,
  };
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

interface SizeReport {
  posts: number;
  full: Omit<Measure, "output"> & { pages: number; searchSeconds?: number; buildProcessMB?: number; storiesSeconds?: number };
  reference: Omit<Measure, "output"> & { pages: number };
  ratio: number;
  rebuild?: { seconds: number; eleventySays?: number } | { error: string };
  /** The same build without content/entities/ (no mentions, no topic pages), and the matching alone. */
  entities?: { withoutWallSeconds: number; pagesWithout: number; matching: ReturnType<typeof measureMatching> };
  search?: Omit<Measure, "output"> & { pages: number };
}

async function benchSize(posts: number, quick: boolean): Promise<SizeReport> {
  // Outside the project: Eleventy's watcher ignores git-ignored folders, and the edit must be seen.
  const work = mkdtempSync(path.join(tmpdir(), `bench-${posts}-`));
  const corpus = path.join(work, "content");
  generateCorpus(corpus, { posts });

  const fullOut = path.join(work, "site");
  const full = measure(process.execPath, ["--import", "tsx", "scripts/build.ts"], { CONTENT_DIR: corpus, OUTPUT_DIR: fullOut, BUILD_TIME });
  if (!full.ok) throw new Error(`full build failed at ${posts} posts:\n${full.output.slice(-3000)}`);
  const searchSeconds = Number(/search: indexed \d+ posts in ([\d.]+) s/.exec(full.output)?.[1]);
  const buildProcessMB = Number(/memory: peak (\d+) MB/.exec(full.output)?.[1]);
  const storiesSeconds = Number(/stories: .* in ([\d.]+) s/.exec(full.output)?.[1]);

  const refDir = path.join(work, "reference");
  writeReference(refDir, corpus);
  const refOut = path.join(work, "reference-site");
  const eleventy = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
  const reference = measure(process.execPath, [eleventy, "--config=eleventy.config.mjs", "--quiet"], { OUTPUT_DIR: refOut }, refDir);
  if (!reference.ok) throw new Error(`reference build failed at ${posts} posts:\n${reference.output.slice(-3000)}`);

  const report: SizeReport = {
    posts,
    full: { wallSeconds: full.wallSeconds, cpuSeconds: full.cpuSeconds, peakMemoryMB: full.peakMemoryMB, ok: true, pages: countFiles(fullOut, ".html"), searchSeconds, buildProcessMB, storiesSeconds },
    reference: { wallSeconds: reference.wallSeconds, cpuSeconds: reference.cpuSeconds, peakMemoryMB: reference.peakMemoryMB, ok: true, pages: countFiles(refOut, ".html") },
    ratio: full.wallSeconds / reference.wallSeconds,
  };

  if (!quick || posts <= 4000) report.rebuild = await measureRebuild(corpus, path.join(work, "watch-site"));

  // What the registry costs: the same posts built without it, then the scan alone.
  const matching = measureMatching(work);
  const parked = path.join(work, "entities-parked");
  renameSync(path.join(corpus, "entities"), parked);
  const withoutOut = path.join(work, "site-without-entities");
  const without = measure(process.execPath, ["--import", "tsx", "scripts/build.ts"], { CONTENT_DIR: corpus, OUTPUT_DIR: withoutOut, BUILD_TIME });
  renameSync(parked, path.join(corpus, "entities"));
  if (without.ok) report.entities = { withoutWallSeconds: without.wallSeconds, pagesWithout: countFiles(withoutOut, ".html"), matching };

  // The search index on its own: Pagefind's CLI with the settings the build uses.
  const pagefind = path.join(ROOT, "node_modules/@pagefind/linux-x64/bin/pagefind_extended");
  if (existsSync(pagefind)) {
    const search = measure(pagefind, ["--site", fullOut, "--glob", SEARCHED_PAGES, "--output-path", path.join(work, "pagefind"), "--silent"], {});
    report.search = { wallSeconds: search.wallSeconds, cpuSeconds: search.cpuSeconds, peakMemoryMB: search.peakMemoryMB, ok: search.ok, pages: countFiles(path.join(work, "pagefind/fragment"), ".pf_fragment") };
  }
  rmSync(work, { recursive: true, force: true });
  return report;
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits));

function printTable(reports: SizeReport[]): void {
  console.log("\n| posts | full wall s | full CPU s | full peak MB (build process) | pages | reference wall s | ref CPU s | ref peak MB | ref pages | full/ref | rebuild s | search s | search peak MB | without entities s | matching s | stories s |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of reports) {
    const rebuild = r.rebuild && "seconds" in r.rebuild ? fmt(r.rebuild.seconds, 2) : r.rebuild ? "error" : "–";
    console.log(
      `| ${r.posts} | ${fmt(r.full.wallSeconds)} | ${fmt(r.full.cpuSeconds)} | ${r.full.peakMemoryMB ?? "–"} (${r.full.buildProcessMB ?? "–"}) | ${r.full.pages} | ${fmt(r.reference.wallSeconds)} | ${fmt(r.reference.cpuSeconds)} | ${r.reference.peakMemoryMB ?? "–"} | ${r.reference.pages} | ${fmt(r.ratio, 2)} | ${rebuild} | ${fmt(r.search?.wallSeconds)} | ${r.search?.peakMemoryMB ?? "–"} | ${fmt(r.entities?.withoutWallSeconds)} | ${fmt(r.entities?.matching.seconds, 2)} | ${fmt(r.full.storiesSeconds, 2)} |`,
    );
  }
  const first = reports[0];
  const last = reports.at(-1);
  console.log("\nTargets (2-core machine): full ≤ 1.25 × reference at every size; 10k time ≤ 11 × 1k time; peak ≤ 1024 MB at 10k;");
  console.log("rebuild of one edited post ≤ 1 s at 4k; search index at 10k ≤ 30 s and ≤ 2048 MB;");
  console.log("entity matching ≤ 10 % of the full build at 10k (\"matching s\": every post scanned for every name of the registry).");
  console.log("stories ≤ 5 % of the full build at 10k (\"stories s\": every news item keyed and grouped into stories, as the build prints it).");
  if (first && last && last !== first) console.log(`growth: ${last.posts / first.posts}× posts took ${fmt(last.full.wallSeconds / first.full.wallSeconds, 2)}× time`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      sizes: { type: "string" },
      out: { type: "string", default: "bench-results/report.json" },
    },
  });
  const sizes = values.sizes ? values.sizes.split(",").map(Number) : values.quick ? [1000] : [1000, 4000, 10000];
  console.log(`bench: ${sizes.join(", ")} posts on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  const reports: SizeReport[] = [];
  for (const size of sizes) {
    console.log(`\n== ${size} posts`);
    const report = await benchSize(size, values.quick!);
    console.log(JSON.stringify(report));
    reports.push(report);
  }
  printTable(reports);
  const out = path.resolve(ROOT, values.out!);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, reports }, null, 2));
  console.log(`\nreport: ${path.relative(ROOT, out)}`);
  return 0;
}

process.exitCode = await main();

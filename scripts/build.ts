/**
 * npm run build: validates every post first (one line per problem, exit 1), then runs
 * Eleventy, the search index and the link check in a staging folder that replaces _site/ only
 * when all of them passed. Nothing is written when content has errors.
 */
import path from "node:path";
import { ContentError, formatProblem } from "../src/content/errors.ts";
import { buildOptions, SettingError, type BuildOptions } from "../src/options.ts";
import { PAGE_TYPES } from "../src/pages/index.ts";
import { checkLinks, formatBrokenLink, linksWrittenLater } from "../src/site/linkcheck.ts";
import { LEFT_OUT } from "../src/site/assets.ts";
import { OutputError, stageOutput, type StagedOutput } from "../src/site/output.ts";
import { writeParts } from "../src/site/parts.ts";
import { forgetBuilds, loadBlog, writePart, type Blog } from "../src/site/plugin.ts";
import { shareImageSummary, writeSiteShareImages } from "../src/site/share-images.ts";

/**
 * Pages Eleventy writes in one run (PAGES_PER_RUN overrides it). Eleventy keeps a run's pages
 * in memory until the run ends, about 100 KB a page; a run costs about a second more.
 */
const PAGES_PER_RUN = 2000;

/** An error's message and those of the errors it wraps (Eleventy's `originalError`), each once. */
function errorChain(error: unknown): string[] {
  const messages: string[] = [];
  for (let e = error as { message?: string; originalError?: unknown } | undefined; e; e = e.originalError as typeof e) {
    const message = String(e.message ?? e);
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}

/** Seconds since the process started, for the phase timings the build prints. */
const since = (from = 0) => ((performance.now() - from) / 1000).toFixed(2);

async function main(): Promise<number> {
  let options;
  let blog: Blog | undefined;
  const loadStarted = performance.now();
  // Eleventy reads the settings again from its config; one notion of now for the whole build,
  // so the blog validated here is the one written (and the clock is not read twice).
  process.env.BUILD_TIME ||= new Date().toISOString();
  try {
    options = buildOptions();
    blog = loadBlog(options);
    const hidden = blog.unpublished;
    const posts = blog.pages.posts.length;
    console.log(`content: ${posts} post${posts === 1 ? "" : "s"}${hidden ? `, ${hidden} drafts or scheduled posts left out` : ""} in ${since(loadStarted)} s`);
    for (const file of blog.assetsLeftOut) console.log(`note: ${file}: ${LEFT_OUT}`);
    const stories = blog.stories;
    console.log(`stories: ${stories.items} news items, ${stories.stories} stories in more than one post (${stories.source} items joined by source, ${stories.entities} by names) in ${stories.seconds.toFixed(2)} s`);
  } catch (error) {
    if (error instanceof ContentError) {
      for (const problem of error.problems) console.error(`error: ${formatProblem(problem)}`);
      console.error(`build failed: ${error.problems.length} content problem${error.problems.length === 1 ? "" : "s"}; nothing was written`);
      return 1;
    }
    if (error instanceof SettingError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  // A fresh folder beside the output folder, so pages of deleted posts never linger and a
  // failed build leaves the last good site; never a folder that holds the project.
  const out = path.resolve(options.root, options.outputDir);
  if (path.resolve(options.root).startsWith(out) || path.resolve(options.root, options.contentDir).startsWith(out + path.sep)) {
    console.error(`error: OUTPUT_DIR ${options.outputDir} would contain the project or its content; choose a separate folder such as _site`);
    return 1;
  }
  let staged: StagedOutput;
  try {
    staged = stageOutput(out);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
  // Interrupted (Ctrl-C, a cancelled CI job): the staged files go, the last good site stays.
  const interrupted = (signal: NodeJS.Signals) => {
    void stopSearch?.();
    staged.discard();
    console.error(`build interrupted (${signal}); ${options!.outputDir} was left as it was`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  // Handed over in a box that writeSite empties, so no frame keeps the blog during the link check.
  const handover = { blog };
  blog = undefined;
  try {
    return await writeSite(handover, options, staged);
  } finally {
    staged.discard();
  }
}

/** Stops the search index under way, if any (an interrupted build). */
let stopSearch: (() => Promise<void>) | undefined;

/** Writes the site into the staged folder; publishes it only when every step passed. */
async function writeSite(handover: { blog?: Blog }, options: BuildOptions, staged: StagedOutput): Promise<number> {
  let blog: Blog | undefined = handover.blog!;
  handover.blog = undefined;
  // Eleventy and the steps after it write into the staged folder (Eleventy reads its config again).
  process.env.OUTPUT_DIR = staged.dir;
  const outputDir = staged.dir;
  const started = performance.now();
  // Loaded only once the content is valid, so a post with an error fails in a moment.
  const [{ default: Eleventy }, { buildSearchIndex, stopSearchIndex, SEARCHED_PAGE_TYPE }] = await Promise.all([import("@11ty/eleventy"), import("../src/search/pagefind.ts")]);
  stopSearch = stopSearchIndex;
  // Links to files written after Eleventy (the page types declare them: the search page's
  // /pagefind/) are checked once those exist.
  const later = linksWrittenLater(PAGE_TYPES, blog.pages);
  const counts = Object.entries(blog.pages).map(([name, pages]) => ({ name, pages: pages.length }));
  const parts = writeParts(counts, options.pagesPerRun ?? PAGES_PER_RUN, [SEARCHED_PAGE_TYPE]);
  // The share images are drawn in worker threads while Eleventy writes the pages.
  const drawing = writeSiteShareImages(blog.pages, options, outputDir);
  drawing.catch(() => undefined);
  // From here the build holds the blog itself; the caches would keep every post's source too.
  forgetBuilds();
  // Each part in a function of its own, so nothing keeps Eleventy's pages once they are written.
  const written = new Set<string>();
  const write = async () => {
    const eleventy = new Eleventy(undefined, undefined, { configPath: "eleventy.config.ts", quietMode: true });
    // One summary for the whole build, printed below, instead of Eleventy's for each run.
    eleventy.disableLogger();
    const [, templates] = (await eleventy.write()) as unknown as [unknown, { outputPath: string }[]];
    for (const { outputPath } of templates) written.add(outputPath);
  };
  let searching: ReturnType<typeof buildSearchIndex> | undefined;
  try {
    for (const [i, part] of parts.entries()) {
      writePart(blog, part);
      await write();
      // Post pages come first: Pagefind (a process of its own) indexes them while Eleventy writes the rest.
      if (!searching && !parts.slice(i + 1).some((next) => next[SEARCHED_PAGE_TYPE])) {
        searching = buildSearchIndex(outputDir);
        // Awaited after the link check; a failure meanwhile must not end the process mid-write.
        searching.catch(() => undefined);
      }
    }
  } catch (error) {
    // A template error stops the build, and the index under way with it.
    await Promise.all([stopSearchIndex(), drawing.catch(() => undefined)]);
    for (const message of errorChain(error)) console.error(`error: ${message}`);
    console.error(`build failed: a page could not be written; ${options.outputDir} was left as it was`);
    return 1;
  }
  writePart(undefined);
  blog = undefined;
  console.log(`built ${options.outputDir}: ${written.size} files in ${((performance.now() - started) / 1000).toFixed(2)} s (${parts.length} run${parts.length === 1 ? "" : "s"} of Eleventy)`);

  try {
    const shared = await drawing;
    for (const note of shared.notes) console.log(`note: ${note}`);
    console.log(shareImageSummary(shared));
  } catch (error) {
    await stopSearchIndex();
    console.error(`error: ${(error as Error).message}`);
    console.error(`build failed: the share images could not be drawn; ${options.outputDir} was left as it was`);
    return 1;
  }

  // The link check runs beside the search index.
  const linksStarted = performance.now();
  // No dead internal link ships: a broken link fails the build.
  const report = checkLinks(outputDir, options.pathPrefix, { skipTarget: later.isTarget });
  const linkSeconds = since(linksStarted);
  const search = await searching!;
  console.log(`search: indexed ${search.pages} posts in ${search.seconds.toFixed(2)} s`);
  report.broken.push(...checkLinks(outputDir, options.pathPrefix, { pages: later.isPage, skipTarget: (p) => !later.isTarget(p) }).broken);
  for (const broken of report.broken) console.error(`error: broken link: ${formatBrokenLink(broken)}`);
  if (report.broken.length > 0) {
    console.error(`build failed: ${report.broken.length} broken internal link${report.broken.length === 1 ? "" : "s"}; ${options.outputDir} was left as it was`);
    return 1;
  }
  const note = staged.publish();
  if (note) console.log(`note: ${note}`);
  console.log(`links: ${report.links} internal links on ${report.pages} pages, none broken (${linkSeconds} s)`);
  // Pagefind runs as its own process; this is the peak of the build itself.
  console.log(`memory: peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB in the build process`);
  return 0;
}

process.exitCode = await main();

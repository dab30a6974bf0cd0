/**
 * npm run edition -- <email|wechat> <post> [--out DIR]
 *
 * Writes a post's email edition (<lang>-<slug>.email.html and .email.txt, to send with a
 * mail service) or its WeChat Official Account edition (<lang>-<slug>.wechat.html, to open
 * in a browser and paste into the editor) into DIR, editions/ by default. <post> is its
 * Markdown file, its page's path or URL, or its slug. Drafts and scheduled posts work too (an
 * editor prepares tomorrow's issue), with a note. Exit 1 on content problems or an unknown
 * post, 2 on a usage error.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentError, formatProblem } from "../src/content/errors.ts";
import { publishAt } from "../src/content/publish.ts";
import { EDITION_KINDS, editionOf, type EditionKind } from "../src/editions/edition.ts";
import { editionFiles } from "../src/editions/files.ts";
import { findPost } from "../src/editions/find.ts";
import { writeEditionFiles } from "../src/editions/write.ts";
import { isoDateTime } from "../src/i18n/dates.ts";
import { buildOptions, SettingError } from "../src/options.ts";
import { loadBlog, type Blog } from "../src/site/plugin.ts";

const USAGE = "usage: npm run edition -- <email|wechat> <post> [--out DIR]   (<post>: its Markdown file, page URL or slug)";

export interface EditionRun {
  code: number;
  /** Lines for stdout: the files written, notes, the paste hint. */
  out: string[];
  /** Lines for stderr: errors and the usage line. */
  err: string[];
}

export interface RunContext {
  env?: NodeJS.ProcessEnv;
  /** The project root: npm runs scripts there. */
  root?: string;
  /** Where the editor typed the command (npm keeps it in INIT_CWD). */
  cwd?: string;
}

export function runEdition(args: string[], context: RunContext = {}): EditionRun {
  const env = context.env ?? process.env;
  const root = context.root ?? process.cwd();
  const cwd = context.cwd ?? env.INIT_CWD ?? root;
  const out: string[] = [];
  const err: string[] = [];
  const usage = (problem?: string): EditionRun => ({ code: 2, out, err: [...err, ...(problem ? [`error: ${problem}`] : []), USAGE] });

  let values: { out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" } } }));
  } catch (error) {
    return usage((error as Error).message);
  }
  const [kind, query, ...extra] = positionals;
  if (!kind || !query || extra.length) return usage();
  if (!(EDITION_KINDS as readonly string[]).includes(kind)) return usage(`"${kind}" is not an edition; expected ${EDITION_KINDS.join(" or ")}`);

  let options;
  let blog: Blog;
  try {
    options = buildOptions(env, root);
    // Every post, drafts and scheduled ones too: an edition is often made before its post is out.
    blog = loadBlog({ ...options, includeUnpublished: true });
  } catch (error) {
    if (error instanceof ContentError) {
      for (const problem of error.problems) err.push(`error: ${formatProblem(problem)}`);
      err.push(`edition failed: ${error.problems.length} content problem${error.problems.length === 1 ? "" : "s"}; nothing was written`);
      return { code: 1, out, err };
    }
    if (error instanceof SettingError) return { code: 1, out, err: [`error: ${error.message}`] };
    throw error;
  }

  const pages = blog.pages.posts;
  const found = findPost(query, pages, { root: options.root, contentDir: options.contentDir, cwd, pathPrefix: options.pathPrefix });
  if (!found.page) {
    err.push(`error: ${found.error}`);
    if (found.suggestions.length) err.push("close matches:", ...found.suggestions.map((s) => `  ${s}`));
    return { code: 1, out, err };
  }
  const page = found.page;
  const { post } = page;

  if (page.status === "draft") out.push(`note: ${post.sourcePath} is a draft: its page is not on the site until "draft" is removed, and the edition's links to it lead nowhere until then`);
  if (page.status === "scheduled") out.push(`note: ${post.sourcePath} is scheduled for ${isoDateTime(publishAt(post), options.config.timeZone)}: send or publish the edition after that, when its page is live`);

  // Links to other posts that are not out yet would lead nowhere; the edition leaves them out.
  const unpublished = new Map(pages.filter((p) => p.status !== "published").map((p) => [p.url, p.post.sourcePath]));
  const leftOut = [...page.weekDigests, ...page.weekDailies, ...page.weekDeepDives].filter((link) => unpublished.has(link.url));
  for (const link of leftOut) out.push(`note: the week's link to ${unpublished.get(link.url)} is left out: that post is not published yet`);

  const edition = editionOf(page, options.config, { isLive: (url) => !unpublished.has(url) });
  // --out is read from where the editor typed it; the default is editions/ in the project.
  const outDir = values.out === undefined ? path.resolve(options.root, "editions") : path.resolve(cwd, values.out);
  const written = writeEditionFiles(outDir, editionFiles(edition, kind as EditionKind), { root: options.root, contentDir: options.contentDir });
  if (written.error !== undefined) return { code: 1, out, err: [`error: ${written.error}`] };
  out.push(...written.written);
  if (kind === "wechat") {
    out.push(`paste: open ${written.written[0]} in a browser, select all, copy, and paste into a new article at mp.weixin.qq.com (title and digest go in their own fields)`);
  }
  return { code: 0, out, err };
}

function main(): number {
  const run = runEdition(process.argv.slice(2));
  for (const line of run.out) console.log(line);
  for (const line of run.err) console.error(line);
  return run.code;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

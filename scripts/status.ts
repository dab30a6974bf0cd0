/**
 * npm run status [-- --week 2026-W06] [--weeks N] [--json]
 * npm run status -- --accept <translation>
 *
 * The editor's desk: for the current ISO week and the one before (or the weeks asked), each
 * day's brief per language, the week's digests and deep dives, each post's translation state,
 * and one line per thing to do against the site's rhythm (src/config.ts). It reports; it exits
 * 0 whatever it finds (2 on a bad argument). `--accept` records that a translation is in step
 * with its original as the original is now, editing only its `translationOf` field.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { otherLang } from "../src/config.ts";
import { isoWeekOf, normalizeWeek } from "../src/content/dates.ts";
import { bodyDigest } from "../src/content/digest.ts";
import { formatProblem } from "../src/content/errors.ts";
import { loadContent } from "../src/content/load.ts";
import { relativePath } from "../src/content/files.ts";
import type { Post } from "../src/content/schema.ts";
import { changedBesidesRecord, withTranslationOf, type Recorded } from "../src/desk/accept.ts";
import { weeksEnding } from "../src/desk/desk.ts";
import { deskText } from "../src/desk/format.ts";
import { loadDesk } from "../src/desk/load.ts";
import { translationStates } from "../src/desk/translations.ts";
import { buildOptions, SettingError, type BuildOptions } from "../src/options.ts";

const USAGE = "usage: npm run status [-- --week 2026-W06] [--weeks N] [--json]  |  npm run status -- --accept <translation file>";

export interface StatusResult {
  code: number;
  /** What goes to standard output. */
  out: string;
  /** What goes to standard error. */
  err: string;
}

/**
 * Records in a translation's front matter that it translates its original as the original is
 * now. The translation's original is the post its `translationOf` names, else the post of the
 * other language it pairs with.
 */
export function acceptTranslation(options: BuildOptions, file: string, cwd = options.root): StatusResult {
  const fail = (message: string): StatusResult => ({ code: 1, out: "", err: `error: ${message}\n` });
  const { posts, problems } = loadContent({ root: options.root, contentDir: options.contentDir, timeZone: options.config.timeZone, authors: options.config.authors });
  const sourcePath = relativePath(options.root, path.resolve(cwd, file));
  const post = posts.find((p) => p.sourcePath === sourcePath);
  if (!post) {
    const own = problems.filter((p) => p.file === sourcePath);
    if (own.length) return fail(`${sourcePath} does not read, so nothing was recorded:\n${own.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    return fail(`${sourcePath} is not a post under ${options.contentDir}/; name a translation's file, such as content/en/weekly/2026-w06-x.md`);
  }
  const state = translationStates(posts, options.config.rhythm.translated, options.config.defaultLang).get(post)!;
  let original: Post | undefined;
  if (post.translationOf) {
    original = state.original;
    if (!original) return fail(`${sourcePath}: translationOf names ${post.translationOf.source}, which is no post; set translationOf.source to the original's path below ${options.contentDir}/ and run this again`);
  } else if (state.state === "untracked") {
    original = state.original === post ? state.translation : state.original;
  } else if (state.translation && state.translation !== post) {
    return fail(`${sourcePath} is the original of ${state.translation.sourcePath}; accept the translation: npm run status -- --accept ${state.translation.sourcePath}`);
  }
  if (!original) {
    return fail(`${sourcePath} has no original: no ${otherLang(post.lang)} post pairs with it; give both the same translationKey, or the same path under ${options.contentDir}/${otherLang(post.lang)}/`);
  }
  const record: Recorded = { source: original.contentPath, slug: original.slug, digest: bodyDigest(original.body) };
  const current = post.translationOf;
  if (current && current.digest === record.digest && current.source === record.source && current.slug === record.slug) {
    return { code: 0, out: `${sourcePath} already translates ${original.sourcePath} as it is; nothing written\n`, err: "" };
  }
  const absolute = path.resolve(options.root, sourcePath);
  const before = readFileSync(absolute, "utf8");
  let after: string;
  try {
    after = withTranslationOf(before, record);
  } catch (error) {
    return fail(`${sourcePath}: ${(error as Error).message}: source: ${record.source}, slug: ${record.slug}, digest: ${record.digest}; nothing was written`);
  }
  const problem = changedBesidesRecord(before, after, { sourcePath, contentPath: post.contentPath, timeZone: options.config.timeZone, authors: options.config.authors }, record);
  if (problem) return fail(`${sourcePath}: ${problem}; nothing was written. Set translationOf by hand: source: ${record.source}, slug: ${record.slug}, digest: ${record.digest}`);
  writeFileSync(absolute, after);
  return { code: 0, out: `${sourcePath} now translates ${original.sourcePath} as it is (translationOf.digest ${record.digest})\n`, err: "" };
}

/** `npm run status` with its arguments; the caller prints the result. */
export function runStatus(args: string[], env: NodeJS.ProcessEnv = process.env, root = process.cwd()): StatusResult {
  const usage = (message: string): StatusResult => ({ code: 2, out: "", err: `error: ${message}\n${USAGE}\n` });
  let values: { week?: string; weeks?: string; json?: boolean; accept?: string };
  try {
    ({ values } = parseArgs({ args, options: { week: { type: "string" }, weeks: { type: "string" }, json: { type: "boolean" }, accept: { type: "string" } } }));
  } catch (error) {
    return usage((error as Error).message);
  }
  let options: BuildOptions;
  try {
    options = buildOptions(env, root);
  } catch (error) {
    if (error instanceof SettingError) return { code: 2, out: "", err: `error: ${error.message}\n` };
    throw error;
  }
  if (values.accept !== undefined) return acceptTranslation(options, values.accept, root);

  let last = isoWeekOf(options.now, options.config.timeZone);
  if (values.week !== undefined) {
    const week = normalizeWeek(values.week);
    if (!week) return usage(`--week: "${values.week}" is not an ISO week; expected the form 2026-W06 (weeks 01 to 52, or 53 in the years that have one)`);
    last = week;
  }
  let count = values.week !== undefined ? 1 : 2;
  if (values.weeks !== undefined) {
    count = Number(values.weeks);
    if (!Number.isInteger(count) || count < 1 || count > 520) return usage(`--weeks: "${values.weeks}" is not a number of weeks; expected a whole number from 1 to 520, such as 4`);
  }
  const { desk, unreadable } = loadDesk(options, weeksEnding(last, count));
  const warning = unreadable.length ? `warning: ${unreadable.length} file${unreadable.length === 1 ? "" : "s"} could not be read and ${unreadable.length === 1 ? "is" : "are"} left out (${unreadable.slice(0, 3).join(", ")}${unreadable.length > 3 ? ", …" : ""}); npm run check says why\n` : "";
  if (values.json) return { code: 0, out: `${JSON.stringify({ ...desk, unreadable }, null, 2)}\n`, err: warning };
  return { code: 0, out: `${deskText(desk, options.config.rhythm)}\n`, err: warning };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = runStatus(process.argv.slice(2));
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exitCode = result.code;
}

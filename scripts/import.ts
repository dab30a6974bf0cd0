/**
 * npm run import -- <files or folders> [--force] [--dry-run] [--content DIR] [--base-url URL] [--date YYYY-MM-DD] [--title TEXT]
 *
 * Reads posts in any shape the site accepts, or whole Hugo, Jekyll, Hexo, Zola, Docusaurus,
 * VitePress or Astro sites, converts other generators' syntax, brings local images along and
 * writes each post to content/{lang}/{kind}/{slug}.md (src/import/). Never overwrites an
 * existing file without --force.
 */
import { parseArgs } from "node:util";
import { site } from "../src/config.ts";
import { parseDate } from "../src/content/dates.ts";
import { importPosts as importWith, type ImportOptions, type ImportResult } from "../src/import/import.ts";
import { isSiteFile, MEDIA_DIR } from "../src/site/assets.ts";

export type { ImportResult };

/** What the command line says; the rest comes from the site's settings. */
export type ImportCommandOptions = Omit<ImportOptions, "timeZone" | "authors" | "isWebFile" | "mediaDir"> & Partial<ImportOptions>;

/** The import with this site's settings; tests and the command line pass the rest. */
export function importPosts(inputs: string[], options: ImportCommandOptions): ImportResult {
  return importWith(inputs, { timeZone: site.timeZone, authors: site.authors, isWebFile: isSiteFile, mediaDir: MEDIA_DIR, ...options });
}

const USAGE = "usage: npm run import -- <files or folders> [--force] [--dry-run] [--content DIR] [--base-url https://old.example/] [--date YYYY-MM-DD] [--title TEXT]";

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      content: { type: "string", default: "content" },
      "base-url": { type: "string" },
      date: { type: "string" },
      title: { type: "string" },
    },
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const baseUrl = values["base-url"];
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
    console.error(`error: --base-url "${baseUrl}" is not an address; expected one such as https://old.example/`);
    return 2;
  }
  if (values.date !== undefined && !parseDate(values.date, site.timeZone)) {
    console.error(`error: --date "${values.date}" is not a date; expected YYYY-MM-DD or a date-time such as 2026-02-06T08:00:00+08:00`);
    return 2;
  }
  const result = importPosts(positionals, {
    root: process.cwd(),
    contentDir: values.content!,
    force: values.force!,
    dryRun: values["dry-run"]!,
    baseUrl,
    date: values.date,
    title: values.title,
    log: (l) => console.log(l),
    error: (l) => console.error(l),
  });
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  console.log(
    `${result.written.length} imported (${n(result.converted, "form")} converted, ${n(result.assets.length, "file")} copied to ${values.content}/${MEDIA_DIR}/), ` +
      `${result.attention.length} need${result.attention.length === 1 ? "s" : ""} attention, ${result.skipped.length} skipped, ${result.failed.length} failed`,
  );
  return result.failed.length > 0 || result.skipped.length > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

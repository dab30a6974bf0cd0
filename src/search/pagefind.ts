import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { LANGS } from "../config.ts";

/** Post pages of the languages a glob alternative names ("zh" or "{zh,en}"). */
const postPages = (langs: string) => `${langs}/{weekly,daily,deep-dive}/*/index.html`;

/** Only post pages carry data-pagefind-body; reading the other pages would be wasted work. */
export const SEARCHED_PAGES = postPages(`{${LANGS.join(",")}}`);
/** The page type whose pages SEARCHED_PAGES matches: the build writes them first and indexes them while it writes the rest. */
export const SEARCHED_PAGE_TYPE = "posts";

export interface SearchIndexReport {
  pages: number;
  seconds: number;
}

/**
 * Builds the Pagefind index of a built site. Only elements marked data-pagefind-body (post
 * titles and bodies) are indexed, so lists, navigation and footers stay out; the filters,
 * sort and metadata come from the post page's attributes (layouts/post.njk). Pagefind keeps
 * one index per <html lang> and segments Chinese words; the search page merges the other
 * language's index from this same bundle when asked (assets/search.js). Each language is indexed in a
 * Pagefind process of its own, one after the other: Pagefind holds its whole index in memory
 * (3.3 GB for 10,000 posts in one process), so the two halves are never held at once.
 */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const output = path.join(outDir, "pagefind");
  let pages = 0;
  let entry: { languages?: Record<string, unknown> } = {};
  const languages: Record<string, unknown> = {};
  for (const lang of LANGS) {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    try {
      const added = await index.addDirectory({ path: outDir, glob: postPages(lang) });
      if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
      pages += added.page_count;
      // The bundle comes back in memory and is written here, so every file is complete on disk
      // before the Pagefind process is closed. The files both processes write (the client,
      // its UI) are the same; the entry file lists the languages, so it is merged below.
      const bundle = await index.getFiles();
      if (bundle.errors.length) throw new Error(`search index: ${bundle.errors.join("; ")}`);
      for (const file of bundle.files) {
        if (file.path === "pagefind-entry.json") {
          entry = JSON.parse(Buffer.from(file.content).toString("utf8")) as typeof entry;
          Object.assign(languages, entry.languages);
          continue;
        }
        const target = path.join(output, file.path);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
    } finally {
      await pagefind.close();
    }
  }
  // Sorted: Pagefind lists languages in no fixed order, and builds are byte-identical.
  entry.languages = Object.fromEntries(Object.entries(languages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(output, "pagefind-entry.json"), JSON.stringify(entry));
  return { pages, seconds: (performance.now() - started) / 1000 };
}

/** Stops an index under way (the build failed elsewhere): its Pagefind process ends now. */
export async function stopSearchIndex(): Promise<void> {
  await pagefind.close();
}

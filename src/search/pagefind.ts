import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/** Only post pages carry data-pagefind-body; reading the other pages would be wasted work. */
export const SEARCHED_PAGES = "{zh,en}/{weekly,daily,deep-dive}/*/index.html";

export interface SearchIndexReport {
  pages: number;
  seconds: number;
}

/**
 * Builds the Pagefind index of a built site. Only elements marked data-pagefind-body (post
 * titles and bodies) are indexed, so lists, navigation and footers stay out; Pagefind
 * keeps one index per <html lang> and segments Chinese words.
 */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
  if (!index) throw new Error(`search index: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: SEARCHED_PAGES });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    const output = path.join(outDir, "pagefind");
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    sortEntryLanguages(path.join(output, "pagefind-entry.json"));
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/** Pagefind lists the languages of its entry file in no fixed order; sorting them keeps builds byte-identical. */
function sortEntryLanguages(file: string): void {
  const entry = JSON.parse(readFileSync(file, "utf8")) as { languages?: Record<string, unknown> };
  if (entry.languages) entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, JSON.stringify(entry));
}

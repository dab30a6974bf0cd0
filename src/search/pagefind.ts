import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/** Only post pages carry data-pagefind-body; reading the other pages would be wasted work. */
export const SEARCHED_PAGES = "{zh,en}/{weekly,daily,deep-dive}/*/index.html";
/** The page type whose pages SEARCHED_PAGES matches: the build writes them first and indexes them while it writes the rest. */
export const SEARCHED_PAGE_TYPE = "posts";

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
    // The bundle comes back in memory and is written here, so every file is complete on disk
    // before the Pagefind process is closed.
    const bundle = await index.getFiles();
    if (bundle.errors.length) throw new Error(`search index: ${bundle.errors.join("; ")}`);
    const output = path.join(outDir, "pagefind");
    for (const file of bundle.files) {
      const target = path.join(output, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.path === "pagefind-entry.json" ? sortEntryLanguages(file.content) : file.content);
    }
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/** Pagefind lists the languages of its entry file in no fixed order; sorting them keeps builds byte-identical. */
function sortEntryLanguages(content: Uint8Array): string {
  const entry = JSON.parse(Buffer.from(content).toString("utf8")) as { languages?: Record<string, unknown> };
  if (entry.languages) entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(entry);
}

/** Stops an index under way (the build failed elsewhere): its Pagefind process ends now. */
export async function stopSearchIndex(): Promise<void> {
  await pagefind.close();
}

import type { ContentProblem } from "../content/errors.ts";

/** What the check needs to know of an item. */
export interface CitingItem {
  post: { kind: string; lang: string; sourcePath: string; date: Date };
  /** 1-based line in the post's file. */
  line: number;
  headline: string;
  sources: string[];
}

/**
 * Items of daily briefs that cite a page an earlier brief's item in the same language already
 * cited: most often the same news added twice (a translation cites its source's pages by
 * design). Each is named with the item it repeats (file and line of both); the earliest
 * citation is the original. One pass over the items.
 */
export function repeatedSources(items: readonly CitingItem[]): ContentProblem[] {
  const briefs = items
    .filter((item) => item.post.kind === "daily")
    .sort((a, b) => a.post.date.getTime() - b.post.date.getTime() || a.post.sourcePath.localeCompare(b.post.sourcePath) || a.line - b.line);
  const first = new Map<string, CitingItem>();
  const problems: ContentProblem[] = [];
  for (const item of briefs) {
    for (const source of item.sources) {
      const key = `${item.post.lang} ${source}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, item);
        continue;
      }
      if (earlier === item) continue;
      problems.push({
        file: item.post.sourcePath,
        line: item.line,
        field: "source",
        message: `"${item.headline}" cites ${source}, which ${earlier.post.sourcePath}:${earlier.line} ("${earlier.headline}") already cites; it may be the same news twice`,
      });
      break;
    }
  }
  return problems;
}

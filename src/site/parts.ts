/**
 * A one-shot build writes the site in parts. Eleventy keeps every page it renders in memory
 * until its run ends, so each run is handed a bounded number of pages; the memory a build
 * needs then grows with the page models, not with every rendered page.
 */

/** Which pages of each page type a run writes: [start, end) into `blog.pages.<name>`. */
export type PagePart = Record<string, readonly [number, number]>;

/**
 * Cuts the pages into parts of at most `size` pages (a page type may span parts), page types
 * named in `first` before the others, each in registry order. There is always one part.
 */
export function writeParts(counts: readonly { name: string; pages: number }[], size: number, first: readonly string[] = []): PagePart[] {
  if (!(size >= 1)) throw new Error(`part size must be at least 1, got ${size}`);
  const ordered = [...counts.filter((c) => first.includes(c.name)), ...counts.filter((c) => !first.includes(c.name))];
  const parts: PagePart[] = [];
  let current: Record<string, [number, number]> = {};
  let room = size;
  for (const { name, pages } of ordered) {
    let start = 0;
    while (start < pages) {
      const take = Math.min(room, pages - start);
      current[name] = [start, start + take];
      start += take;
      room -= take;
      if (room === 0) {
        parts.push(current);
        current = {};
        room = size;
      }
    }
  }
  if (Object.keys(current).length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/** The pages of one part: each page type's slice, empty for the types the part leaves out. */
export function pagesOfPart<Pages extends Record<string, readonly unknown[]>>(pages: Pages, part: PagePart): Pages {
  const sliced: Record<string, readonly unknown[]> = {};
  for (const [name, list] of Object.entries(pages)) {
    const range = part[name];
    sliced[name] = range ? list.slice(range[0], range[1]) : [];
  }
  return sliced as Pages;
}


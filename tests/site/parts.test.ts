import { describe, expect, it } from "vitest";
import { pagesOfPart, writeParts } from "../../src/site/parts.ts";

const counts = [
  { name: "homes", pages: 2 },
  { name: "posts", pages: 5 },
  { name: "tags", pages: 3 },
];

describe("writing the site in parts", () => {
  it("writes every page exactly once, the searched page type first, no part larger than asked", () => {
    const parts = writeParts(counts, 4, ["posts"]);
    expect(parts).toEqual([{ posts: [0, 4] }, { posts: [4, 5], homes: [0, 2], tags: [0, 1] }, { tags: [1, 3] }]);
    for (const size of [1, 2, 3, 7, 100]) {
      const parts = writeParts(counts, size, ["posts"]);
      for (const part of parts) expect(Object.values(part).reduce((n, [a, b]) => n + b - a, 0)).toBeLessThanOrEqual(size);
      for (const { name, pages } of counts) {
        const covered = parts.flatMap((part) => (part[name] ? [part[name]!] : []));
        expect(covered.reduce((n, [a, b]) => n + b - a, 0)).toBe(pages);
        covered.forEach(([start], i) => expect(start).toBe(i === 0 ? 0 : covered[i - 1]![1]));
      }
    }
  });

  it("makes one part of a site with no pages and refuses a size below one", () => {
    expect(writeParts([{ name: "posts", pages: 0 }], 10)).toEqual([{}]);
    expect(() => writeParts(counts, 0)).toThrow(/at least 1/);
  });

  it("hands a run each page type's slice and nothing of the types its part leaves out", () => {
    const pages = { homes: ["zh", "en"], posts: ["a", "b", "c"], tags: ["t"] };
    expect(pagesOfPart(pages, { posts: [1, 3] })).toEqual({ homes: [], posts: ["b", "c"], tags: [] });
  });
});

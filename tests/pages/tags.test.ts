import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";

const blog = buildSite(realPosts(), config);

describe("tag pages, the tag index and author pages", () => {
  it("makes author pages for Jeremy, not tag pages", () => {
    expect(blog.pages.authors.map((a) => a.url).sort()).toEqual(["/en/authors/jeremy/", "/zh/authors/jeremy/"]);
    expect(blog.pages.tags.some((t) => t.tag.name === "Jeremy")).toBe(false);
  });

  it("sorts the tag index by count and paginates tag pages by 20", () => {
    const posts = Array.from({ length: 45 }, (_, i) => post(`en/daily/p${i}.md`, `---\ntitle: P${i}\ndate: 2026-01-${String((i % 28) + 1).padStart(2, "0")}\nslug: p${i}\ntags: [${i < 3 ? "Rare, " : ""}Common]\n---\nx\n`));
    const built = buildSite(posts, config);
    expect(built.pages.tagIndexes.find((t) => t.lang === "en")!.tags.map((t) => [t.name, t.count])).toEqual([["Common", 45], ["Rare", 3]]);
    expect(built.pages.tags.filter((t) => t.tag.slug === "common").map((t) => [t.url, t.items.length])).toEqual([
      ["/en/tags/common/", 20],
      ["/en/tags/common/page/2/", 20],
      ["/en/tags/common/page/3/", 5],
    ]);
  });

});

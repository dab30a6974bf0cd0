import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { post } from "../helpers/content.ts";

describe("redirect pages at old URLs", () => {
  it("makes redirect pages for aliases and refuses an alias that is taken", () => {
    const a = post("en/daily/a.md", "---\ntitle: A\ndate: 2026-03-02\naliases: [/old/a/, /weekly_news/x.html]\n---\nx\n");
    const b = post("en/daily/b.md", "---\ntitle: B\ndate: 2026-03-03\naliases: [/old/a/]\n---\nx\n");
    const built = buildSite([a, b], config);
    expect(built.pages.aliases.map((x) => [x.url, x.to])).toEqual([
      ["/old/a/", "/en/daily/2026-03-02-a/"],
      ["/weekly_news/x.html", "/en/daily/2026-03-02-a/"],
    ]);
    expect(built.problems.map((p) => p.message)).toEqual(["/old/a/ already leads to /en/daily/2026-03-02-a/; an old URL can lead to one page only"]);
  });

  it("keeps quotes and ampersands of an old URL as they are", () => {
    const a = post("en/daily/a.md", `---\ntitle: A\ndate: 2026-03-02\naliases: ["/old/it's&more/"]\n---\nx\n`);
    expect(buildSite([a], config).pages.aliases.map((x) => x.url)).toEqual(["/old/it's&more/"]);
  });
});

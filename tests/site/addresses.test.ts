import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import { PAGE_TYPES } from "../../src/pages/index.ts";
import { addressClashes, siteAddresses, type AddressOwner } from "../../src/site/addresses.ts";
import { findAssets } from "../../src/site/assets.ts";
import { buildSite } from "../../src/site/site.ts";
import { seedBuild, siteFiles } from "../helpers/build.ts";
import { post, realPosts, realRegistry } from "../helpers/content.ts";
import { ROOT } from "../helpers/seeds.ts";

const page = (file: string, url: string, owner = "posts"): AddressOwner => ({ file, url, owner });
const alias = (file: string, url: string, line = 4): AddressOwner => ({ file, url, owner: "aliases", chosenBy: { file: "content/en/daily/a.md", line, field: "aliases" } });

describe("one table of the site's addresses", () => {
  it("names the post and line of an old URL that lands on a file another owner writes", () => {
    const problems = addressClashes([page("zh/index.html", "/zh/", "homes"), alias("zh/index.html", "/zh/")]);
    expect(problems.map(formatProblem)).toEqual([
      "content/en/daily/a.md:4: aliases: /zh/ would overwrite zh/index.html (homes: /zh/); choose an old URL that no page or file of the site has",
    ]);
  });

  it("finds clashes that differ only in letter case or Unicode normalization", () => {
    const composed = "zh/tags/caf\u00e9/index.html";
    const decomposed = "zh/tags/cafe\u0301/index.html";
    const problems = addressClashes([page("en/tags/llm/index.html", "/en/tags/llm/", "tags"), alias("en/tags/LLM/index.html", "/en/tags/LLM/"), page(composed, "/zh/tags/café/", "tags"), alias(decomposed, "/zh/tags/cafe\u0301/", 5)]);
    expect(problems.map((p) => p.message)).toEqual([
      "/en/tags/LLM/ would be written to en/tags/LLM/index.html, the same file as en/tags/llm/index.html on macOS and Windows (the names differ only in letter case or Unicode form) (tags: /en/tags/llm/); choose an old URL that no page or file of the site has",
      `/zh/tags/cafe\u0301/ would be written to ${decomposed}, the same file as ${composed} on macOS and Windows (the names differ only in letter case or Unicode form) (tags: /zh/tags/café/); choose an old URL that no page or file of the site has`,
    ]);
  });

  it("refuses an old URL below a file of the site, or inside a folder a later step writes whole", () => {
    const problems = addressClashes([page("assets/site.css", "/assets/site.css", "assets"), alias("assets/site.css/index.html", "/assets/site.css/"), page("pagefind/", "/pagefind/", "search index"), alias("pagefind/pagefind.js", "/pagefind/pagefind.js")]);
    expect(problems.map((p) => p.message)).toEqual([
      "/assets/site.css/ would be written inside assets/site.css, which is a file (assets: /assets/site.css); choose an old URL that no page or file of the site has",
      "/pagefind/pagefind.js would be written inside pagefind/, a folder written whole after the pages (search index: /pagefind/); choose an old URL that no page or file of the site has",
    ]);
  });

  it("names the old URL when a page of the site needs it to be a folder", () => {
    const problems = addressClashes([alias("old/a.html", "/old/a.html"), page("old/a.html/index.html", "/old/a.html/", "tags")]);
    expect(problems.map((p) => p.message)).toEqual(["/old/a.html would be written to old/a.html, where old/a.html/index.html needs a folder (tags: /old/a.html/); choose an old URL that no page or file of the site has"]);
  });

  it("throws when two of the site's own page types would write one file: a bug, not an editor's mistake", () => {
    expect(() => addressClashes([page("a/index.html", "/a/", "homes"), page("A/index.html", "/A/", "tags")])).toThrow("homes (/a/) and tags (/A/) both write A/index.html; each file of the site needs one owner");
  });

  it("checks every page, fixed file, asset and the search folder of a real build before anything is written", () => {
    const a = post("en/daily/a.md", "---\ntitle: A\ndate: 2026-03-02\naliases:\n  - /zh/\n  - /404.HTML\n  - /assets/site.css/\n  - /pagefind/x.html\n---\nx\n");
    const built = buildSite([a], config, { assets: ["/assets/site.css"] });
    expect(built.problems.map(formatProblem)).toEqual([
      "content/en/daily/a.md:4: aliases: /zh/ would overwrite zh/index.html (homes: /zh/); choose an old URL that no page or file of the site has",
      "content/en/daily/a.md:4: aliases: /404.HTML would be written to 404.HTML, the same file as 404.html on macOS and Windows (the names differ only in letter case or Unicode form) (not-found page: /404.html); choose an old URL that no page or file of the site has",
      "content/en/daily/a.md:4: aliases: /assets/site.css/ would be written inside assets/site.css, which is a file (assets: /assets/site.css); choose an old URL that no page or file of the site has",
      "content/en/daily/a.md:4: aliases: /pagefind/x.html would be written inside pagefind/, a folder written whole after the pages (searches: /pagefind/); choose an old URL that no page or file of the site has",
    ]);
  });

  it("knows every file a real build writes: nothing reaches the output without an owner in the table", () => {
    const assets = findAssets(ROOT).urls;
    const site = buildSite(realPosts(), config, { entities: realRegistry(), assets });
    const owners = siteAddresses(PAGE_TYPES, site.pages, assets);
    const folders = owners.filter((o) => o.file.endsWith("/")).map((o) => o.file);
    const owned = new Set(owners.map((o) => o.file));
    const written = siteFiles(seedBuild().outDir);
    expect(written.filter((file) => !owned.has(file) && !folders.some((folder) => file.startsWith(folder)))).toEqual([]);
    expect([...owned].filter((file) => !file.endsWith("/") && !written.includes(file))).toEqual([]);
  });

  it("refuses an old URL that would climb out of the output folder", () => {
    for (const [url, reason] of [
      ["/old/../../outside/", 'has a "." or ".." segment, which leads outside the site'],
      ["/old/%2e%2e/%2E%2E/x.html", 'has a "." or ".." segment, which leads outside the site'],
      ["/old/..%5C..%5Cx/", "has a backslash or a NUL character"],
      ["/old/%E0%A4%A/", "has a broken percent escape"],
    ]) {
      const { problems } = normalizePost(`---\ntitle: A\ndate: 2026-03-02\naliases: ["${url}"]\n---\nx\n`, { sourcePath: "content/en/daily/a.md", contentPath: "en/daily/a.md", timeZone: config.timeZone, authors: config.authors });
      expect(problems!.map(formatProblem)).toEqual([`content/en/daily/a.md:4: aliases: "${url}" ${reason}; expected a plain path such as /weekly_news/ai_news_2026-W06/`]);
    }
  });
});

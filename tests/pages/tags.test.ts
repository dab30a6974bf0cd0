import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { parseTagRegistry } from "../../src/tags/registry.ts";
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


  it("pairs the pages of equivalent tags: alternates on the first page, the switch from every page", () => {
    const tags = parseTagRegistry({ path: "content/tags.yaml", text: "equivalents:\n  大模型: LLM\nsynonyms:\n  en:\n    LLMs: LLM\n" }).registry;
    const posts = [
      ...Array.from({ length: 21 }, (_, i) => post(`en/daily/p${i}.md`, `---\ntitle: P${i}\ndate: 2026-01-${String(i + 1).padStart(2, "0")}\nslug: p${i}\ntags: [${i % 2 ? "LLMs" : "LLM"}]\n---\nx\n`)),
      post("zh/daily/z.md", "---\ntitle: Z\ndate: 2026-01-05\nslug: z\ntags: [大模型]\n---\n某事\n"),
    ];
    const built = buildSite(posts, config, { tags });
    expect(built.problems).toEqual([]);
    const pages = built.pages.tags.filter((page) => page.tag.slug === "llm" || page.tag.slug === "大模型");
    expect(pages.map((page) => [page.url, page.alternates, page.switchTo.url])).toEqual([
      ["/zh/tags/大模型/", { zh: "/zh/tags/大模型/", en: "/en/tags/llm/" }, "/en/tags/llm/"],
      ["/en/tags/llm/", { en: "/en/tags/llm/", zh: "/zh/tags/大模型/" }, "/zh/tags/大模型/"],
      ["/en/tags/llm/page/2/", { en: "/en/tags/llm/page/2/" }, "/zh/tags/大模型/"],
    ]);
    expect(built.pages.tags.some((page) => page.url.startsWith("/en/tags/llms/"))).toBe(false);
    expect(built.pages.aliases.map((alias) => [alias.url, alias.to])).toEqual([["/en/tags/llms/", "/en/tags/llm/"]]);
  });

  it("reports a merged tag's redirect that would overwrite an old URL a post lists, naming the registry's line", () => {
    const tags = parseTagRegistry({ path: "content/tags.yaml", text: "synonyms:\n  en:\n    LLMs: LLM\n" }).registry;
    const posts = [post("en/daily/a.md", "---\ntitle: A\ndate: 2026-01-02\nslug: a\ntags: [LLM]\naliases: [/en/tags/llms/]\n---\nx\n")];
    expect(buildSite(posts, config, { tags }).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/tags\.yaml:3: synonyms\.en: \/en\/tags\/llms\/ would overwrite en\/tags\/llms\/index\.html \(aliases: \/en\/tags\/llms\/\)/),
    ]);
  });
});

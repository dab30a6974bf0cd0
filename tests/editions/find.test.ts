import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPost } from "../../src/editions/find.ts";

const pages = [
  { post: { sourcePath: "content/zh/weekly/2026-w06-zhou-bao.md", slug: "2026-w06-zhou-bao" }, url: "/zh/weekly/2026-w06-zhou-bao/" },
  { post: { sourcePath: "content/en/weekly/2026-w06-digest.md", slug: "2026-w06-digest" }, url: "/en/weekly/2026-w06-digest/" },
  { post: { sourcePath: "content/zh/daily/2026-02-06-ri-bao.md", slug: "2026-02-06-ri-bao" }, url: "/zh/daily/2026-02-06-ri-bao/" },
  { post: { sourcePath: "content/en/daily/2026-02-06-brief.md", slug: "same" }, url: "/en/daily/same/" },
  { post: { sourcePath: "content/zh/daily/2026-02-06-brief.md", slug: "same" }, url: "/zh/daily/same/" },
];
const root = "/project";
const options = { root, contentDir: "content", cwd: root, pathPrefix: "/" };
const found = (query: string, extra = {}) => findPost(query, pages, { ...options, ...extra }).page?.post.sourcePath;

describe("finding the post an editor names", () => {
  it("by its file: from the root, from where the editor is, under the content folder, or absolute", () => {
    expect(found("content/zh/weekly/2026-w06-zhou-bao.md")).toBe("content/zh/weekly/2026-w06-zhou-bao.md");
    expect(found("weekly/2026-w06-zhou-bao.md", { cwd: path.join(root, "content/zh") })).toBe("content/zh/weekly/2026-w06-zhou-bao.md");
    expect(found("zh/daily/2026-02-06-ri-bao.md")).toBe("content/zh/daily/2026-02-06-ri-bao.md");
    expect(found("/project/content/en/weekly/2026-w06-digest.md")).toBe("content/en/weekly/2026-w06-digest.md");
  });

  it("by its page: a path, with or without its slash, or a full URL below a path prefix", () => {
    expect(found("/zh/daily/2026-02-06-ri-bao/")).toBe("content/zh/daily/2026-02-06-ri-bao.md");
    expect(found("/zh/daily/2026-02-06-ri-bao")).toBe("content/zh/daily/2026-02-06-ri-bao.md");
    expect(found("https://example.com/blog/en/weekly/2026-w06-digest/", { pathPrefix: "/blog/" })).toBe("content/en/weekly/2026-w06-digest.md");
  });

  it("by its slug or file name, unless two posts share it", () => {
    expect(found("2026-w06-digest")).toBe("content/en/weekly/2026-w06-digest.md");
    expect(found("2026-02-06-ri-bao.md")).toBe("content/zh/daily/2026-02-06-ri-bao.md");
    const both = findPost("same", pages, options);
    expect(both.error).toBe('"same" names 2 posts; give the file of the one you mean');
    expect(both.page ? [] : both.suggestions).toEqual(["content/en/daily/2026-02-06-brief.md", "content/zh/daily/2026-02-06-brief.md"]);
  });

  it("lists up to five close matches for an unknown name, the closest first, and none for nonsense", () => {
    const typo = findPost("content/zh/weekly/2026-w06-zhou-bau.md", pages, options);
    expect(typo.error).toBe('no post at "content/zh/weekly/2026-w06-zhou-bau.md": not a Markdown file under content/, a post\'s page URL or its slug');
    expect(typo.page ? [] : typo.suggestions[0]).toBe("content/zh/weekly/2026-w06-zhou-bao.md");
    const cut = findPost("2026-w06-dig", pages, options);
    expect(cut.page ? [] : cut.suggestions[0]).toBe("content/en/weekly/2026-w06-digest.md");
    const nonsense = findPost("banana", pages, options);
    expect(nonsense.page ? [] : nonsense.suggestions).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => ({ post: { sourcePath: `content/zh/daily/2026-02-${10 + i}-x.md`, slug: `2026-02-${10 + i}-x` }, url: `/zh/daily/2026-02-${10 + i}-x/` }));
    const capped = findPost("2026-02-1-x", many, options);
    expect(capped.page ? [] : capped.suggestions).toHaveLength(5);
  });
});

/**
 * What Pagefind reads from each post page of a built site: the filters (kind, week, month,
 * language, tags, entities), the date it sorts by and the metadata the search cards show,
 * taken from the markup the way the attributes in layouts/post.njk declare them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { siteFiles } from "./build.ts";

export interface IndexedPost {
  /** The page's site path, such as /en/weekly/2026-w06-global-tech-and-ai-news/. */
  url: string;
  /** The article's data-pagefind-* attributes as written. */
  attributes: { filter: string; sort: string; meta: string };
  lang: string;
  kind: string;
  week: string;
  month: string;
  /** The ISO date-time results are sorted by. */
  published: string;
  /** Tag names as the post's header shows them. */
  tags: string[];
  /** Entity names as the post's topic list shows them. */
  entities: string[];
}

const POST_PAGE = /^(zh|en)\/(weekly|daily|deep-dive)\/[^/]+\/index\.html$/;

export function indexedPosts(outDir: string): IndexedPost[] {
  return siteFiles(outDir)
    .filter((file) => POST_PAGE.test(file))
    .map((file) => {
      const doc = parseDocument(readFileSync(path.join(outDir, file), "utf8"));
      const article = DomUtils.findOne((el) => el.name === "article" && "data-pagefind-body" in el.attribs, doc.children, true);
      if (!article) throw new Error(`${file}: no data-pagefind-body article`);
      const a = article.attribs;
      const filtered = (key: string) =>
        DomUtils.findAll((el) => el.attribs["data-pagefind-filter"] === key, [article]).map((el) => DomUtils.textContent(el).trim());
      return {
        url: `/${file.replace(/index\.html$/, "")}`,
        attributes: { filter: a["data-pagefind-filter"] ?? "", sort: a["data-pagefind-sort"] ?? "", meta: a["data-pagefind-meta"] ?? "" },
        lang: a["data-lang"] ?? "",
        kind: a["data-kind"] ?? "",
        week: a["data-week"] ?? "",
        month: a["data-month"] ?? "",
        published: a["data-published"] ?? "",
        tags: filtered("tag"),
        entities: filtered("entity"),
      };
    });
}

import { LANGS, otherLang } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { alternatesOf, sitemapLine, paginate, switchOrNearby, type PageBase, type PageType, type Paged } from "../page-type.ts";

/** One page of an author's posts in one language. */
export interface AuthorPage extends PageBase, Paged<PostEntry> {
  author: { id: string; name: string; count: number };
}

export interface AuthorPageOptions {
  /** Posts per page; default: the site's `pageSize`. */
  pageSize?: number;
}

export function authorPages(options: AuthorPageOptions = {}): PageType<"authors", AuthorPage> {
  return {
    name: "authors",
    pages(context) {
      const size = options.pageSize ?? context.config.pageSize;
      return LANGS.flatMap((lang) => {
        const other = otherLang(lang);
        return [...context.authors[lang].values()].flatMap((group) => {
          const id = group.author.id;
          const translated = context.authors[other].has(id);
          return paginate(group.posts.map(context.entryOf), size, (n) => urls.author(lang, id, n)).map((chunk) => ({
            ...chunk,
            lang,
            url: urls.author(lang, id, chunk.pageNumber),
            alternates: alternatesOf([
              [lang, urls.author(lang, id, chunk.pageNumber)],
              [other, chunk.pageNumber === 1 && translated ? urls.author(other, id) : undefined],
            ]),
            switchTo: translated ? { lang: other, url: urls.author(other, id), exact: true } : switchOrNearby(lang, {}, urls.langHome(other)),
            author: { id, name: group.author.name, count: group.posts.length },
          }));
        });
      });
    },
    sitemap: sitemapLine,
  };
}

import { LANGS, otherLang, type Lang } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { groupPages, sitemapLine, type PageBase, type PageType, type Paged } from "../page-type.ts";

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
      return LANGS.flatMap((lang) =>
        [...context.authors[lang].values()].flatMap((group) => {
          const id = group.author.id;
          const url = (l: Lang, page?: number) => urls.author(l, id, page);
          const translated = context.authors[otherLang(lang)].has(id);
          return groupPages(lang, group.posts.map(context.entryOf), size, url, translated, urls.langHome(otherLang(lang))).map((page) => ({
            ...page,
            author: { id, name: group.author.name, count: group.posts.length },
          }));
        }),
      );
    },
    sitemap: sitemapLine,
  };
}

import { LANGS } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { inEveryLang, sitemapLine, switchToSame, type PageBase, type PageType } from "../page-type.ts";

/** A language's search page; Pagefind's files under /pagefind/ are written after Eleventy. */
export interface SearchPage extends PageBase {
  /** Names of the entities this language's posts mention, for the filter (Pagefind's `entity`), in the order of their ids. */
  entities: string[];
}

export const searchPages: PageType<"searches", SearchPage> = {
  name: "searches",
  pages: (context) =>
    LANGS.map((lang) => ({
      lang,
      url: urls.search(lang),
      alternates: inEveryLang(urls.search),
      switchTo: switchToSame(lang, urls.search),
      entities: [...context.entities.values()]
        .filter((group) => group.posts[lang].length > 0)
        .sort((a, b) => (a.entity.id < b.entity.id ? -1 : 1))
        .map((group) => group.entity.name[lang]),
    })),
  sitemap: sitemapLine,
  linksWrittenLater: ["/pagefind/"],
};

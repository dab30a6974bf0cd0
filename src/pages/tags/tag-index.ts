import { LANGS, otherLang } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { inEveryLang, sitemapLine, switchToListed, type PageBase, type PageType } from "../page-type.ts";

/** A language's tags, the most used first. */
export interface TagIndexPage extends PageBase {
  tags: { name: string; url: string; count: number }[];
}

export const tagIndexPages: PageType<"tagIndexes", TagIndexPage> = {
  name: "tagIndexes",
  pages(context) {
    return LANGS.map((lang) => ({
      lang,
      url: urls.tagIndex(lang),
      alternates: inEveryLang(urls.tagIndex),
      switchTo: switchToListed(lang, urls.tagIndex(otherLang(lang)), context.tags[otherLang(lang)].size > 0),
      tags: [...context.tags[lang].values()]
        .map((tag) => ({ name: tag.name, url: urls.tag(lang, tag.slug), count: tag.posts.length }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en")),
    }));
  },
  sitemap: sitemapLine,
};

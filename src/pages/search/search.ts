import { LANG_TAGS, LANGS, type Lang } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { t } from "../../i18n/strings.ts";
import { inEveryLang, sitemapLine, switchToSame, type PageBase, type PageType } from "../page-type.ts";

/** An entity in the topic filter: Pagefind's `entity` filter holds each post's names in the post's language. */
export interface SearchEntity {
  /** The name in the page's language: the option's value and ?entity=. */
  name: string;
  names: Record<Lang, string>;
}

/** A language the search can cover. */
export interface SearchLanguage {
  lang: Lang;
  /** The BCP 47 tag of its pages' <html lang>; Pagefind names its index after it, in lower case. */
  tag: string;
  /** Its name in itself ("中文", "English"), for the badge of a result in that language. */
  name: string;
}

/** A language's search page; Pagefind's files under /pagefind/ are written after Eleventy. */
export interface SearchPage extends PageBase {
  /** Entities posts in any language mention, in the order of their ids; the page hides those the chosen languages lack. */
  entities: SearchEntity[];
  /** Every language, this page's first. */
  languages: SearchLanguage[];
}

export const searchPages: PageType<"searches", SearchPage> = {
  name: "searches",
  pages: (context) => {
    const mentioned = [...context.entities.values()]
      .filter((group) => LANGS.some((lang) => group.posts[lang].length > 0))
      .sort((a, b) => (a.entity.id < b.entity.id ? -1 : 1));
    return LANGS.map((lang) => ({
      lang,
      url: urls.search(lang),
      alternates: inEveryLang(urls.search),
      switchTo: switchToSame(lang, urls.search),
      entities: mentioned.map((group) => ({ name: group.entity.name[lang], names: group.entity.name })),
      // A language without posts has no index: Pagefind would merge the page's own a second time.
      languages: [lang, ...LANGS.filter((other) => other !== lang && context.byLang[other].length > 0)].map((each) => ({ lang: each, tag: LANG_TAGS[each], name: t(each, "langName") })),
    }));
  },
  sitemap: sitemapLine,
  linksWrittenLater: ["/pagefind/"],
};

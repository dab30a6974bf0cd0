import { LANGS } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { inEveryLang, sitemapLine, switchToSame, type PageBase, type PageType } from "../page-type.ts";

/** A language's search page; Pagefind's files under /pagefind/ are written after Eleventy. */
export const searchPages: PageType<"searches", PageBase> = {
  name: "searches",
  pages: () => LANGS.map((lang) => ({ lang, url: urls.search(lang), alternates: inEveryLang(urls.search), switchTo: switchToSame(lang, urls.search) })),
  sitemap: sitemapLine,
  linksWrittenLater: ["/pagefind/"],
};

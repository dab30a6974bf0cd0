import { LANGS, otherLang } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { inEveryLang, type PageBase, type PageType } from "../page-type.ts";

/**
 * A language's "page not found"; 404-root.njk is the bilingual one hosts serve for any
 * missing path. Neither is listed in the sitemap.
 */
export const notFoundPages: PageType<"notFound", PageBase> = {
  name: "notFound",
  pages: () =>
    LANGS.map((lang) => ({ lang, url: urls.notFound(lang), alternates: inEveryLang(urls.notFound), switchTo: { lang: otherLang(lang), url: urls.langHome(otherLang(lang)), exact: true } })),
};

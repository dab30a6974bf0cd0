import { LANGS } from "../../config.ts";
import { FEED_SCOPES, feedUrls, type FeedFormat, type FeedScope } from "../../feeds/feeds.ts";
import { inEveryLang, sitemapLine, switchToSame, type PageBase, type PageType } from "../page-type.ts";

/** A language's page that explains feeds and lists every feed of the language, by what it follows. */
export interface FeedsIndexPage extends PageBase {
  groups: { scope: FeedScope; feeds: { url: string; format: FeedFormat; title: string; count: number }[] }[];
}

export const feedsIndexPages: PageType<"feedIndexes", FeedsIndexPage> = {
  name: "feedIndexes",
  pages(context) {
    return LANGS.map((lang) => {
      const mine = context.feeds.filter((spec) => spec.lang === lang);
      return {
        lang,
        url: feedUrls.index(lang),
        alternates: inEveryLang(feedUrls.index),
        switchTo: switchToSame(lang, feedUrls.index),
        groups: FEED_SCOPES.map((scope) => ({
          scope,
          feeds: mine.filter((spec) => spec.scope === scope).map((spec) => ({ url: spec.url, format: spec.format, title: spec.title, count: spec.entries.length })),
        })),
      };
    });
  },
  sitemap: sitemapLine,
};

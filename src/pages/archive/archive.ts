import { LANGS, otherLang, type Kind } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { weeksOf } from "../../collections/weeks.ts";
import { inEveryLang, sitemapLine, switchToListed, type PageBase, type PageType } from "../page-type.ts";

export interface ArchivePost {
  url: string;
  title: string;
  kind: Kind;
  /** YYYY-MM-DD */
  day: string;
}

export interface ArchiveWeek {
  week: string;
  url: string;
  /** Newest first. */
  posts: ArchivePost[];
}

/** A language's archive: every week with posts, by year, newest first, and every post of each week. */
export interface ArchivePage extends PageBase {
  years: { year: string; weeks: ArchiveWeek[] }[];
}

export const archivePages: PageType<"archives", ArchivePage> = {
  name: "archives",
  pages(context) {
    return LANGS.map((lang) => {
      // One pass over the language's posts (newest first) fills every week.
      const postsByWeek = new Map<string, ArchivePost[]>();
      for (const { url, post } of context.byLang[lang]) {
        const list = postsByWeek.get(post.week) ?? [];
        list.push({ url, title: post.title, kind: post.kind, day: post.day });
        postsByWeek.set(post.week, list);
      }
      const years = new Map<string, ArchiveWeek[]>();
      for (const week of weeksOf(context.weeks, lang).reverse()) {
        const year = week.slice(0, 4);
        const list = years.get(year) ?? [];
        list.push({ week, url: urls.weekHub(lang, week), posts: postsByWeek.get(week) ?? [] });
        years.set(year, list);
      }
      const other = otherLang(lang);
      return {
        lang,
        url: urls.archive(lang),
        alternates: inEveryLang(urls.archive),
        switchTo: switchToListed(lang, urls.archive(other), context.byLang[other].length > 0),
        years: [...years].map(([year, weeks]) => ({ year, weeks })),
      };
    });
  },
  sitemap: sitemapLine,
};

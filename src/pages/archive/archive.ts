import { LANGS, type Kind } from "../../config.ts";
import type { Link } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { weeksOf } from "../../collections/weeks.ts";
import { inEveryLang, sitemapLine, switchToSame, type PageBase, type PageType } from "../page-type.ts";

export interface ArchiveWeek {
  week: string;
  url: string;
  counts: Record<Kind, number>;
  digests: Link[];
}

/** A language's archive: every week with posts, by year, newest first. */
export interface ArchivePage extends PageBase {
  years: { year: string; weeks: ArchiveWeek[] }[];
}

export const archivePages: PageType<"archives", ArchivePage> = {
  name: "archives",
  pages(context) {
    return LANGS.map((lang) => {
      const years = new Map<string, ArchiveWeek[]>();
      for (const week of weeksOf(context.weeks, lang).reverse()) {
        const group = context.weeks[lang].get(week)!;
        const year = week.slice(0, 4);
        const list = years.get(year) ?? [];
        list.push({
          week,
          url: urls.weekHub(lang, week),
          counts: { weekly: group.digests.length, daily: group.dailies.length, "deep-dive": group.deepDives.length },
          digests: group.digests.map((post) => ({ url: urls.post(post), title: post.title })),
        });
        years.set(year, list);
      }
      return {
        lang,
        url: urls.archive(lang),
        alternates: inEveryLang(urls.archive),
        switchTo: switchToSame(lang, urls.archive),
        years: [...years].map(([year, weeks]) => ({ year, weeks })),
      };
    });
  },
  sitemap: sitemapLine,
};

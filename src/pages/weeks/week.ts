import { LANGS, otherLang } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { weeksOf } from "../../collections/weeks.ts";
import { alternatesOf, sitemapLine, switchOrNearby, type PageBase, type PageType } from "../page-type.ts";

/** A week hub: one ISO week's digests, daily briefs and deep dives in one language. */
export interface WeekPage extends PageBase {
  week: string;
  digests: PostEntry[];
  dailies: PostEntry[];
  deepDives: PostEntry[];
  /** The hubs of the nearest earlier and later weeks that have posts. */
  prevWeek?: string;
  nextWeek?: string;
}

export const weekPages: PageType<"weeks", WeekPage> = {
  name: "weeks",
  pages(context) {
    const { weeks } = context;
    return LANGS.flatMap((lang) => {
      const langWeeks = weeksOf(weeks, lang);
      return langWeeks.map((week, i) => {
        const group = weeks[lang].get(week)!;
        const alternates = alternatesOf(LANGS.map((l) => [l, weeks[l].has(week) ? urls.weekHub(l, week) : undefined]));
        return {
          lang,
          url: urls.weekHub(lang, week),
          alternates,
          switchTo: switchOrNearby(lang, alternates, urls.archive(otherLang(lang))),
          week,
          digests: group.digests.map(context.entryOf),
          dailies: group.dailies.map(context.entryOf),
          deepDives: group.deepDives.map(context.entryOf),
          prevWeek: i > 0 ? urls.weekHub(lang, langWeeks[i - 1]!) : undefined,
          nextWeek: i < langWeeks.length - 1 ? urls.weekHub(lang, langWeeks[i + 1]!) : undefined,
        };
      });
    });
  },
  sitemap: sitemapLine,
};

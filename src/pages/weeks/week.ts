import { KINDS, LANGS, otherLang, type Kind } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import type { StoryItem } from "../../collections/stories.ts";
import { postsOfKind, weeksOf } from "../../collections/weeks.ts";
import type { Lang } from "../../config.ts";
import { alternatesOf, pointerTo, sitemapLine, switchOrNearby, type PageBase, type PageType, type Pointer } from "../page-type.ts";

/** A week hub: one ISO week's digests, daily briefs and deep dives in one language. */
export interface WeekPage extends PageBase {
  week: string;
  digests: PostEntry[];
  dailies: PostEntry[];
  deepDives: PostEntry[];
  /** The hubs of the nearest earlier and later weeks that have posts. */
  prevWeek?: string;
  nextWeek?: string;
  /** The kinds this week lacks here and has in the other language, counted, linking that language's week page. */
  pointers: Partial<Record<Kind, Pointer>>;
  /** News told by two posts or more with an item this week, the most told first. */
  stories: WeekStory[];
}

export interface WeekStory {
  /** The item whose headline heads it. */
  lead: StoryItem;
  /** How many posts tell it, a post and its translations counted once. */
  posts: number;
  /** An item of each telling, this language's first (the first few; layouts link them with the storyLinks filter). */
  tellings: StoryItem[];
}

/** A story as a week hub lists it (one item per telling): headed by this language's digest item when there is one, else its first item here. */
export function weekStory(tellings: StoryItem[], lang: Lang): WeekStory {
  const own = tellings.filter((item) => item.post.lang === lang);
  const lead = own.find((item) => item.post.kind === "weekly") ?? own[0] ?? tellings[0]!;
  const ordered = [...own, ...tellings.filter((item) => item.post.lang !== lang)].slice(0, MAX_TELLINGS);
  return { lead, posts: tellings.length, tellings: ordered };
}

/** Links a week's story lists at most (its count says how many posts told it). */
const MAX_TELLINGS = 8;

export const weekPages: PageType<"weeks", WeekPage> = {
  name: "weeks",
  pages(context) {
    const { weeks } = context;
    return LANGS.flatMap((lang) => {
      const langWeeks = weeksOf(weeks, lang);
      return langWeeks.map((week, i) => {
        const group = weeks[lang].get(week)!;
        const other = otherLang(lang);
        const otherGroup = weeks[other].get(week);
        const alternates = alternatesOf(LANGS.map((l) => [l, weeks[l].has(week) ? urls.weekHub(l, week) : undefined]));
        const pointers: WeekPage["pointers"] = {};
        for (const kind of KINDS) {
          const pointer = pointerTo(postsOfKind(group, kind).length, other, kind, otherGroup ? postsOfKind(otherGroup, kind).length : 0, urls.weekHub(other, week));
          if (pointer) pointers[kind] = pointer;
        }
        return {
          lang,
          url: urls.weekHub(lang, week),
          alternates,
          // Without this week in the other language: its archive of weeks, or its home when it has no posts at all.
          switchTo: switchOrNearby(lang, alternates, context.byLang[other].length ? urls.archive(other) : urls.langHome(other)),
          week,
          digests: group.digests.map(context.entryOf),
          dailies: group.dailies.map(context.entryOf),
          deepDives: group.deepDives.map(context.entryOf),
          prevWeek: i > 0 ? urls.weekHub(lang, langWeeks[i - 1]!) : undefined,
          nextWeek: i < langWeeks.length - 1 ? urls.weekHub(lang, langWeeks[i + 1]!) : undefined,
          pointers,
          stories: context.stories.ofWeek(lang, week).map((story) => weekStory(story, lang)),
        };
      });
    });
  },
  sitemap: sitemapLine,
};

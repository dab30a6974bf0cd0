import type { Lang } from "../config.ts";
import type { Post } from "../content/schema.ts";

/** The posts of one ISO week in one language. */
export interface WeekGroup {
  lang: Lang;
  week: string;
  /** Weekly digests covering the week, newest first. */
  digests: Post[];
  /** Daily briefs of the week, Monday first. */
  dailies: Post[];
  /** Deep dives of the week, Monday first. */
  deepDives: Post[];
}

export const weekKey = (lang: Lang, week: string) => `${lang}|${week}`;

/**
 * Groups posts by language and ISO week in one pass. `posts` must be newest first;
 * a digest belongs to the week it covers, other posts to the week of their date.
 */
export function groupByWeek(posts: Post[]): Map<string, WeekGroup> {
  const groups = new Map<string, WeekGroup>();
  for (const post of posts) {
    const key = weekKey(post.lang, post.week);
    let group = groups.get(key);
    if (!group) {
      group = { lang: post.lang, week: post.week, digests: [], dailies: [], deepDives: [] };
      groups.set(key, group);
    }
    if (post.kind === "weekly") group.digests.push(post);
    else if (post.kind === "daily") group.dailies.push(post);
    else group.deepDives.push(post);
  }
  for (const group of groups.values()) {
    group.dailies.reverse();
    group.deepDives.reverse();
  }
  return groups;
}

/** Weeks with posts in one language, oldest first. */
export function weeksOf(groups: Map<string, WeekGroup>, lang: Lang): string[] {
  return [...groups.values()].filter((g) => g.lang === lang).map((g) => g.week).sort();
}

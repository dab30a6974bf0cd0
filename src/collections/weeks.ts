import { perLang, type Kind, type Lang } from "../config.ts";
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

/** A week's posts of one kind. */
export function postsOfKind(group: WeekGroup, kind: Kind): Post[] {
  return kind === "weekly" ? group.digests : kind === "daily" ? group.dailies : group.deepDives;
}

/** Week groups by language, then by ISO week ("2026-W06"). */
export type WeekGroups = Record<Lang, Map<string, WeekGroup>>;

/**
 * Groups posts by language and ISO week in one pass. `posts` must be newest first;
 * a digest belongs to the week it covers, other posts to the week of their date.
 */
export function groupByWeek(posts: Post[]): WeekGroups {
  const groups: WeekGroups = perLang(() => new Map());
  for (const post of posts) {
    let group = groups[post.lang].get(post.week);
    if (!group) {
      group = { lang: post.lang, week: post.week, digests: [], dailies: [], deepDives: [] };
      groups[post.lang].set(post.week, group);
    }
    postsOfKind(group, post.kind).push(post);
  }
  for (const group of Object.values(groups).flatMap((byWeek) => [...byWeek.values()])) {
    group.dailies.reverse();
    group.deepDives.reverse();
  }
  return groups;
}

/** Weeks with posts in one language, oldest first. */
export function weeksOf(groups: WeekGroups, lang: Lang): string[] {
  return [...groups[lang].keys()].sort();
}

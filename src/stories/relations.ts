import type { Kind, Lang } from "../config.ts";
import type { StoryInput } from "./group.ts";

/** What relations need to know of an item's post. */
export interface PostOfItem {
  lang: Lang;
  kind: Kind;
}

export interface RelatedItem<P extends PostOfItem = PostOfItem> extends StoryInput {
  post: P;
}

/** The items of the same story an item links to, each in a post of its own. */
export interface ItemRelations<T> {
  /** A digest's: the brief(s) that covered the story first, before its week ended; a brief's: the earliest brief or digest before it. */
  firstIn: T[];
  /** A deep dive's: the briefs and earlier digests it builds on, nearest first. */
  buildsOn: T[];
  /** A brief's or deep dive's: the digests of its week or later that picked the story up. */
  includedIn: T[];
  /** Later briefs and deep dives of the story. */
  followUps: T[];
  /** A brief's: other briefs and deep dives of the same day that have it. */
  sameDay: T[];
  /** The same story in the post's translations. */
  translations: T[];
}

/** Links of one kind shown at most under an item, nearest first: a story told every day stays one line. */
export const MAX_LINKS = 3;

export const hasRelations = (r: ItemRelations<unknown>): boolean =>
  r.firstIn.length + r.buildsOn.length + r.includedIn.length + r.followUps.length + r.sameDay.length + r.translations.length > 0;

/** One item per post, the first. */
function perPost<T extends RelatedItem>(items: T[]): T[] {
  const seen = new Set<unknown>();
  return items.filter((item) => !seen.has(item.post) && seen.add(item.post));
}

/** The candidates in the item's own language when there are any, else those in the other. */
function inLangFirst<T extends RelatedItem>(lang: Lang, items: T[]): T[] {
  const own = items.filter((item) => item.post.lang === lang);
  return own.length > 0 ? own : items;
}

/**
 * Whom an item links to in its story (`story` in time order, the item among them). Items of
 * its own post are never linked; `isTranslation` says whether another post is a translation
 * of the item's.
 */
export function relationsOf<T extends RelatedItem>(item: T, story: readonly T[], isTranslation: (other: T["post"]) => boolean): ItemRelations<T> {
  const others = story.filter((other) => other.post !== item.post);
  const translations = perPost(others.filter((other) => isTranslation(other.post)));
  const rest = others.filter((other) => !translations.includes(other));
  const briefs = rest.filter((other) => other.post.kind === "daily");
  const digests = rest.filter((other) => other.post.kind === "weekly");
  const lang = item.post.lang;
  const earliest = (items: T[]) => items.filter((other) => other.start === items[0]?.start);
  const after = (day: number) => perPost(inLangFirst(lang, rest.filter((other) => other.post.kind !== "weekly" && other.start > day))).slice(0, MAX_LINKS);
  const none: T[] = [];

  if (item.post.kind === "weekly") {
    const firstIn = perPost(earliest(inLangFirst(lang, briefs.filter((b) => b.start <= item.end)))).slice(0, MAX_LINKS);
    return { firstIn, buildsOn: none, includedIn: none, followUps: after(item.end), sameDay: none, translations };
  }
  // A digest of the item's week or a later one picked it up; one that ended before it is earlier coverage.
  const includedIn = perPost(inLangFirst(lang, digests.filter((d) => d.end >= item.start))).slice(0, MAX_LINKS);
  const earlierDigests = digests.filter((d) => d.end < item.start);
  const sameDay = perPost(inLangFirst(lang, rest.filter((other) => other.post.kind !== "weekly" && other.start === item.start))).slice(0, MAX_LINKS);
  if (item.post.kind === "daily") {
    const earlier = [...briefs.filter((b) => b.start < item.start), ...earlierDigests].sort((a, b) => a.start - b.start);
    return { firstIn: perPost(earliest(inLangFirst(lang, earlier))).slice(0, MAX_LINKS), buildsOn: none, includedIn, followUps: after(item.start), sameDay, translations };
  }
  // Nearest first: a digest is as near as the last day of its week.
  const before = [...briefs.filter((b) => b.start <= item.start), ...earlierDigests].sort((a, b) => b.end - a.end);
  return { firstIn: none, buildsOn: perPost(inLangFirst(lang, before)).slice(0, MAX_LINKS), includedIn, followUps: after(item.start), sameDay: none, translations };
}

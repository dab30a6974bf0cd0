import type { Lang } from "../config.ts";
import { weekRange } from "../content/dates.ts";
import type { Post } from "../content/schema.ts";
import type { EntityRegistry } from "../entities/registry.ts";
import type { MentionFinder } from "../markdown/mentions.ts";
import { groupStories, type GroupOptions, type Signal } from "../stories/group.ts";
import { hasRelations, relationsOf, type ItemRelations, type RelatedItem } from "../stories/relations.ts";
import { sourceKey } from "../stories/source-url.ts";
import type { PostEntry } from "./entries.ts";
import type { TranslationSet } from "./translations.ts";

/** A news item of a post, as stories see it. */
export interface StoryItem extends RelatedItem<Post> {
  anchor: string;
  headline: string;
  /** 1-based line of its headline in the post's file. */
  line: number;
}

export interface StoryIndex {
  /** The stories (two items or more), in the order of their first item, each in time order. */
  stories: StoryItem[][];
  /** Whom each item of a post links to, by anchor; items without links are absent. */
  relationsOf(post: Post): Map<string, ItemRelations<StoryItem>>;
  /**
   * Stories with an item in a language's week that two posts or more tell (a post and its
   * translations tell it once), most told first; each as one item per telling, in this
   * language where the telling has it, in time order.
   */
  ofWeek(lang: Lang, week: string): StoryItem[][];
  /** How many items there are, how many joined an earlier item's story by each signal, and the seconds it took. */
  counts: { items: number; stories: number; seconds: number } & Record<Signal, number>;
}

const DAY = 86_400_000;
const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY;

/** The days an item's post covers: a digest its week, any other post its day. */
function spanOf(post: Post): { start: number; end: number } {
  if (post.kind !== "weekly") return { start: dayNumber(post.day), end: dayNumber(post.day) };
  const { start, end } = weekRange(post.week);
  return { start: dayNumber(start), end: dayNumber(end) };
}

/** The items of the entries, with what groups them: source keys, and the entities their headlines name. */
export function storyItems(entries: PostEntry[], finder: MentionFinder | undefined, registry: EntityRegistry, siteOrigin: string): StoryItem[] {
  const items: StoryItem[] = [];
  for (const entry of entries) {
    const post = entry.post;
    if (entry.items.length === 0) continue;
    const span = spanOf(post);
    const excluded = new Set(post.entities.exclude);
    for (const item of entry.items) {
      if (!item.anchor) continue;
      const sources = new Set<string>();
      for (const href of item.sources) {
        const key = !href.startsWith(siteOrigin) ? sourceKey(href) : undefined;
        if (key) sources.add(key);
      }
      const ids = new Set((finder?.find(item.headline) ?? []).map((m) => m.id).filter((id) => !excluded.has(id)));
      items.push({
        post,
        anchor: item.anchor,
        headline: item.headline,
        line: post.bodyLine + item.line,
        ...span,
        sources: [...sources],
        amounts: item.amounts,
        entities: [...ids].map((id) => ({ id, specific: registry.entities.get(id)?.type !== "organization" })),
      });
    }
  }
  return items;
}

/** Groups the items of every post into stories, once per build, and answers per post and per week. */
export function indexStories(items: StoryItem[], translations: Map<Post, TranslationSet>, options?: GroupOptions): StoryIndex {
  const { stories: groups, joinedBy } = groupStories(items, options);
  const stories = groups.filter((story) => story.length > 1);
  const storyOf = new Map<StoryItem, StoryItem[]>();
  const itemsOf = new Map<Post, StoryItem[]>();
  // A post and its translations are one telling of a story; a week lists stories told twice or more.
  const tellingOf = (post: Post): unknown => translations.get(post) ?? post;
  const byWeek = new Map<string, Set<StoryItem[]>>();
  const tellings = new Map<StoryItem[], number>();
  for (const story of stories) {
    const told = new Set(story.map((item) => tellingOf(item.post))).size;
    tellings.set(story, told);
    for (const item of story) {
      storyOf.set(item, story);
      const ofPost = itemsOf.get(item.post);
      if (ofPost) ofPost.push(item);
      else itemsOf.set(item.post, [item]);
      if (told < 2) continue;
      const key = `${item.post.lang}|${item.post.week}`;
      byWeek.set(key, (byWeek.get(key) ?? new Set()).add(story));
    }
  }
  const counts = { items: items.length, stories: stories.length, source: 0, entities: 0, seconds: 0 };
  for (const signal of joinedBy.values()) counts[signal]++;

  return {
    stories,
    counts,
    relationsOf(post) {
      const set = translations.get(post);
      const isTranslation = (other: Post) => other !== post && set?.[other.lang] === other;
      const relations = new Map<string, ItemRelations<StoryItem>>();
      for (const item of itemsOf.get(post) ?? []) {
        const found = relationsOf(item, storyOf.get(item)!, isTranslation);
        if (hasRelations(found)) relations.set(item.anchor, found);
      }
      return relations;
    },
    ofWeek(lang, week) {
      const stories = [...(byWeek.get(`${lang}|${week}`) ?? [])].sort((a, b) => tellings.get(b)! - tellings.get(a)! || a[0]!.start - b[0]!.start);
      return stories.map((story) => {
        // One item per telling: the one in this language when the telling has one.
        const chosen = new Map<unknown, StoryItem>();
        for (const item of story) {
          const key = tellingOf(item.post);
          const current = chosen.get(key);
          if (!current || (current.post.lang !== lang && item.post.lang === lang)) chosen.set(key, item);
        }
        return [...chosen.values()];
      });
    },
  };
}

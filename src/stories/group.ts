/**
 * Stories: news items in different posts that tell the same news. Two signals join an item to
 * the story of an earlier one:
 *
 * - they cite the same page (the same source key, see source-url.ts): a strong signal, held
 *   for a month from the story's first item (a page cited again later, such as a project's
 *   repository, starts a story of its own);
 * - a weaker one, their headlines name the same entities within a few days of the story's
 *   first item: a model, product or person alone is enough ("GPT-5.3-Codex"); an
 *   organization only with a second entity ("Microsoft" and "Anthropic") or with a sum of
 *   money the story states where it is sure of itself, in its first item or one citing its
 *   pages ("ElevenLabs", "5亿美元"), since one company is in many stories a week.
 *
 * An item joins one story at most and never merges two: an item that cites the pages of two
 * stories (a digest's "ElevenLabs and Cerebras raise") joins the one it shares most with. One
 * pass over the items in time order, with an index by source key and one by entity, so the
 * cost grows with the number of items, never with their square; measured from a story's
 * first item, a name in the news every few days does not chain a month of items into one.
 */

export interface StoryInput {
  /** First and last day it covers, as day numbers: a brief's or deep dive's day; a digest's week. */
  start: number;
  end: number;
  /** Source keys of the pages it cites. */
  sources: string[];
  /** The entities its headline names; a specific one (not an organization) can join a story alone. */
  entities: { id: string; specific: boolean }[];
  /** Sums of money it states, normalized. */
  amounts: string[];
}

export type Signal = "source" | "entities";

export interface StoryGroups<T> {
  /** Each story's items in time order, stories in the order of their first item. */
  stories: T[][];
  /** How an item joined the story of an earlier one; absent for the first item of each story. */
  joinedBy: Map<T, Signal>;
}

export interface GroupOptions {
  /** Days between a story's first item and a later one that joins it by entities alone. */
  windowDays: number;
  /** Days between a story's first item and a later one that joins it by citing the same page. */
  sourceWindowDays: number;
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { windowDays: 3, sourceWindowDays: 30 };

/** How many of an entity's latest stories a new item is compared with. */
const RECENT_PER_ENTITY = 8;

/** Days between two spans; 0 when they overlap. */
const gap = (a: StoryInput, b: StoryInput) => Math.max(0, b.start - a.end, a.start - b.end);

/** Groups items into stories. `items` must come in a stable order; ties in time keep it. */
export function groupStories<T extends StoryInput>(items: readonly T[], options: GroupOptions = DEFAULT_GROUP_OPTIONS): StoryGroups<T> {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
  // A story is known by its first item's position.
  const storyOf = new Int32Array(items.length);
  const bySource = new Map<string, number>();
  const byEntity = new Map<string, number[]>();
  const joinedBy = new Map<T, Signal>();
  const amountsOf = new Map<number, Set<string>>();

  /** The stories citing any of an item's pages, within the window, with how many they share. */
  const bySharedSources = (item: T) => {
    const shared = new Map<number, number>();
    for (const key of item.sources) {
      const story = bySource.get(key);
      if (story !== undefined && gap(items[story]!, item) <= options.sourceWindowDays) shared.set(story, (shared.get(story) ?? 0) + 1);
    }
    return shared;
  };
  /** The stories whose headlines name any of an item's entities, within the window: how many, and whether one is specific. */
  const bySharedEntities = (item: T) => {
    const shared = new Map<number, { count: number; specific: boolean }>();
    for (const { id, specific } of item.entities) {
      for (const story of new Set(byEntity.get(id))) {
        if (gap(items[story]!, item) > options.windowDays) continue;
        const score = shared.get(story) ?? { count: 0, specific: false };
        shared.set(story, { count: score.count + 1, specific: score.specific || specific });
      }
    }
    return shared;
  };

  for (const i of order) {
    const item = items[i]!;
    let story = i;
    const bySources = bySharedSources(item);
    if (bySources.size > 0) {
      story = [...bySources].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
      joinedBy.set(item, "source");
    } else {
      let best: { story: number; count: number } | undefined;
      for (const [candidate, { count, specific }] of bySharedEntities(item)) {
        if (!specific && count < 2 && !item.amounts.some((a) => amountsOf.get(candidate)?.has(a))) continue;
        if (!best || count > best.count || (count === best.count && items[candidate]!.start > items[best.story]!.start)) best = { story: candidate, count };
      }
      if (best) {
        story = best.story;
        joinedBy.set(item, "entities");
      }
    }
    storyOf[i] = story;
    // A story's sums are those of its first item and of the items that cite its pages, in any language.
    if (joinedBy.get(item) !== "entities" && item.amounts.length > 0) {
      const sums = amountsOf.get(story) ?? new Set<string>();
      for (const amount of item.amounts) sums.add(amount);
      amountsOf.set(story, sums);
    }
    for (const key of item.sources) bySource.set(key, story);
    for (const { id } of item.entities) {
      const recent = byEntity.get(id) ?? [];
      if (recent.at(-1) !== story) recent.push(story);
      if (recent.length > RECENT_PER_ENTITY) recent.shift();
      byEntity.set(id, recent);
    }
  }

  const byStory = new Map<number, T[]>();
  for (const i of order) {
    const story = byStory.get(storyOf[i]!);
    if (story) story.push(items[i]!);
    else byStory.set(storyOf[i]!, [items[i]!]);
  }
  return { stories: [...byStory.values()], joinedBy };
}

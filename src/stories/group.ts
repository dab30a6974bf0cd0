/**
 * Stories: news items in different posts that tell the same news. Two signals join items:
 *
 * - they cite the same page (the same source key, see source-url.ts): a strong signal that
 *   holds at any distance in time;
 * - a weaker one, their headlines name the same entities within a few days: a model, product
 *   or person alone is enough ("GPT-5.3-Codex"); an organization only with a second entity
 *   ("Microsoft" and "Anthropic") or a sum of money both state ("ElevenLabs", "5亿美元"),
 *   since one company is in many stories a week.
 *
 * One pass over the items in time order, with an index by source key and one by entity, so
 * the cost grows with the number of items, never with their square. A weak join is measured
 * from a story's first item, so a name in the news every few days does not chain a month of
 * items into one story.
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
}

export const DEFAULT_GROUP_OPTIONS: GroupOptions = { windowDays: 3 };

/** How many of an entity's latest stories a new item is compared with. */
const RECENT_PER_ENTITY = 8;

/** Days between two spans; 0 when they overlap. */
const gap = (a: StoryInput, b: StoryInput) => Math.max(0, b.start - a.end, a.start - b.end);

/** Groups items into stories. `items` must come in a stable order; ties in time keep it. */
export function groupStories<T extends StoryInput>(items: readonly T[], options: GroupOptions = DEFAULT_GROUP_OPTIONS): StoryGroups<T> {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
  // Union-find over item positions; a story's root is its first item.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): number => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return ra;
    const [root, child] = items[ra]!.start <= items[rb]!.start ? [ra, rb] : [rb, ra];
    parent[child] = root;
    for (const amount of amounts.get(child) ?? []) addAmount(root, amount);
    amounts.delete(child);
    return root;
  };

  // The sums of money each story states, by root.
  const amounts = new Map<number, Set<string>>();
  const addAmount = (root: number, amount: string) => {
    const set = amounts.get(root);
    if (set) set.add(amount);
    else amounts.set(root, new Set([amount]));
  };
  const bySource = new Map<string, number>();
  const byEntity = new Map<string, number[]>();
  const joinedBy = new Map<T, Signal>();

  for (const i of order) {
    const item = items[i]!;
    let joined: Signal | undefined;
    for (const key of item.sources) {
      const seen = bySource.get(key);
      if (seen === undefined) continue;
      if (find(seen) !== find(i)) union(seen, i);
      joined = "source";
    }
    if (!joined) {
      const shared = new Map<number, { count: number; specific: boolean }>();
      for (const { id, specific } of item.entities) {
        const roots = new Set((byEntity.get(id) ?? []).map(find));
        for (const root of roots) {
          if (gap(items[root]!, item) > options.windowDays) continue;
          const score = shared.get(root) ?? { count: 0, specific: false };
          shared.set(root, { count: score.count + 1, specific: score.specific || specific });
        }
      }
      let best: number | undefined;
      for (const [root, score] of shared) {
        if (!score.specific && score.count < 2 && !item.amounts.some((a) => amounts.get(root)?.has(a))) continue;
        const current = best === undefined ? undefined : shared.get(best)!;
        if (!current || score.count > current.count || (score.count === current.count && items[root]!.start > items[best!]!.start)) best = root;
      }
      if (best !== undefined) {
        union(best, i);
        joined = "entities";
      }
    }
    if (joined) joinedBy.set(item, joined);
    for (const key of item.sources) if (!bySource.has(key)) bySource.set(key, i);
    const root = find(i);
    for (const amount of item.amounts) addAmount(root, amount);
    for (const { id } of item.entities) {
      const recent = byEntity.get(id) ?? [];
      if (recent.length === 0 || find(recent.at(-1)!) !== root) recent.push(i);
      if (recent.length > RECENT_PER_ENTITY) recent.shift();
      byEntity.set(id, recent);
    }
  }

  const byRoot = new Map<number, T[]>();
  for (const i of order) {
    const root = find(i);
    const story = byRoot.get(root) ?? [];
    story.push(items[i]!);
    byRoot.set(root, story);
  }
  return { stories: [...byRoot.values()], joinedBy };
}

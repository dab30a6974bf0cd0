import { perLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import type { Entity, EntityRegistry } from "../entities/registry.ts";
import type { BodyMention, MentionUnit } from "../markdown/mentions.ts";

export type { MentionUnit };

/** A post that mentions an entity, and where in it. */
export interface EntityPost {
  post: Post;
  /** The news items and sections that mention it, in order; empty when only the title or intro does. */
  units: MentionUnit[];
}

/** An entity with the posts that mention it, per language. */
export interface EntityGroup {
  entity: Entity;
  /** Newest first. */
  posts: Record<Lang, EntityPost[]>;
  /** Per language, the entities mentioned in the same news items or sections, the most often first. */
  related: Record<Lang, { entity: Entity; count: number }[]>;
}

/** What one post says about entities: what it is about (title, front matter), and every mention. */
export interface PostEntities {
  about: string[];
  mentions: BodyMention[];
}

/** Every mentioned entity by id; entities no post mentions have no group. */
export type EntityGroups = Map<string, EntityGroup>;

/** How many related entities an entity page lists. */
const RELATED = 8;

/** Front-matter ids the registry lacks: the post would claim an entity that has no page. */
export function overrideProblems(post: Post, registry: EntityRegistry): ContentProblem[] {
  return [...post.entities.include, ...post.entities.exclude]
    .filter((id) => !registry.entities.has(id))
    .map((id) => ({
      file: post.sourcePath,
      line: post.entities.line,
      field: "entities",
      message: `"${id}" is not an entity id in the registry (content/entities/); add it there or fix the id`,
    }));
}

/**
 * Groups posts by the entities they mention, in one pass over the posts: each post adds
 * itself to its entities' lists and counts the pairs of entities in the same unit once.
 * `posts` must be newest first.
 */
export function groupByEntity(posts: Post[], mentionsOf: (post: Post) => PostEntities, registry: EntityRegistry): EntityGroups {
  const groups: EntityGroups = new Map();
  const pairs = perLang(() => new Map<string, Map<string, number>>());
  const count = (lang: Lang, a: string, b: string) => {
    const row = pairs[lang].get(a) ?? new Map<string, number>();
    pairs[lang].set(a, row);
    row.set(b, (row.get(b) ?? 0) + 1);
  };
  for (const post of posts) {
    // Ids the registry lacks (a typo in `entities`) are reported by overrideProblems; here they are skipped.
    const known = (id: string) => registry.entities.has(id);
    const found = mentionsOf(post);
    const about = found.about.filter(known);
    const mentions = found.mentions.filter((m) => known(m.id));
    const together = new Set<string>();
    const byUnit = new Map<string, string[]>();
    for (const mention of mentions) {
      const entity = registry.entities.get(mention.id);
      if (!entity) continue;
      let group = groups.get(entity.id);
      if (!group) {
        group = { entity, posts: perLang(() => []), related: perLang(() => []) };
        groups.set(entity.id, group);
      }
      group.posts[post.lang].push({ post, units: mention.units });
      for (const unit of mention.units) {
        const ids = byUnit.get(unit.anchor);
        if (ids) ids.push(entity.id);
        else byUnit.set(unit.anchor, [entity.id]);
      }
    }
    // What the post is about goes with everything it mentions; others with what shares their unit.
    const ids = mentions.map((m) => m.id);
    for (const a of about) for (const b of ids) if (a !== b) together.add(a < b ? `${a} ${b}` : `${b} ${a}`);
    for (const unit of byUnit.values()) {
      for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) {
        const [a, b] = unit[i]! < unit[j]! ? [unit[i]!, unit[j]!] : [unit[j]!, unit[i]!];
        together.add(`${a} ${b}`);
      }
    }
    for (const pair of together) {
      const [a, b] = pair.split(" ") as [string, string];
      count(post.lang, a, b);
      count(post.lang, b, a);
    }
  }
  for (const group of groups.values()) {
    group.related = perLang((lang) =>
      [...(pairs[lang].get(group.entity.id) ?? [])]
        .map(([id, n]) => ({ entity: registry.entities.get(id)!, count: n }))
        .sort((x, y) => y.count - x.count || x.entity.id.localeCompare(y.entity.id))
        .slice(0, RELATED),
    );
  }
  return groups;
}

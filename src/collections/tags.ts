import { LANGS, otherLang, perLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { tagMergeKey, tagSlug } from "../tags/names.ts";
import { emptyTagRegistry, type TagRegistry } from "../tags/registry.ts";
import { canonicalTag, equivalentTag } from "../tags/resolve.ts";

export { tagMergeKey, tagSlug } from "../tags/names.ts";

export interface TagGroup {
  lang: Lang;
  slug: string;
  /** The spelling most posts use, or the one the tag registry gives. */
  name: string;
  /** Newest first. */
  posts: Post[];
  /** The same tag in the other language, as the tag registry pairs them (content/tags.yaml). */
  equivalent?: { name: string; slug: string };
}

/** Tag groups by language, then by tag slug. */
export type TagGroups = Record<Lang, Map<string, TagGroup>>;

/**
 * Groups posts by tag per language in one pass, each tag as the registry makes it (a synonym
 * becomes the tag it merges into, in the post's language). Two tags that would share a URL
 * without being the same tag (say "C++" and "C plus plus") are reported, never merged by
 * accident. `tagsOf` gives a post's tags as their groups, each once, in the post's order.
 */
export function groupByTag(posts: Post[], registry: TagRegistry = emptyTagRegistry()): { groups: TagGroups; tagsOf: (post: Post) => TagGroup[]; problems: ContentProblem[] } {
  const groups: TagGroups = perLang(() => new Map());
  const spellings = new Map<TagGroup, Map<string, number>>();
  const firstOf = new Map<TagGroup, { mergeKey: string; file: string }>();
  const byPost = new Map<Post, TagGroup[]>();
  const problems: ContentProblem[] = [];
  for (const post of posts) {
    const own: TagGroup[] = [];
    for (const written of post.tags) {
      const tag = canonicalTag(registry, post.lang, written);
      const slug = tagSlug(tag);
      let group = groups[post.lang].get(slug);
      if (!group) {
        group = { lang: post.lang, slug, name: tag, posts: [] };
        groups[post.lang].set(slug, group);
        spellings.set(group, new Map());
        firstOf.set(group, { mergeKey: tagMergeKey(tag), file: post.sourcePath });
      } else if (firstOf.get(group)!.mergeKey !== tagMergeKey(tag)) {
        problems.push({
          file: post.sourcePath,
          field: "tags",
          message: `tag "${written}" would share the URL of tag "${group.name}" (${firstOf.get(group)!.file}); rename one of them`,
        });
        continue;
      }
      // "LLM" and "LLMs" on one post, once the registry merges them, are one tag.
      if (own.includes(group)) continue;
      own.push(group);
      group.posts.push(post);
      const counts = spellings.get(group)!;
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    byPost.set(post, own);
  }
  for (const lang of LANGS) {
    for (const group of groups[lang].values()) {
      const counts = spellings.get(group)!;
      let best = group.name;
      for (const [spelling, count] of counts) if (count > counts.get(best)!) best = spelling;
      group.name = best;
      const equivalent = equivalentTag(registry, lang, best);
      if (equivalent !== undefined) group.equivalent = { name: equivalent, slug: tagSlug(equivalent) };
    }
  }
  return { groups, tagsOf: (post) => byPost.get(post) ?? [], problems };
}

/**
 * The tag page in the other language that a tag's page pairs with (its hreflang alternate and
 * where the language switch lands): the registry's equivalent when it has posts there, else
 * the tag of the same URL there, unless that one is paired with another tag. Either way the
 * pairing goes both ways.
 */
export function tagCounterpart(groups: TagGroups, lang: Lang, group: TagGroup): TagGroup | undefined {
  const other = otherLang(lang);
  const pairedWith = (g: TagGroup, inLang: Lang) => (g.equivalent ? groups[inLang].get(g.equivalent.slug) : undefined);
  const equivalent = pairedWith(group, other);
  if (equivalent) return equivalent;
  const same = groups[other].get(group.slug);
  return same && !pairedWith(same, lang) ? same : undefined;
}

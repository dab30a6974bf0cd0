import { perLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { unicodeSlug } from "../i18n/slug.ts";

export interface TagGroup {
  lang: Lang;
  slug: string;
  /** The spelling most posts use. */
  name: string;
  /** Newest first. */
  posts: Post[];
}

/** Tags that differ only in case, width, spaces, hyphens or underscores are one tag, on purpose. */
export const tagMergeKey = (tag: string) => tag.normalize("NFKC").toLowerCase().replace(/[\s_-]+/g, "");

/** A stable short hash, for the rare tag made only of symbols. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(36);
}

/** A tag's URL segment: a function of its merge key, so merged spellings share one page. */
export function tagSlug(tag: string): string {
  return unicodeSlug(tagMergeKey(tag)) || `tag-${shortHash(tagMergeKey(tag))}`;
}

/** Tag groups by language, then by tag slug. */
export type TagGroups = Record<Lang, Map<string, TagGroup>>;

/**
 * Groups posts by tag per language in one pass. Two tags that would share a URL without
 * being the same tag (say "C++" and "C plus plus") are reported, never merged by accident.
 */
export function groupByTag(posts: Post[]): { groups: TagGroups; problems: ContentProblem[] } {
  const groups = perLang(() => new Map<string, TagGroup & { spellings: Map<string, number>; mergeKey: string; firstFile: string }>());
  const problems: ContentProblem[] = [];
  for (const post of posts) {
    for (const tag of post.tags) {
      const slug = tagSlug(tag);
      let group = groups[post.lang].get(slug);
      if (!group) {
        group = { lang: post.lang, slug, name: tag, posts: [], spellings: new Map(), mergeKey: tagMergeKey(tag), firstFile: post.sourcePath };
        groups[post.lang].set(slug, group);
      } else if (group.mergeKey !== tagMergeKey(tag)) {
        problems.push({
          file: post.sourcePath,
          field: "tags",
          message: `tag "${tag}" would share the URL of tag "${group.name}" (${group.firstFile}); rename one of them`,
        });
        continue;
      }
      group.posts.push(post);
      group.spellings.set(tag, (group.spellings.get(tag) ?? 0) + 1);
    }
  }
  const result: TagGroups = perLang((lang) => {
    const named = new Map<string, TagGroup>();
    for (const [slug, { spellings, mergeKey: _m, firstFile: _f, ...group }] of groups[lang]) {
      let best = group.name;
      for (const [spelling, count] of spellings) if (count > spellings.get(best)!) best = spelling;
      named.set(slug, { ...group, name: best });
    }
    return named;
  });
  return { groups: result, problems };
}

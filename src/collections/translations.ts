import { LANGS, otherLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";

/** A post and its translations: one post per language at most. */
export type TranslationSet = Partial<Record<Lang, Post>>;

/** A post's path below its language folder, without extension: "daily/x" for "zh/daily/x.md". */
function pathBelowLang(post: Post): string | undefined {
  const [top, ...rest] = post.contentPath.split("/");
  return rest.length > 0 && (LANGS as readonly string[]).includes(top!) ? rest.join("/").replace(/\.[^.]+$/, "") : undefined;
}

/**
 * Pairs translations in one pass: by translationKey, else by the same path below the language
 * folders. Two posts of the same language that claim one pairing are reported; the first
 * (newest) keeps it.
 */
export function pairTranslations(posts: Post[]): { translations: Map<Post, TranslationSet>; problems: ContentProblem[] } {
  const byKey = new Map<string, TranslationSet>();
  const byPath = new Map<string, TranslationSet>();
  const translations = new Map<Post, TranslationSet>();
  const problems: ContentProblem[] = [];
  for (const post of posts) {
    const [sets, pairing] = post.translationKey ? [byKey, post.translationKey] : [byPath, pathBelowLang(post)];
    if (pairing === undefined) continue;
    const set = sets.get(pairing) ?? {};
    if (set[post.lang]) {
      problems.push({ file: post.sourcePath, field: "translationKey", message: `pairs with ${set[post.lang]!.sourcePath}, which has the same language; a translation key joins one post per language` });
    } else set[post.lang] = post;
    sets.set(pairing, set);
    translations.set(post, set);
  }
  return { translations, problems };
}

/**
 * Each translation's original (posts with `translationOf`): the post at the path it recorded,
 * else the other language's post with the slug it recorded (a renamed file), else the post it
 * pairs with. Undefined when none is found.
 */
export function originalsOf(posts: Post[], translations: Map<Post, TranslationSet>): Map<Post, Post | undefined> {
  const recorded = posts.filter((post) => post.translationOf);
  const originals = new Map<Post, Post | undefined>();
  if (recorded.length === 0) return originals;
  const byPath = new Map(posts.map((post) => [post.contentPath, post]));
  const bySlug = new Map(posts.map((post) => [`${post.lang}/${post.slug}`, post]));
  for (const post of recorded) {
    const { source, slug } = post.translationOf!;
    const other = otherLang(post.lang);
    const atPath = byPath.get(source);
    originals.set(post, atPath && atPath !== post ? atPath : ((slug ? bySlug.get(`${other}/${slug}`) : undefined) ?? translations.get(post)?.[other]));
  }
  return originals;
}

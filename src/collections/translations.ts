import type { Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";

/** A post and its translations: one post per language at most. */
export type TranslationSet = Partial<Record<Lang, Post>>;

/** What pairs a post with its translation: its translationKey, else its path below the language folder. */
function pairingOf(post: Post): string | undefined {
  if (post.translationKey) return `key:${post.translationKey}`;
  const m = /^(?:zh|en)\/(.+)$/.exec(post.contentPath);
  return m ? `path:${m[1]!.replace(/\.[^.]+$/, "")}` : undefined;
}

/**
 * Pairs translations in one pass. Two posts of the same language that claim one pairing are
 * reported; the first (newest) keeps it.
 */
export function pairTranslations(posts: Post[]): { translations: Map<Post, TranslationSet>; problems: ContentProblem[] } {
  const sets = new Map<string, TranslationSet>();
  const translations = new Map<Post, TranslationSet>();
  const problems: ContentProblem[] = [];
  for (const post of posts) {
    const pairing = pairingOf(post);
    if (!pairing) continue;
    const set = sets.get(pairing) ?? {};
    if (set[post.lang]) {
      problems.push({ file: post.sourcePath, field: "translationKey", message: `pairs with ${set[post.lang]!.sourcePath}, which has the same language; a translation key joins one post per language` });
    } else set[post.lang] = post;
    sets.set(pairing, set);
    translations.set(post, set);
  }
  return { translations, problems };
}

import { otherLang, type Kind, type Lang } from "../config.ts";
import { bodyDigest } from "../content/digest.ts";
import type { Post, TranslationOf } from "../content/schema.ts";
import { originalsOf, pairTranslations } from "../collections/translations.ts";

/**
 * Where a post stands with its other-language edition:
 * - "in step": the translation was made from the original's current body;
 * - "stale": the original's body changed after the translation was made;
 * - "untracked": both editions exist, but the translation records no version of the original;
 * - "source missing": the translation names an original that no longer exists;
 * - "source unreadable": the original it names is there but does not read (npm run check says why);
 * - "missing": no translation, and the rhythm expects one for the kind;
 * - "not expected": no translation, and none is expected.
 */
export type TranslationStateName = "in step" | "stale" | "untracked" | "source missing" | "source unreadable" | "missing" | "not expected";

export interface TranslationState {
  state: TranslationStateName;
  /** The original (source) edition, when known. */
  original?: Post;
  /** The translation, when there is one. */
  translation?: Post;
  /** What the translation recorded of its original (`translationOf`). */
  record?: TranslationOf;
}

/** The project-relative path of the original a translation recorded: "content/zh/weekly/x.md". */
export function recordedPath(post: Post, record: TranslationOf): string {
  return post.sourcePath.slice(0, post.sourcePath.length - post.contentPath.length) + record.source;
}

/**
 * The translation state of every post, in one pass. A post with `translationOf` is a
 * translation; a post whose other-language edition has it is that edition's original. A pair
 * where neither records a version is "untracked" on both sides, the default language's post
 * taken for the original. `unreadable` are the files that did not read (project-relative): an
 * original among them is not reported as gone.
 */
export function translationStates(posts: Post[], translated: readonly Kind[], defaultLang: Lang, unreadable: ReadonlySet<string> = new Set()): Map<Post, TranslationState> {
  const { translations } = pairTranslations(posts);
  const originals = originalsOf(posts, translations);
  const states = new Map<Post, TranslationState>();

  for (const post of posts) {
    const record = post.translationOf;
    if (!record) continue;
    const original = originals.get(post);
    const state: TranslationState = original
      ? { state: bodyDigest(original.body) === record.digest ? "in step" : "stale", original, translation: post, record }
      : { state: unreadable.has(recordedPath(post, record)) ? "source unreadable" : "source missing", translation: post, record };
    states.set(post, state);
    if (original && !original.translationOf) states.set(original, state);
  }
  for (const post of posts) {
    if (states.has(post)) continue;
    const other = translations.get(post)?.[otherLang(post.lang)];
    if (other && !states.has(other)) {
      const [original, translation] = post.lang === defaultLang ? [post, other] : [other, post];
      const state: TranslationState = { state: "untracked", original, translation };
      states.set(post, state);
      states.set(other, state);
    } else states.set(post, { state: translated.includes(post.kind) ? "missing" : "not expected", original: post });
  }
  return states;
}

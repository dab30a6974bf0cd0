import { unicodeSlug } from "../i18n/slug.ts";

/*
 * What makes two spellings one tag, and a tag's URL segment. Here rather than in the
 * collections so the tag registry (content/tags.yaml) compares tags the way pages group them.
 */

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

/**
 * The singulars an English plural's merge key may stand for ("llms" → "llm", "policies" →
 * "policy", "boxes" → "box"), none for a key that does not end in a Latin plural. Only a
 * guess: `npm run check` reports a plural only when one of these is also a tag.
 */
export function singularKeys(key: string): string[] {
  if (!/[a-z0-9]s$/.test(key) || key.endsWith("ss")) return [];
  const singulars = [key.slice(0, -1)];
  if (/[a-z]ies$/.test(key)) singulars.push(`${key.slice(0, -3)}y`);
  if (/(?:s|x|z|ch|sh)es$/.test(key)) singulars.push(key.slice(0, -2));
  return singulars.filter((singular) => singular.length > 0);
}

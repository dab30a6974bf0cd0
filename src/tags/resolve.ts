import type { Lang } from "../config.ts";
import { tagMergeKey } from "./names.ts";
import type { TagRegistry } from "./registry.ts";

/*
 * What the tag registry makes of a post's tag: pure lookups, so every place that shows a tag
 * (tag pages, post tag links, feeds, the check) agrees on it.
 */

/**
 * The tag a post's tag is, in its post's language: the tag a synonym becomes (chains followed),
 * else the registry's spelling of a tag it names (so "llm" shows as the registry's "LLM"), else
 * the tag as written.
 */
export function canonicalTag(registry: TagRegistry, lang: Lang, tag: string): string {
  const key = tagMergeKey(tag);
  return registry.synonyms[lang].get(key)?.to ?? registry.names[lang].get(key) ?? tag;
}

/** The same tag in the other language, when the registry pairs them. */
export function equivalentTag(registry: TagRegistry, lang: Lang, tag: string): string | undefined {
  return registry.equivalents[lang].get(tagMergeKey(canonicalTag(registry, lang, tag)))?.equivalent;
}

/** Whether the registry merges this spelling into another tag. */
export const isMerged = (registry: TagRegistry, lang: Lang, tag: string): boolean => registry.synonyms[lang].has(tagMergeKey(tag));

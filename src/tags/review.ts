import { perLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import { singularKeys, tagMergeKey } from "./names.ts";
import type { TagRegistry } from "./registry.ts";
import { canonicalTag } from "./resolve.ts";

/** What the review reads of a post. */
export interface TaggedPost {
  lang: Lang;
  sourcePath: string;
  tags: readonly string[];
}

/**
 * npm run check's help with tags: likely duplicates in one language, for the editor to merge.
 * Spellings that differ only in case, width or spacing (one page already, two spellings on it),
 * and an English plural beside its singular ("LLMs" and "LLM", "Agents" and "Agent"), which
 * have two pages. Tags are read as the registry makes them, so a spelling it already merges is
 * not reported. Each finding names the first post that uses the spelling.
 */
export function likelyDuplicateTags(posts: readonly TaggedPost[], registry: TagRegistry): ContentProblem[] {
  const findings: ContentProblem[] = [];
  // Per language: merge key → each spelling and the first post that uses it, in post order.
  const byKey = perLang(() => new Map<string, Map<string, string>>());
  for (const post of posts) {
    for (const written of post.tags) {
      const tag = canonicalTag(registry, post.lang, written);
      const key = tagMergeKey(tag);
      const spellings = byKey[post.lang].get(key) ?? new Map<string, string>();
      if (!spellings.has(tag)) spellings.set(tag, post.sourcePath);
      byKey[post.lang].set(key, spellings);
    }
  }
  for (const keys of Object.values(byKey)) {
    for (const spellings of keys.values()) {
      const [head, ...rest] = [...spellings];
      const [first, firstFile] = head!;
      for (const [tag, file] of rest) {
        findings.push({ file, field: "tags", message: `tag "${tag}" differs from "${first}" (${firstFile}) only in case, width or spacing; they share one page` });
      }
    }
  }
  for (const [lang, keys] of Object.entries(byKey) as [Lang, Map<string, Map<string, string>>][]) {
    for (const [key, spellings] of keys) {
      const singular = singularKeys(key).find((candidate) => keys.has(candidate));
      if (singular === undefined) continue;
      const [plural, file] = [...spellings][0]!;
      const [one, oneFile] = [...keys.get(singular)!][0]!;
      findings.push({
        file,
        field: "tags",
        message: `tag "${plural}" looks like the plural of "${one}" (${oneFile}); they have two pages. To make them one, add "${plural}: ${one}" under synonyms: ${lang}: in ${registry.file}`,
      });
    }
  }
  return findings;
}

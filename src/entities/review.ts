import type { ContentProblem } from "../content/errors.ts";
import type { EntityMatcher } from "./matcher.ts";
import type { EntityRegistry } from "./registry.ts";

/** What the review needs of a post: its text, the entities found in it, the ones it excludes. */
export interface ReviewedPost {
  sourcePath: string;
  title: string;
  body: string;
  /** Entity ids the build found (or the front matter added). */
  mentioned: string[];
  excluded: string[];
}

export interface EntityFinding extends ContentProblem {
  level: "warning" | "note";
}

export interface EntityReviewOptions {
  /** A name is listed once it appears in this many posts. */
  minPosts?: number;
  /** At most this many names are listed, the most frequent first. */
  maxNames?: number;
}

/** A Latin word, with the hyphens and dots that join versions and domains ("GPT-5.3-Codex"). */
const LATIN_WORD = /(?<![A-Za-z0-9_])[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*(?![A-Za-z0-9_])/g;

/**
 * Whether a word looks like the name of a product, model or company rather than a word: a
 * capital inside it (OpenAI, ElevenLabs, xAI, MiniCPM), or a version joined to a capitalized
 * name (GPT-5.3-Codex, Intern-S1-Pro). Capitalized words (Details) and acronyms (API, W06)
 * are not.
 */
export const looksLikeName = (word: string) =>
  /[a-z][A-Z]/.test(word) || (/[A-Z]/.test(word) && /[a-zA-Z]/.test(word) && /\d/.test(word) && /[-.]/.test(word));

/** Markdown without what is not prose: code, link targets, addresses, HTML tags. */
const prose = (markdown: string) =>
  markdown
    .replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/<[^>\n]*>/g, " ")
    .replace(/https?:\/\/\S+/g, " ");

/**
 * Editor help for the registry: frequent names that look like entities but are not in it,
 * names two entities share but for case or width, entities no post mentions, and posts that
 * exclude an entity they never mention.
 */
export function reviewEntities(registry: EntityRegistry, matcher: EntityMatcher, posts: ReviewedPost[], options: EntityReviewOptions = {}): EntityFinding[] {
  const findings: EntityFinding[] = [];
  const minPosts = options.minPosts ?? 3;
  const maxNames = options.maxNames ?? 20;

  // Names the registry lacks, counted once per post.
  const seen = new Map<string, { posts: number; first: string }>();
  for (const post of posts) {
    const text = `${post.title}\n${prose(post.body)}`;
    const known = matcher.find(text);
    const inPost = new Set<string>();
    for (const match of text.matchAll(LATIN_WORD)) {
      const word = match[0];
      if (!looksLikeName(word)) continue;
      const start = match.index;
      if (known.some((m) => m.start <= start && m.end >= start + word.length)) continue;
      inPost.add(word);
    }
    for (const word of inPost) {
      const entry = seen.get(word) ?? { posts: 0, first: post.sourcePath };
      entry.posts++;
      seen.set(word, entry);
    }
  }
  const frequent = [...seen].filter(([, s]) => s.posts >= minPosts).sort((a, b) => b[1].posts - a[1].posts || a[0].localeCompare(b[0]));
  for (const [word, { posts: n, first }] of frequent.slice(0, maxNames)) {
    findings.push({ level: "note", file: first, field: "entities", message: `"${word}" appears in ${n} posts but is not in the registry; add it to content/entities/ if readers should follow it` });
  }

  // Names that differ only in case or width lead to two entities: likely one thing.
  const byFolded = new Map<string, { alias: string; id: string }>();
  for (const entity of registry.entities.values()) {
    for (const alias of entity.aliases) {
      const folded = alias.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
      const other = byFolded.get(folded);
      if (other && other.id !== entity.id) {
        findings.push({ level: "warning", file: entity.file, line: entity.line, field: `${entity.id}.aliases`, message: `"${alias}" and "${other.alias}" (${other.id}) differ only in case or width; one name should lead to one entity` });
      } else if (!other) byFolded.set(folded, { alias, id: entity.id });
    }
  }

  // Entities nobody mentions, and exclusions of what a post never mentions.
  const mentioned = new Set(posts.flatMap((p) => p.mentioned));
  for (const entity of registry.entities.values()) {
    if (!mentioned.has(entity.id)) findings.push({ level: "warning", file: entity.file, line: entity.line, field: entity.id, message: "no post mentions it; check its names, or remove it" });
  }
  for (const post of posts) {
    if (post.excluded.length === 0) continue;
    const found = new Set(matcher.find(`${post.title}\n${prose(post.body)}`).map((m) => m.id));
    for (const id of post.excluded) {
      if (!found.has(id)) findings.push({ level: "warning", file: post.sourcePath, field: "entities", message: `excludes "${id}", which the post never mentions; remove "-${id}"` });
    }
  }
  return findings;
}

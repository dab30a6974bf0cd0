import { otherLang, perLang, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import type { PostEntry } from "./entries.ts";
import type { TranslationSet } from "./translations.ts";
import { unicodeSlug } from "../i18n/slug.ts";
import { tagMergeKey, tagSlug } from "./tags.ts";

/** The posts of one series in one language, in reading order. */
export interface SeriesGroup {
  lang: Lang;
  slug: string;
  /** As the first part writes it. */
  name: string;
  /** Reading order: by part number when every post has one, else by date, oldest first. */
  posts: Post[];
  /** Whether the order came from part numbers. */
  numbered: boolean;
}

/** Series by language, then by slug (names that differ only in case or spacing are one series, like tags). */
export type SeriesGroups = Record<Lang, Map<string, SeriesGroup>>;

const byDate = (a: Post, b: Post) => a.date.getTime() - b.date.getTime() || a.sourcePath.localeCompare(b.sourcePath);

/** Reading order of a series' posts: their parts when all have one, else their dates. */
function readingOrder(posts: Post[]): { posts: Post[]; numbered: boolean } {
  const numbered = posts.every((post) => post.series!.part !== undefined);
  const ordered = [...posts].sort(numbered ? (a, b) => a.series!.part! - b.series!.part! || byDate(a, b) : byDate);
  return { posts: ordered, numbered };
}

/** A series' URL segment: its name, readable ("a-year-of-agents", "智能体的一年"). */
export function seriesSlug(name: string): string {
  return unicodeSlug(name) || tagSlug(name);
}

/**
 * Groups posts by series in one pass per language. Names that differ only in case or spacing
 * are one series; two names that would share a URL without being one series are an error, as
 * for tags.
 */
export function groupBySeries(posts: Post[]): { groups: SeriesGroups; problems: ContentProblem[] } {
  const found = perLang(() => new Map<string, { name: string; slug: string; posts: Post[] }>());
  const problems: ContentProblem[] = [];
  for (const post of [...posts].sort(byDate)) {
    if (!post.series) continue;
    const key = tagMergeKey(post.series.name);
    const group = found[post.lang].get(key);
    if (group) group.posts.push(post);
    else found[post.lang].set(key, { name: post.series.name, slug: seriesSlug(post.series.name), posts: [post] });
  }
  const groups = perLang((lang) => {
    const bySlug = new Map<string, SeriesGroup>();
    for (const group of found[lang].values()) {
      const taken = bySlug.get(group.slug);
      if (taken) {
        const post = group.posts[0]!;
        problems.push({
          file: post.sourcePath,
          line: post.series!.line,
          field: "series",
          message: `series "${group.name}" would share the URL of series "${taken.name}" (${taken.posts[0]!.sourcePath}); rename one of them`,
        });
      } else bySlug.set(group.slug, { lang, slug: group.slug, name: group.name, ...readingOrder(group.posts) });
    }
    return bySlug;
  });
  return { groups, problems };
}

/** One post of a series as its box and its page list it. */
export interface SeriesPart {
  entry: PostEntry;
  /** Its number as readers see it: the part number, or its place when the series is ordered by date. */
  number: number;
}

/** The parts of a series, numbered as readers see them. */
export function seriesParts(group: SeriesGroup, entryOf: (post: Post) => PostEntry): SeriesPart[] {
  return group.posts.map((post, i) => ({ entry: entryOf(post), number: group.numbered ? post.series!.part! : i + 1 }));
}

/**
 * The other language's series that tells the same story: the one its parts' translations
 * belong to, when they all belong to one.
 */
export function translatedSeries(group: SeriesGroup, translations: Map<Post, TranslationSet>, series: SeriesGroups): SeriesGroup | undefined {
  const other = otherLang(group.lang);
  const slugs = new Set<string | undefined>();
  for (const post of group.posts) {
    const translation = translations.get(post)?.[other];
    if (translation) slugs.add(translation.series && seriesSlug(translation.series.name));
  }
  const [slug] = slugs;
  return slugs.size === 1 && slug ? series[other].get(slug) : undefined;
}

/** A warning about a series, for npm run check: what an editor should fix in which files. */
export interface SeriesFinding {
  file: string;
  line?: number;
  message: string;
}

/**
 * Part numbers that leave the order unclear: a part that is not a whole number, a series with
 * numbers on some posts only, a number used twice, a gap. The series still builds (by date
 * where the numbers do not say).
 */
export function seriesFindings(groups: SeriesGroups): SeriesFinding[] {
  const findings: SeriesFinding[] = [];
  for (const lang of Object.keys(groups) as Lang[]) {
    for (const group of groups[lang].values()) {
      const label = `series "${group.name}" (${lang})`;
      for (const post of group.posts) {
        if (post.series!.partText !== undefined) {
          findings.push({ file: post.sourcePath, line: post.series!.line, message: `part "${post.series!.partText}" of ${label} is not a whole number from 1; the series is ordered by date` });
        }
      }
      const unnumbered = group.posts.filter((post) => post.series!.part === undefined);
      if (unnumbered.length && unnumbered.length < group.posts.length) {
        for (const post of unnumbered) {
          if (post.series!.partText === undefined) findings.push({ file: post.sourcePath, line: post.series!.line, message: `has no part number while other posts of ${label} do; the series is ordered by date until every post has one` });
        }
      }
      if (!group.numbered) continue;
      const byPart = new Map<number, Post[]>();
      for (const post of group.posts) byPart.set(post.series!.part!, [...(byPart.get(post.series!.part!) ?? []), post]);
      for (const [part, same] of byPart) {
        if (same.length < 2) continue;
        for (const post of same) {
          const others = same.filter((p) => p !== post).map((p) => p.sourcePath).join(", ");
          findings.push({ file: post.sourcePath, line: post.series!.line, message: `part ${part} of ${label} is also part ${part} of ${others}; give each post its own part number` });
        }
      }
      // Gaps as ranges, from the sorted numbers: a part numbered 20260207 costs nothing.
      const numbers = [...byPart.keys()].sort((a, b) => a - b);
      const gaps: string[] = [];
      numbers.forEach((n, i) => {
        const from = (numbers[i - 1] ?? 0) + 1;
        if (n > from) gaps.push(n - 1 > from ? `${from}–${n - 1}` : `${from}`);
      });
      if (gaps.length) {
        const last = group.posts.at(-1)!;
        const named = gaps.length > 5 ? `${gaps.slice(0, 5).join(", ")} and more` : gaps.join(", ");
        findings.push({ file: last.sourcePath, line: last.series!.line, message: `${label} has no part ${named} (parts go up to ${numbers.at(-1)}); number the parts 1, 2, 3… or add the missing one` });
      }
    }
  }
  return findings;
}

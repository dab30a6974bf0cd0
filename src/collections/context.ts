import { KINDS, perLang, type Kind, type Lang, type SiteConfig } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { createMatcher } from "../entities/matcher.ts";
import { emptyRegistry, type EntityRegistry } from "../entities/registry.ts";
import { emptyTagRegistry, type TagRegistry } from "../tags/registry.ts";
import { collectAliases, synonymRedirects, type Alias } from "./aliases.ts";
import { groupByEntity, overrideProblems, type EntityGroups } from "./entities.ts";
import { groupByAuthor, type AuthorGroups } from "./authors.ts";
import { entryOf, renderBody, type PostEntry } from "./entries.ts";
import type { LinkTargets } from "./links.ts";
import { groupBySeries, type SeriesGroups } from "./series.ts";
import { indexStories, storyItems, type StoryIndex } from "./stories.ts";
import { groupByTag, type TagGroup, type TagGroups } from "./tags.ts";
import { originalsOf, pairTranslations, type TranslationSet } from "./translations.ts";
import { urls } from "./urls.ts";
import { groupByWeek, type WeekGroups } from "./weeks.ts";

/**
 * What every page type builds from: the posts rendered once and grouped once per build, by
 * typed keys (language, kind, ISO week, tag slug, author id). Each grouping is one pass over
 * the posts, so the cost grows linearly with their number.
 */
export interface Collections {
  config: SiteConfig;
  /** Every live post with a unique URL, rendered, newest first. */
  entries: PostEntry[];
  /** The rendered entry of a post: the groupings below hold posts, the lists hold entries. */
  entryOf(post: Post): PostEntry;
  /** Newest first. */
  byLang: Record<Lang, PostEntry[]>;
  /** Newest first. */
  byKind: Record<Lang, Record<Kind, PostEntry[]>>;
  weeks: WeekGroups;
  tags: TagGroups;
  /** A post's tags as their groups (as the tag registry makes them), each once, in the post's order. */
  tagsOf(post: Post): TagGroup[];
  authors: AuthorGroups;
  /** Posts by series, in reading order. */
  series: SeriesGroups;
  /** Each post's translation set (the post itself included); posts without one are absent. */
  translations: Map<Post, TranslationSet>;
  /** Each translation's original (see `translationOf`), when found. */
  originals: Map<Post, Post | undefined>;
  /** Old URLs: those posts list, then the pages of tags the tag registry merges. */
  aliases: Alias[];
  /** The entity registry, and the entities posts mention with the posts that mention them. */
  registry: EntityRegistry;
  entities: EntityGroups;
  /** News items of different posts that tell one story, and whom each item links to. */
  stories: StoryIndex;
}

/** The collections, and what the build needs beside them. */
export interface CollectedContent {
  collections: Collections;
  /** What links inside posts resolve against; kept to re-render one post in watch mode. */
  linkTargets: LinkTargets;
  /** Problems that stop the build: URL clashes, tag clashes, links that lead nowhere. */
  problems: ContentProblem[];
}

/** Newest first; ties broken by path so every build orders posts the same way. */
export function byNewest(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || a.sourcePath.localeCompare(b.sourcePath);
}

export function buildCollections(
  input: Post[],
  config: SiteConfig,
  now: Date,
  registry: EntityRegistry = emptyRegistry(),
  tagRegistry: TagRegistry = emptyTagRegistry(),
  files?: ReadonlySet<string>,
): CollectedContent {
  const problems: ContentProblem[] = [];
  const siteOrigin = new URL(config.url).origin;

  // Unique URLs: two posts may never write the same page.
  const byUrl = new Map<string, Post>();
  for (const post of [...input].sort(byNewest)) {
    const url = urls.post(post);
    const first = byUrl.get(url);
    if (first) {
      problems.push({ file: post.sourcePath, field: "slug", message: `gives the URL ${url}, already used by ${first.sourcePath}; set a different "slug"` });
    } else byUrl.set(url, post);
  }
  const posts = [...byUrl.values()];

  const weeks = groupByWeek(posts);
  const tagged = groupByTag(posts, tagRegistry);
  problems.push(...tagged.problems);
  const tagRedirects = synonymRedirects(tagged.groups, tagRegistry);
  problems.push(...tagRedirects.problems);
  const authors = groupByAuthor(posts, config.authors);
  const series = groupBySeries(posts);
  problems.push(...series.problems);
  const paired = pairTranslations(posts);
  problems.push(...paired.problems);
  const moved = collectAliases(posts, new Set(byUrl.keys()));
  problems.push(...moved.problems);

  for (const post of posts) problems.push(...overrideProblems(post, registry));

  const linkTargets: LinkTargets = {
    weeks,
    postBySource: new Map(posts.map((p) => [p.sourcePath, urls.post(p)])),
    aliases: moved.targets,
    files,
    entities: registry.entities.size
      ? { finder: createMatcher(registry.entities.values()), href: config.linkFirstMentions ? urls.topic : undefined }
      : undefined,
  };

  const entryByPost = new Map<Post, PostEntry>();
  const byKind = perLang(() => Object.fromEntries(KINDS.map((kind) => [kind, [] as PostEntry[]])) as Record<Kind, PostEntry[]>);
  for (const post of posts) {
    const tagNames = tagged.tagsOf(post).map((tag) => tag.name);
    const entry = entryOf(post, now, renderBody(post, linkTargets, siteOrigin, problems), tagNames);
    entryByPost.set(post, entry);
    byKind[post.lang][post.kind].push(entry);
  }
  const entries = [...entryByPost.values()];

  const storiesStarted = performance.now();
  const stories = indexStories(storyItems(entries, linkTargets.entities?.finder, registry, siteOrigin), paired.translations);
  stories.counts.seconds = (performance.now() - storiesStarted) / 1000;
  const collections: Collections = {
    config,
    entries,
    entryOf: (post) => entryByPost.get(post)!,
    byLang: perLang((lang) => entries.filter((e) => e.post.lang === lang)),
    byKind,
    weeks,
    tags: tagged.groups,
    tagsOf: tagged.tagsOf,
    authors,
    series: series.groups,
    translations: paired.translations,
    originals: originalsOf(posts, paired.translations),
    aliases: [...moved.aliases, ...tagRedirects.redirects],
    registry,
    entities: groupByEntity(posts, (post) => entryByPost.get(post)!.entities, registry),
    stories,
  };
  return { collections, linkTargets, problems };
}

import { KINDS, LANGS, type Kind, type Lang, type SiteConfig } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import { publicationStatus, type PublicationStatus } from "../content/publish.ts";
import type { Post } from "../content/schema.ts";
import { readingMinutes } from "../content/reading.ts";
import { renderMarkdown, type Heading } from "../markdown/render.ts";
import { authorFor, groupByAuthor } from "./authors.ts";
import { resolvePostLink, type LinkTargets } from "./links.ts";
import { defaultShareImage, type ShareImage } from "./metadata.ts";
import { groupByTag, tagSlug } from "./tags.ts";
import { onlyInFragment, urls } from "./urls.ts";
import { groupByWeek, weekKey, weeksOf, type WeekGroup } from "./weeks.ts";

export interface Link {
  url: string;
  title: string;
}

/** The same page in each language that has one (hreflang alternates). */
export type Alternates = Partial<Record<Lang, string>>;

export interface PageBase {
  lang: Lang;
  url: string;
  alternates: Alternates;
  /** Where the language switcher goes; `exact` is false when it lands on a nearby page with a note. */
  switchTo: { lang: Lang; url: string; exact: boolean };
}

export interface TocEntry {
  id: string;
  text: string;
  children: { id: string; text: string }[];
}

/** Nests h3 headings under the h2 before them; an h3 before any h2 stands on its own. */
export function tableOfContents(headings: Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.level === 2 || (h.level === 3 && toc.length === 0)) toc.push({ id: h.id, text: h.text, children: [] });
    else if (h.level === 3) toc.at(-1)!.children.push({ id: h.id, text: h.text });
  }
  return toc;
}

export interface Source {
  url: string;
  title: string;
  host: string;
}

export interface PostPage extends PageBase {
  post: Post;
  /** Drafts and scheduled posts reach pages only in the dev server, with a badge. */
  status: PublicationStatus;
  html: string;
  summaryHtml: string;
  /** The external links of the body, in order, each once: a news item's sources. */
  sources: Source[];
  tagLinks: Link[];
  authorLinks: Link[];
  readingMinutes: number;
  /** h2 sections with their h3s, for the table of contents of digests and deep dives. */
  toc: TocEntry[];
  weekHub: string;
  /** For dailies and deep dives: the digests of their week. */
  weekDigests: Link[];
  /** For digests: the daily briefs and deep dives of the week they cover. */
  weekDailies: Link[];
  weekDeepDives: Link[];
  prev?: Link;
  next?: Link;
}

interface Paged<T> {
  pageNumber: number;
  totalPages: number;
  items: T[];
  newer?: string;
  older?: string;
}

export interface ListPage extends PageBase, Paged<PostPage> {
  kind: Kind;
}

export interface HomePage extends PageBase {
  sections: { kind: Kind; items: PostPage[]; moreUrl: string }[];
}

export interface WeekPage extends PageBase {
  week: string;
  digests: PostPage[];
  dailies: PostPage[];
  deepDives: PostPage[];
  prevWeek?: string;
  nextWeek?: string;
}

export interface ArchivePage extends PageBase {
  years: { year: string; weeks: { week: string; url: string; counts: Record<Kind, number>; digests: Link[] }[] }[];
}

export interface TagPage extends PageBase, Paged<PostPage> {
  tag: { name: string; slug: string; count: number };
}

export interface TagIndexPage extends PageBase {
  tags: { name: string; url: string; count: number }[];
}

export interface AuthorPage extends PageBase, Paged<PostPage> {
  author: { id: string; name: string; count: number };
}

export interface AliasPage {
  lang: Lang;
  /** The old URL, a folder path ending in "/". */
  url: string;
  to: string;
  title: string;
}

/** Posts grouped once per build, newest first, for feeds and other consumers. */
export interface Collections {
  byLang: Record<Lang, PostPage[]>;
  /** Keyed "zh/daily". */
  byKind: Map<string, PostPage[]>;
  byTag: { lang: Lang; slug: string; name: string; url: string; posts: PostPage[] }[];
}

export interface SiteIndex {
  collections: Collections;
  /** What links inside posts resolve against; kept to re-render one post in watch mode. */
  linkTargets: LinkTargets;
  posts: PostPage[];
  lists: ListPage[];
  homes: HomePage[];
  weeks: WeekPage[];
  archives: ArchivePage[];
  tags: TagPage[];
  tagIndexes: TagIndexPage[];
  authors: AuthorPage[];
  aliases: AliasPage[];
  searches: PageBase[];
  notFound: PageBase[];
  /** Each language's default link-preview image, for pages without a cover (see metadata.ts). */
  shareImage: Record<Lang, ShareImage>;
  problems: ContentProblem[];
}

const otherLang = (lang: Lang): Lang => (lang === "zh" ? "en" : "zh");

/** Newest first; ties broken by path so every build orders posts the same way. */
export function byNewest(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || a.sourcePath.localeCompare(b.sourcePath);
}

/** The key that pairs a post with its translation: translationKey, else its path below the language folder. */
function pairKey(post: Post): string | undefined {
  if (post.translationKey) return `key:${post.translationKey}`;
  const m = /^(?:zh|en)\/(.+)$/.exec(post.contentPath);
  return m ? `path:${m[1]!.replace(/\.[^.]+$/, "")}` : undefined;
}

const EXTERNAL_LINK = /<a\s[^>]*?href="(https?:\/\/[^"]+)"[^>]*>([\s\S]*?)<\/a>/g;
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

/** External links of sanitized post HTML (our own renderer's output, so a pattern suffices). */
export function externalLinks(html: string): Source[] {
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const m of html.matchAll(EXTERNAL_LINK)) {
    const url = decode(m[1]!);
    if (seen.has(url)) continue;
    seen.add(url);
    const title = decode(m[2]!.replace(/<[^>]+>/g, "")).trim();
    sources.push({ url, title: title || url, host: new URL(url).host.replace(/^www\./, "") });
  }
  return sources;
}

function paginate<T>(items: T[], size: number, url: (page: number) => string): Paged<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, i) => {
    const n = i + 1;
    return {
      pageNumber: n,
      totalPages,
      items: items.slice(i * size, n * size),
      newer: n > 1 ? url(n - 1) : undefined,
      older: n < totalPages ? url(n + 1) : undefined,
    };
  });
}

function alternatesOf(entries: [Lang, string | undefined][]): Alternates {
  const alternates: Alternates = {};
  for (const [lang, url] of entries) if (url) alternates[lang] = url;
  return alternates;
}

/** Switch to the other language's equivalent, or to a nearby page whose note explains the gap. */
function switchTo(lang: Lang, alternates: Alternates, nearby: string): PageBase["switchTo"] {
  const other = otherLang(lang);
  const exact = alternates[other];
  return exact ? { lang: other, url: exact, exact: true } : { lang: other, url: `${nearby}#${onlyInFragment(lang)}`, exact: false };
}

const link = (page: PostPage): Link => ({ url: page.url, title: page.post.title });

/** The parts of a post page that come from its body and summary. */
export type RenderedBody = Pick<PostPage, "html" | "summaryHtml" | "sources" | "readingMinutes" | "toc">;

/** Renders a post's body and summary; links that lead nowhere are added to `problems`. */
export function renderBody(post: Post, targets: LinkTargets, siteOrigin: string, problems: ContentProblem[]): RenderedBody {
  const headings: Heading[] = [];
  const env = {
    lang: post.lang,
    headings,
    resolveLink: (href: string, text: string, line: number) => {
      const resolved = resolvePostLink(href, text, post, targets);
      if (resolved && "error" in resolved) {
        problems.push({ file: post.sourcePath, line: post.bodyLine + line, field: "link", message: resolved.error });
        return undefined;
      }
      return resolved?.href;
    },
  };
  const html = renderMarkdown(post.body, { siteOrigin }, env);
  return {
    html,
    summaryHtml: renderMarkdown(post.summary, { siteOrigin }, { lang: post.lang }),
    sources: externalLinks(html),
    readingMinutes: readingMinutes(html.replace(/<[^>]+>/g, " ")),
    toc: post.kind === "daily" ? [] : tableOfContents(headings),
  };
}

/**
 * Builds every page model of the site from the posts, once per build. Each step is one
 * pass over the posts or over a group, so the cost grows linearly with the number of posts.
 */
export function buildSite(input: Post[], config: SiteConfig, now: Date = new Date()): SiteIndex {
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
  const tagResult = groupByTag(posts);
  problems.push(...tagResult.problems);
  const tags = tagResult.groups;
  const authors = groupByAuthor(posts, config.authors);

  // Translation pairs.
  const pairs = new Map<string, Partial<Record<Lang, Post>>>();
  for (const post of posts) {
    const key = pairKey(post);
    if (!key) continue;
    const pair = pairs.get(key) ?? {};
    if (pair[post.lang]) {
      problems.push({ file: post.sourcePath, field: "translationKey", message: `pairs with ${pair[post.lang]!.sourcePath}, which has the same language; a translation key joins one post per language` });
    } else pair[post.lang] = post;
    pairs.set(key, pair);
  }

  // Old URLs.
  const aliasTargets = new Map<string, string>();
  const aliases: AliasPage[] = [];
  for (const post of [...posts].sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))) {
    for (const alias of post.aliases) {
      const taken = aliasTargets.get(alias) ?? (byUrl.has(alias) ? alias : undefined);
      if (taken) {
        problems.push({ file: post.sourcePath, field: "aliases", message: `${alias} already leads to ${taken}; an old URL can lead to one page only` });
        continue;
      }
      aliasTargets.set(alias, urls.post(post));
      aliases.push({ lang: post.lang, url: alias, to: urls.post(post), title: post.title });
    }
  }

  const targets: LinkTargets = {
    weeks,
    postBySource: new Map(posts.map((p) => [p.sourcePath, urls.post(p)])),
    aliases: aliasTargets,
  };

  // Post pages.
  const pageOf = new Map<Post, PostPage>();
  const groups = new Map<string, PostPage[]>();
  for (const post of posts) {
    const pair = pairs.get(pairKey(post) ?? "");
    const alternates = alternatesOf(LANGS.map((lang) => [lang, lang === post.lang ? urls.post(post) : pair?.[lang] && urls.post(pair[lang]!)]));
    const other = otherLang(post.lang);
    const nearby = weeks.has(weekKey(other, post.week)) ? urls.weekHub(other, post.week) : urls.kindList(other, post.kind);
    const rendered = renderBody(post, targets, siteOrigin, problems);
    const page: PostPage = {
      lang: post.lang,
      url: urls.post(post),
      alternates,
      switchTo: switchTo(post.lang, alternates, nearby),
      post,
      status: publicationStatus(post, now),
      ...rendered,
      tagLinks: post.tags.map((tag) => ({ title: tags.get(`${post.lang}|${tagSlug(tag)}`)?.name ?? tag, url: urls.tag(post.lang, tagSlug(tag)) })),
      authorLinks: post.authors.map((name) => ({ title: name, url: urls.author(post.lang, authorFor(name, config.authors).id) })),
      weekHub: urls.weekHub(post.lang, post.week),
      weekDigests: [],
      weekDailies: [],
      weekDeepDives: [],
    };
    pageOf.set(post, page);
    const groupKey = `${post.lang}/${post.kind}`;
    const group = groups.get(groupKey) ?? [];
    group.push(page);
    groups.set(groupKey, group);
  }
  const pagesOf = (list: Post[]) => list.map((p) => pageOf.get(p)!);

  // Cross-links between a week's digest and its dailies and deep dives.
  for (const group of weeks.values()) {
    const digests = pagesOf(group.digests).map(link);
    const dailies = pagesOf(group.dailies).map(link);
    const deepDives = pagesOf(group.deepDives).map(link);
    for (const page of pagesOf(group.digests)) {
      page.weekDailies = dailies;
      page.weekDeepDives = deepDives;
    }
    for (const page of [...pagesOf(group.dailies), ...pagesOf(group.deepDives)]) page.weekDigests = digests;
  }

  // Previous/next stay inside one language and kind; groups are newest first.
  for (const group of groups.values()) {
    group.forEach((page, i) => {
      const newer = group[i - 1];
      const older = group[i + 1];
      if (older) page.prev = link(older);
      if (newer) page.next = link(newer);
    });
  }

  const both = (url: (lang: Lang) => string) => alternatesOf(LANGS.map((l) => [l, url(l)]));
  const lists: ListPage[] = [];
  const homes: HomePage[] = [];
  const weekPages: WeekPage[] = [];
  const archives: ArchivePage[] = [];
  const tagPages: TagPage[] = [];
  const tagIndexes: TagIndexPage[] = [];
  const authorPages: AuthorPage[] = [];

  for (const lang of LANGS) {
    const other = otherLang(lang);
    for (const kind of KINDS) {
      const items = groups.get(`${lang}/${kind}`) ?? [];
      for (const chunk of paginate(items, config.pageSize, (n) => urls.kindList(lang, kind, n))) {
        const alternates = chunk.pageNumber === 1 ? both((l) => urls.kindList(l, kind)) : { [lang]: urls.kindList(lang, kind, chunk.pageNumber) };
        lists.push({ ...chunk, lang, kind, url: urls.kindList(lang, kind, chunk.pageNumber), alternates, switchTo: { lang: other, url: urls.kindList(other, kind), exact: true } });
      }
    }

    homes.push({
      lang,
      url: urls.langHome(lang),
      alternates: both(urls.langHome),
      switchTo: { lang: other, url: urls.langHome(other), exact: true },
      sections: KINDS.map((kind) => ({ kind, items: (groups.get(`${lang}/${kind}`) ?? []).slice(0, config.homePerKind), moreUrl: urls.kindList(lang, kind) })),
    });

    // Week hubs, with the previous and next week that have posts.
    const langWeeks = weeksOf(weeks, lang);
    langWeeks.forEach((week, i) => {
      const group = weeks.get(weekKey(lang, week))!;
      const alternates = alternatesOf(LANGS.map((l) => [l, weeks.has(weekKey(l, week)) ? urls.weekHub(l, week) : undefined]));
      weekPages.push({
        lang,
        url: urls.weekHub(lang, week),
        alternates,
        switchTo: switchTo(lang, alternates, urls.archive(other)),
        week,
        digests: pagesOf(group.digests),
        dailies: pagesOf(group.dailies),
        deepDives: pagesOf(group.deepDives),
        prevWeek: i > 0 ? urls.weekHub(lang, langWeeks[i - 1]!) : undefined,
        nextWeek: i < langWeeks.length - 1 ? urls.weekHub(lang, langWeeks[i + 1]!) : undefined,
      });
    });

    // Archive: newest year and week first.
    const years = new Map<string, ArchivePage["years"][number]["weeks"]>();
    for (const week of [...langWeeks].reverse()) {
      const group: WeekGroup = weeks.get(weekKey(lang, week))!;
      const year = week.slice(0, 4);
      const list = years.get(year) ?? [];
      list.push({
        week,
        url: urls.weekHub(lang, week),
        counts: { weekly: group.digests.length, daily: group.dailies.length, "deep-dive": group.deepDives.length },
        digests: pagesOf(group.digests).map(link),
      });
      years.set(year, list);
    }
    archives.push({
      lang,
      url: urls.archive(lang),
      alternates: both(urls.archive),
      switchTo: { lang: other, url: urls.archive(other), exact: true },
      years: [...years].map(([year, weeksOfYear]) => ({ year, weeks: weeksOfYear })),
    });

    // Tags: paginated pages and an index sorted by count.
    const langTags = [...tags.values()].filter((t) => t.lang === lang);
    for (const tag of langTags) {
      const otherTag = tags.get(`${other}|${tag.slug}`);
      for (const chunk of paginate(pagesOf(tag.posts), config.pageSize, (n) => urls.tag(lang, tag.slug, n))) {
        const alternates = alternatesOf([
          [lang, urls.tag(lang, tag.slug, chunk.pageNumber)],
          [other, chunk.pageNumber === 1 && otherTag ? urls.tag(other, tag.slug) : undefined],
        ]);
        tagPages.push({
          ...chunk,
          lang,
          url: urls.tag(lang, tag.slug, chunk.pageNumber),
          alternates,
          switchTo: otherTag ? { lang: other, url: urls.tag(other, tag.slug), exact: true } : switchTo(lang, {}, urls.tagIndex(other)),
          tag: { name: tag.name, slug: tag.slug, count: tag.posts.length },
        });
      }
    }
    tagIndexes.push({
      lang,
      url: urls.tagIndex(lang),
      alternates: both(urls.tagIndex),
      switchTo: { lang: other, url: urls.tagIndex(other), exact: true },
      tags: langTags
        .map((t) => ({ name: t.name, url: urls.tag(lang, t.slug), count: t.posts.length }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en")),
    });

    // Authors.
    for (const group of [...authors.values()].filter((a) => a.lang === lang)) {
      const id = group.author.id;
      const otherAuthor = authors.get(`${other}|${id}`);
      for (const chunk of paginate(pagesOf(group.posts), config.pageSize, (n) => urls.author(lang, id, n))) {
        const alternates = alternatesOf([
          [lang, urls.author(lang, id, chunk.pageNumber)],
          [other, chunk.pageNumber === 1 && otherAuthor ? urls.author(other, id) : undefined],
        ]);
        authorPages.push({
          ...chunk,
          lang,
          url: urls.author(lang, id, chunk.pageNumber),
          alternates,
          switchTo: otherAuthor ? { lang: other, url: urls.author(other, id), exact: true } : switchTo(lang, {}, urls.langHome(other)),
          author: { id, name: group.author.name, count: group.posts.length },
        });
      }
    }
  }

  const allPages = [...pageOf.values()];
  const collections: Collections = {
    byLang: { zh: allPages.filter((p) => p.lang === "zh"), en: allPages.filter((p) => p.lang === "en") },
    byKind: groups,
    byTag: [...tags.values()].map((tag) => ({ lang: tag.lang, slug: tag.slug, name: tag.name, url: urls.tag(tag.lang, tag.slug), posts: pagesOf(tag.posts) })),
  };

  return {
    collections,
    linkTargets: targets,
    posts: allPages,
    lists,
    homes,
    weeks: weekPages,
    archives,
    tags: tagPages,
    tagIndexes,
    authors: authorPages,
    aliases,
    searches: LANGS.map((lang) => ({ lang, url: urls.search(lang), alternates: both(urls.search), switchTo: { lang: otherLang(lang), url: urls.search(otherLang(lang)), exact: true } })),
    notFound: LANGS.map((lang) => ({ lang, url: urls.notFound(lang), alternates: both(urls.notFound), switchTo: { lang: otherLang(lang), url: urls.langHome(otherLang(lang)), exact: true } })),
    shareImage: Object.fromEntries(LANGS.map((lang) => [lang, defaultShareImage(lang, config)])) as Record<Lang, ShareImage>,
    problems,
  };
}

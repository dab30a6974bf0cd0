import { KINDS, LANGS, type Kind, type Lang, type SiteConfig } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { renderMarkdown } from "../markdown/render.ts";
import { urls } from "./urls.ts";

export interface Link {
  url: string;
  title: string;
}

/** Where the language switcher of a page leads, per language. */
export type Alternates = Partial<Record<Lang, string>>;

export interface PageBase {
  lang: Lang;
  url: string;
  /** The same page in each language that has one. */
  alternates: Alternates;
  /** Where the switcher goes for the other language (a translation, or the matching list). */
  switchTo: { lang: Lang; url: string; exact: boolean };
}

export interface Source {
  url: string;
  title: string;
  host: string;
}

export interface PostPage extends PageBase {
  post: Post;
  html: string;
  summaryHtml: string;
  /** The external links of the body, in order, each once: a news item's sources. */
  sources: Source[];
  prev?: Link;
  next?: Link;
}

export interface ListPage extends PageBase {
  kind: Kind;
  pageNumber: number;
  totalPages: number;
  items: PostPage[];
  newer?: string;
  older?: string;
}

export interface HomePage extends PageBase {
  sections: { kind: Kind; items: PostPage[]; moreUrl: string }[];
}

export interface SiteIndex {
  posts: PostPage[];
  lists: ListPage[];
  homes: HomePage[];
  problems: ContentProblem[];
}

const otherLang = (lang: Lang): Lang => (lang === "zh" ? "en" : "zh");

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

/** Newest first; ties broken by path so every build orders posts the same way. */
export function byNewest(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || a.sourcePath.localeCompare(b.sourcePath);
}

/** The key that pairs a post with its translation: translationKey, else its path below the language folder. */
function pairKey(post: Post): string | undefined {
  if (post.translationKey) return `key:${post.translationKey}`;
  const m = /^content\/(?:zh|en)\/(.+)$/.exec(post.sourcePath);
  return m ? `path:${m[1]!.replace(/\.[^.]+$/, "")}` : undefined;
}

function switchFor(lang: Lang, alternates: Alternates, fallback: string): PageBase["switchTo"] {
  const other = otherLang(lang);
  const exact = alternates[other];
  return { lang: other, url: exact ?? fallback, exact: Boolean(exact) };
}

/**
 * Builds every page model of the site from the posts, once per build, in time linear in the
 * number of posts.
 */
export function buildSite(input: Post[], config: SiteConfig): SiteIndex {
  const problems: ContentProblem[] = [];
  const posts = [...input].sort(byNewest);
  const siteOrigin = new URL(config.url).origin;

  // Unique URLs: two posts may never write the same page.
  const byUrl = new Map<string, Post>();
  for (const post of posts) {
    const url = urls.post(post);
    const first = byUrl.get(url);
    if (first) {
      problems.push({
        file: post.sourcePath,
        field: "slug",
        message: `gives the URL ${url}, already used by ${first.sourcePath}; set a different "slug"`,
      });
    } else byUrl.set(url, post);
  }

  // Translation pairs.
  const pairs = new Map<string, Partial<Record<Lang, Post>>>();
  for (const post of posts) {
    const key = pairKey(post);
    if (!key) continue;
    const pair = pairs.get(key) ?? {};
    if (!pair[post.lang]) pair[post.lang] = post;
    pairs.set(key, pair);
  }

  const pages: PostPage[] = [];
  const groups = new Map<string, PostPage[]>();
  for (const post of posts) {
    if (byUrl.get(urls.post(post)) !== post) continue;
    const key = pairKey(post);
    const pair = key ? pairs.get(key) : undefined;
    const alternates: Alternates = {};
    for (const lang of LANGS) {
      const other = lang === post.lang ? post : pair?.[lang];
      if (other) alternates[lang] = urls.post(other);
    }
    const html = renderMarkdown(post.body, { siteOrigin }, { lang: post.lang });
    const page: PostPage = {
      lang: post.lang,
      url: urls.post(post),
      alternates,
      switchTo: switchFor(post.lang, alternates, urls.kindList(otherLang(post.lang), post.kind)),
      post,
      html,
      sources: externalLinks(html),
      summaryHtml: renderMarkdown(post.summary, { siteOrigin }, { lang: post.lang }),
    };
    pages.push(page);
    const groupKey = `${post.lang}/${post.kind}`;
    const group = groups.get(groupKey) ?? [];
    group.push(page);
    groups.set(groupKey, group);
  }

  // Previous/next stay inside one language and kind; the list is newest first.
  for (const group of groups.values()) {
    group.forEach((page, i) => {
      const newer = group[i - 1];
      const older = group[i + 1];
      if (older) page.prev = { url: older.url, title: older.post.title };
      if (newer) page.next = { url: newer.url, title: newer.post.title };
    });
  }

  const lists: ListPage[] = [];
  const homes: HomePage[] = [];
  for (const lang of LANGS) {
    const other = otherLang(lang);
    for (const kind of KINDS) {
      const items = groups.get(`${lang}/${kind}`) ?? [];
      const totalPages = Math.max(1, Math.ceil(items.length / config.pageSize));
      for (let n = 1; n <= totalPages; n++) {
        lists.push({
          lang,
          kind,
          url: urls.kindList(lang, kind, n),
          alternates: { [lang]: urls.kindList(lang, kind, n), ...(n === 1 ? { [other]: urls.kindList(other, kind) } : {}) },
          switchTo: { lang: other, url: urls.kindList(other, kind), exact: true },
          pageNumber: n,
          totalPages,
          items: items.slice((n - 1) * config.pageSize, n * config.pageSize),
          newer: n > 1 ? urls.kindList(lang, kind, n - 1) : undefined,
          older: n < totalPages ? urls.kindList(lang, kind, n + 1) : undefined,
        });
      }
    }
    const alternates: Alternates = { zh: urls.langHome("zh"), en: urls.langHome("en") };
    homes.push({
      lang,
      url: urls.langHome(lang),
      alternates,
      switchTo: { lang: other, url: urls.langHome(other), exact: true },
      sections: KINDS.map((kind) => ({
        kind,
        items: (groups.get(`${lang}/${kind}`) ?? []).slice(0, config.homePerKind),
        moreUrl: urls.kindList(lang, kind),
      })),
    });
  }

  return { posts: pages, lists, homes, problems };
}

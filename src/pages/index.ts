/**
 * The registry: every page type of the site, in the order the sitemap lists their pages.
 * Each lives in its own folder with its template; to add one, see "Adding a page type" in
 * the README.
 */
import { aliasPages } from "./aliases/alias.ts";
import { archivePages } from "./archive/archive.ts";
import { authorPages } from "./authors/author.ts";
import { feedFiles } from "./feeds/feed-file.ts";
import { feedsIndexPages } from "./feeds/feeds-index.ts";
import { homePages } from "./homes/home.ts";
import { kindListPages } from "./kind-lists/kind-list.ts";
import { notFoundPages } from "./not-found/not-found.ts";
import type { PageType } from "./page-type.ts";
import { postPages } from "./posts/post.ts";
import { searchPages } from "./search/search.ts";
import { seriesPages } from "./series/series.ts";
import { tagIndexPages } from "./tags/tag-index.ts";
import { tagPages } from "./tags/tag.ts";
import { topicIndexPages } from "./topics/topic-index.ts";
import { topicPages } from "./topics/topic.ts";
import { weekPages } from "./weeks/week.ts";

export const PAGE_TYPES = [
  homePages(),
  kindListPages(),
  postPages,
  weekPages,
  archivePages,
  tagIndexPages,
  tagPages(),
  authorPages(),
  seriesPages,
  topicIndexPages,
  topicPages(),
  searchPages,
  feedsIndexPages,
  notFoundPages,
  aliasPages,
  feedFiles,
] as const satisfies readonly PageType[];

export type PageTypes = typeof PAGE_TYPES;

/** Files written by single templates of src/pages rather than page types: one owner each. */
export const SITE_FILES = [
  { url: "/index.html", owner: "language redirect" },
  { url: "/404.html", owner: "not-found page" },
  { url: "/sitemap.xml", owner: "sitemap" },
  { url: "/news-sitemap.xml", owner: "news sitemap" },
  { url: "/robots.txt", owner: "robots.txt" },
  { url: "/_headers", owner: "headers file" },
] as const;

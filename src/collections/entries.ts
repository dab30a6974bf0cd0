import type { ContentProblem } from "../content/errors.ts";
import { publicationStatus, type PublicationStatus } from "../content/publish.ts";
import { readingMinutes } from "../content/reading.ts";
import type { Post } from "../content/schema.ts";
import type { BodyMention, MentionFinder } from "../markdown/mentions.ts";
import type { NewsItem } from "../markdown/news-items.ts";
import { firstParagraphText, markdownText, renderMarkdown, type ForeignSyntax, type Heading, type RenderEnv, type Source } from "../markdown/render.ts";
import type { PostEntities } from "./entities.ts";
import { imageProblem, resolvePostLink, type LinkTargets } from "./links.ts";
import { urls } from "./urls.ts";

export interface Link {
  url: string;
  title: string;
}

export interface TocEntry {
  id: string;
  text: string;
  children: { id: string; text: string }[];
}

/**
 * The table of contents of a body: the shallowest heading level present is the top level,
 * the next level present nests under it (one before any top-level heading stands on its
 * own), deeper levels are left out.
 */
export function tableOfContents(headings: Heading[]): TocEntry[] {
  const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
  const [top, second] = levels;
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.level === top || (h.level === second && toc.length === 0)) toc.push({ id: h.id, text: h.text, children: [] });
    else if (h.level === second) toc.at(-1)!.children.push({ id: h.id, text: h.text });
  }
  return toc;
}

/** Entries of a table of contents, counting nested ones. */
const tocSize = (toc: TocEntry[]) => toc.reduce((n, entry) => n + 1 + entry.children.length, 0);

/** A post gets a table of contents from this many sections or news items on. */
const TOC_MIN_ENTRIES = 3;

const comparable = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, "").toLowerCase();

/**
 * Whether the summary box says something the body's opening does not: an editor wrote the
 * summary, and it is not the first paragraph, or the start of it, again.
 */
export function summaryAddsToBody(post: Post): boolean {
  if (!post.summary || post.inferred.some((i) => i.field === "summary")) return false;
  const summary = comparable(markdownText(post.summary.replace(/\n/g, " ")));
  const opening = comparable(firstParagraphText(post.body));
  return !(summary && opening.startsWith(summary));
}

/** The parts of an entry that come from a post's body and summary. */
export interface RenderedBody {
  html: string;
  summaryHtml: string;
  /** Where the news came from, each once, leaving out links the body shows as headlines. */
  sources: Source[];
  readingMinutes: number;
  /** Sections and news items, two levels deep; empty when there are fewer than three. */
  toc: TocEntry[];
  /** Show the summary box: the editor's summary adds to what the body opens with. */
  showSummary: boolean;
  /** The entities it is about and mentions. */
  entities: PostEntities;
  /** Its news items, in order, with their anchors and sources and where each ends in `html`. */
  items: NewsItem[];
  /** Its corrections, newest first, each rendered. */
  corrections: RenderedCorrection[];
}

/** A correction as the page and the feeds show it. */
export interface RenderedCorrection {
  date: Date;
  html: string;
  /** As plain text, for JSON-LD. */
  text: string;
}

/**
 * A post as every page that shows it sees it, rendered once per build: its page shows the
 * body, lists show it as a card, feeds carry its HTML.
 */
export interface PostEntry extends RenderedBody {
  post: Post;
  url: string;
  /** Its tags as the site shows them (the tag registry applied), in the post's order; feeds and metadata name these. */
  tagNames: string[];
  /** Drafts and scheduled posts reach pages only in the dev server, with a badge. */
  status: PublicationStatus;
}

/** Renders a post's body and summary; links that lead nowhere are added to `problems`. */
export function renderBody(post: Post, targets: LinkTargets, siteOrigin: string, problems: ContentProblem[]): RenderedBody {
  const headings: Heading[] = [];
  const sources: Source[] = [];
  const items: NewsItem[] = [];
  const env: RenderEnv = {
    lang: post.lang,
    headings,
    sources,
    newsItems: post.kind === "daily" ? "brief" : "post",
    foundItems: items,
    resolveLink: (href: string, text: string, line: number) => {
      const resolved = resolvePostLink(href, text, post, targets);
      if (resolved && "error" in resolved) {
        problems.push({ file: post.sourcePath, line: post.bodyLine + line, field: "link", message: resolved.error });
        return undefined;
      }
      return resolved?.href;
    },
  };
  env.checkImage = (src: string, line: number) => {
    const problem = imageProblem(src, post, targets);
    if (problem) problems.push({ file: post.sourcePath, line: post.bodyLine + line, field: "image", message: problem });
  };
  const coverProblem = post.cover && imageProblem(post.cover.src, post, targets);
  if (coverProblem) problems.push({ file: post.sourcePath, line: post.cover!.line, field: post.cover!.field ?? "cover", message: coverProblem });
  const foreign: ForeignSyntax[] = [];
  env.foreignSyntax = foreign;
  const setup = targets.entities;
  const mentions: BodyMention[] = [];
  if (setup) {
    const exclude = new Set(post.entities.exclude);
    Object.assign(env, {
      mentionFinder: setup.finder,
      excludedMentions: exclude,
      mentionHref: setup.href && ((id: string) => setup.href!(post.lang, id)),
      mentions,
    });
  }
  const html = renderMarkdown(post.body, { siteOrigin }, env);
  // Another generator's syntax would reach readers as raw text: the build stops at its line.
  for (const found of foreign) problems.push({ file: post.sourcePath, line: post.bodyLine + found.line, field: "body", message: `${found.syntax} would be published as text; ${found.advice}` });
  const toc = tableOfContents(headings);
  const showSummary = summaryAddsToBody(post);
  return {
    html,
    // Only the summary box shows it as HTML (cards and feeds use the plain description).
    summaryHtml: showSummary ? renderMarkdown(post.summary, { siteOrigin }, { lang: post.lang }) : "",
    sources,
    readingMinutes: readingMinutes(html.replace(/<[^>]+>/g, " ")),
    toc: tocSize(toc) >= TOC_MIN_ENTRIES ? toc : [],
    showSummary,
    entities: setup ? postEntities(post, mentions, setup.finder) : { about: [], mentions: [] },
    items,
    corrections: post.corrections.map((c) => ({
      date: c.date,
      html: renderMarkdown(c.text, { siteOrigin }, { lang: post.lang }),
      text: c.text.split(/\n\s*\n/).map(markdownText).filter(Boolean).join(" "),
    })),
  };
}

/**
 * A post's entities: what its title names and its front matter adds are what it is about;
 * its mentions are the body's, plus those, each once. Front-matter exclusions hold for the
 * title too.
 */
export function postEntities(post: Post, body: BodyMention[], finder: MentionFinder): PostEntities {
  const excluded = new Set(post.entities.exclude);
  const about = [...new Set([...finder.find(post.title).map((m) => m.id), ...post.entities.include])].filter((id) => !excluded.has(id));
  const mentioned = new Set(body.map((m) => m.id));
  return { about, mentions: [...body, ...about.filter((id) => !mentioned.has(id)).map((id) => ({ id, units: [] }))] };
}

export function entryOf(post: Post, now: Date, body: RenderedBody, tagNames: string[] = post.tags): PostEntry {
  return { post, url: urls.post(post), tagNames, status: publicationStatus(post, now), ...body };
}

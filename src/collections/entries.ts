import type { ContentProblem } from "../content/errors.ts";
import { publicationStatus, type PublicationStatus } from "../content/publish.ts";
import { readingMinutes } from "../content/reading.ts";
import type { Post } from "../content/schema.ts";
import { renderMarkdown, type Heading } from "../markdown/render.ts";
import { resolvePostLink, type LinkTargets } from "./links.ts";
import { urls } from "./urls.ts";

export interface Link {
  url: string;
  title: string;
}

export interface Source {
  url: string;
  title: string;
  host: string;
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

/** The parts of an entry that come from a post's body and summary. */
export interface RenderedBody {
  html: string;
  summaryHtml: string;
  /** The external links of the body, in order, each once: a news item's sources. */
  sources: Source[];
  readingMinutes: number;
  /** h2 sections with their h3s, for the table of contents of digests and deep dives. */
  toc: TocEntry[];
}

/**
 * A post as every page that shows it sees it, rendered once per build: its page shows the
 * body, lists show it as a card, feeds carry its HTML.
 */
export interface PostEntry extends RenderedBody {
  post: Post;
  url: string;
  /** Drafts and scheduled posts reach pages only in the dev server, with a badge. */
  status: PublicationStatus;
}

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

export function entryOf(post: Post, now: Date, body: RenderedBody): PostEntry {
  return { post, url: urls.post(post), status: publicationStatus(post, now), ...body };
}

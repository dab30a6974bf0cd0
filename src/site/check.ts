import { otherLang, perLang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { opensItem, type NewsEnv } from "../markdown/news-items.ts";
import { parseMarkdown } from "../markdown/render.ts";
import { seriesFindings, type SeriesGroups } from "../collections/series.ts";
import type { PostPage } from "../pages/posts/post.ts";
import { emptyTagRegistry, type TagRegistry } from "../tags/registry.ts";
import { likelyDuplicateTags } from "../tags/review.ts";
import type { WeekPage } from "../pages/weeks/week.ts";

export type Level = "error" | "warning" | "note";

export interface Finding extends ContentProblem {
  level: Level;
}

/** Inferences that are guesses an editor should confirm; the rest (summary, slug, week) are routine derivations. */
const GUESSES = new Set(["title", "lang", "kind", "date", "authors"]);

/**
 * News items of a daily brief without a source link: the items the page sets apart
 * (src/markdown/news-items.ts), and top-level list entries outside them that start with a
 * bold lead, as a brief written as a list has. The bullets inside an item are its details.
 */
function itemsWithoutSource(post: Post): number[] {
  const env: NewsEnv = { newsItems: "brief", foundItems: [] };
  const tokens = parseMarkdown(post.body, env);
  const lines = env.foundItems!.flatMap((item) => (item.hasSource ? [] : [item.line]));
  const hasLink = (from: number, to: number) =>
    tokens.slice(from, to).some((t) => (t.children ?? []).some((c) => c.type === "link_open" && /^https?:/.test(c.attrGet("href") ?? "")) || /https?:\/\//.test(t.content));
  let depth = 0;
  let inSection = false;
  tokens.forEach((token, i) => {
    if (token.type === "news_item_open") inSection = true;
    if (token.type === "news_item_close") inSection = false;
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") depth++;
    if (token.type === "bullet_list_close" || token.type === "ordered_list_close") depth--;
    // Entries that are items were counted above; bullets inside an item are its details.
    if (token.type === "list_item_open" && depth === 1 && !inSection && !opensItem(token)) {
      const inline = tokens[i + 2];
      const lead = inline?.children?.find((c) => !(c.type === "text" && c.content === ""));
      if (inline?.type !== "inline" || lead?.type !== "strong_open") return;
      let end = i + 1;
      for (let level = 1; end < tokens.length && level > 0; end++) {
        if (tokens[end]!.type === "list_item_open") level++;
        if (tokens[end]!.type === "list_item_close") level--;
      }
      if (!hasLink(i, end)) lines.push(token.map![0]);
    }
  });
  return lines.sort((x, y) => x - y);
}

/**
 * Posts whose `updated` or latest correction lies after `now` (BUILD_TIME): the page would say
 * it changed at a moment that has not come, usually a year typed wrong.
 */
export function futureChanges(posts: Post[], now: Date): Finding[] {
  return posts.flatMap((post) =>
    post.updated && post.updated > now
      ? [{ level: "warning" as const, file: post.sourcePath, field: "updated", message: `its last change (updated or a correction) is ${post.updated.toISOString()}, after the build's moment ${now.toISOString()}; check the year` }]
      : [],
  );
}

/**
 * Warnings and notes about content that builds but deserves an editor's look. One pass over
 * the posts and their groups.
 */
export function reviewContent(posts: Post[], site: { pages: { posts: PostPage[]; weeks: WeekPage[] }; context: { series: SeriesGroups } }, tags: TagRegistry = emptyTagRegistry()): Finding[] {
  const findings: Finding[] = [];

  for (const post of posts) {
    for (const warning of post.warnings) findings.push({ level: "warning", ...warning });
    for (const i of post.inferred) {
      findings.push({
        level: GUESSES.has(i.field) ? "warning" : "note",
        file: post.sourcePath,
        field: i.field,
        message: `inferred ${JSON.stringify(i.value)} from ${i.from}`,
      });
    }
    if (post.kind === "daily") {
      for (const line of itemsWithoutSource(post)) {
        findings.push({ level: "warning", file: post.sourcePath, line: post.bodyLine + line, message: "news item has no source link" });
      }
    }
  }

  for (const finding of seriesFindings(site.context.series)) findings.push({ level: "warning", field: "part", ...finding });

  for (const page of site.pages.posts) {
    const other = otherLang(page.lang);
    if (!page.alternates[other]) {
      findings.push({ level: "warning", file: page.post.sourcePath, message: `has no ${other === "en" ? "English" : "Chinese"} translation` });
    }
  }

  for (const group of site.pages.weeks) {
    if (group.dailies.length > 0 && group.digests.length === 0) {
      findings.push({
        level: "warning",
        file: `content/${group.lang}/weekly/`,
        message: `week ${group.week} has ${group.dailies.length} daily brief${group.dailies.length === 1 ? "" : "s"} but no weekly digest`,
      });
    }
  }

  const titles = perLang(() => new Map<string, Post>());
  for (const post of posts) {
    const key = post.title.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
    const first = titles[post.lang].get(key);
    if (first) findings.push({ level: "warning", file: post.sourcePath, field: "title", message: `"${post.title}" is also the title of ${first.sourcePath}` });
    else titles[post.lang].set(key, post);
  }

  // Likely duplicate tags (case, width, spacing, plurals), read as the tag registry merges them.
  for (const problem of likelyDuplicateTags(posts, tags)) findings.push({ level: "warning", ...problem });
  return findings;
}

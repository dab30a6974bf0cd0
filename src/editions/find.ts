import path from "node:path";
import { distance } from "fastest-levenshtein";
import { relativePath } from "../content/files.ts";

/** What a post is found by: its file, its page's path and its slug. */
export interface Findable {
  post: { sourcePath: string; slug: string };
  url: string;
}

export interface FindOptions {
  root: string;
  /** Folder of posts, relative to the root. */
  contentDir: string;
  /** Where the editor typed the command: a relative path is read from here first. */
  cwd: string;
  /** The site's path prefix ("/" or "/blog/"), which a pasted page URL may carry. */
  pathPrefix?: string;
}

export type FindResult<T> = { page: T; error?: undefined } | { page?: undefined; error: string; suggestions: string[] };

/** How many close matches an unknown name lists. */
const SUGGESTIONS = 5;

/** A page path as the site's models write it: decoded, no prefix, a trailing slash. */
function pagePath(query: string, pathPrefix: string): string {
  let pathname = query;
  if (/^https?:\/\//i.test(query)) {
    try {
      pathname = new URL(query).pathname;
    } catch {
      return query;
    }
  }
  try {
    pathname = decodeURI(pathname);
  } catch {
    // Left as typed: it matches nothing and gets suggestions.
  }
  if (pathPrefix !== "/" && pathname.startsWith(pathPrefix)) pathname = pathname.slice(pathPrefix.length - 1);
  if (!pathname.startsWith("/")) pathname = `/${pathname}`;
  return pathname.endsWith("/") || pathname.endsWith(".html") ? pathname : `${pathname}/`;
}

/**
 * The post an editor names on the command line: its Markdown file (relative to where they
 * are, to the project root or to the content folder, or absolute), its page's path or full
 * URL, its file name, or its slug. A name that fits several posts (the same slug in both
 * languages) is an error that lists them; an unknown one lists the closest names.
 */
export function findPost<T extends Findable>(query: string, pages: readonly T[], options: FindOptions): FindResult<T> {
  const wanted = query.trim();
  const { root, contentDir, cwd } = options;
  const files = [...new Set([path.resolve(cwd, wanted), path.resolve(root, wanted), path.resolve(root, contentDir, wanted)].map((file) => relativePath(root, file)))];
  const byFile = pages.filter((page) => files.includes(page.post.sourcePath));
  if (byFile.length) return { page: byFile[0]! };

  const looksLikeUrl = /^https?:\/\//i.test(wanted) || (wanted.startsWith("/") && !wanted.endsWith(".md"));
  if (looksLikeUrl) {
    const url = pagePath(wanted, options.pathPrefix ?? "/");
    const byUrl = pages.find((page) => page.url === url || decodeURI(page.url) === url);
    if (byUrl) return { page: byUrl };
  }

  const name = wanted.replace(/\.md$/i, "");
  const byName = pages.filter((page) => page.post.slug === name || path.posix.basename(page.post.sourcePath, ".md") === name);
  if (byName.length === 1) return { page: byName[0]! };
  if (byName.length > 1) {
    return { error: `"${wanted}" names ${byName.length} posts; give the file of the one you mean`, suggestions: byName.map((page) => page.post.sourcePath) };
  }

  const under = relativePath(root, path.resolve(root, contentDir));
  return {
    error: `no post at "${wanted}": not a Markdown file under ${under}/, a post's page URL or its slug`,
    suggestions: closeMatches(wanted, files, pages),
  };
}

/**
 * The posts whose file, file name, slug or page path is nearest to what was typed: edit
 * distance relative to length, so a typo in a long path still counts as close and an
 * unrelated word matches nothing; a name cut short (and nearly right) compares with the
 * start of each name.
 */
function closeMatches(wanted: string, files: string[], pages: readonly Findable[]): string[] {
  const bare = (name: string) => name.replace(/\.md$/i, "");
  const typed = [...new Set([wanted, ...files].map(bare))].filter(Boolean);
  const scored = pages.map((page) => {
    const names = [page.post.sourcePath, path.posix.basename(page.post.sourcePath), page.post.slug, page.url].map(bare);
    let best = Infinity;
    for (const a of typed) {
      for (const b of names) {
        const whole = distance(a, b) / Math.max(a.length, b.length);
        // A little worse than the same distance over the whole name: the rest was not typed.
        const cut = b.length > a.length ? distance(a, b.slice(0, a.length)) / a.length : Infinity;
        const start = cut <= 0.25 ? cut + 0.1 : Infinity;
        best = Math.min(best, whole, start);
      }
    }
    return { sourcePath: page.post.sourcePath, score: best };
  });
  return scored
    .filter((s) => s.score <= 0.5)
    .sort((a, b) => a.score - b.score || a.sourcePath.localeCompare(b.sourcePath))
    .slice(0, SUGGESTIONS)
    .map((s) => s.sourcePath);
}

import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Author } from "../config.ts";
import { escapingLinkProblem, realRoot, relativePath, walkFiles, type FoundFiles } from "./files.ts";
import type { ContentProblem } from "./errors.ts";
import { normalizePost, type NormalizeResult } from "./normalize.ts";
import type { Post } from "./schema.ts";

export const POST_EXTENSIONS = [".md", ".markdown", ".txt"];

/** The content folder's folder of files that posts use (published at /media/ by the build). */
export const MEDIA_FOLDER = "media";

export interface LoadOptions {
  /** Project root; paths in messages are relative to it. */
  root: string;
  /** Folder of posts, relative to `root`. */
  contentDir: string;
  timeZone: string;
  authors: Author[];
  /** Posts parsed by an earlier load, reused while their files are unchanged; default: none. */
  parsed?: ParsedPosts;
}

export interface LoadedContent {
  posts: Post[];
  problems: ContentProblem[];
  /** False when no file was added, changed or removed since the previous load of the same folder. */
  changed: boolean;
  /** Source paths parsed anew in this load (all of them the first time). */
  reparsed: string[];
  /** True when a file was removed or could not be read since the previous load. */
  removed: boolean;
}

const isPostFile = (name: string) => POST_EXTENSIONS.includes(path.extname(name).toLowerCase());

/**
 * Every post file under a folder, sorted so builds are deterministic, and the symbolic links
 * not followed because they leave `roots` (default: the folder).
 */
export function findPostFiles(dir: string, roots?: readonly string[]): FoundFiles {
  return walkFiles(dir, { roots, accept: isPostFile });
}

/** Every post file under a folder that stays inside it, sorted. */
export const listPostFiles = (dir: string): string[] => findPostFiles(dir).files;

/** The folders a build reads from: the project and the content folder, by their real paths. */
export const projectRoots = (root: string, contentDir: string): string[] => [realRoot(root), realRoot(path.resolve(root, contentDir))];

/** Parsed posts by absolute path; a file is parsed again only when its size or mtime changes. */
export type ParsedPosts = Map<string, { mtimeMs: number; size: number; key: string; result: NormalizeResult }>;

/** Reads and validates every post. Problems of all files are collected, not just the first. */
export function loadContent(options: LoadOptions): LoadedContent {
  const contentRoot = path.resolve(options.root, options.contentDir);
  const cache: ParsedPosts = options.parsed ?? new Map();
  const posts: Post[] = [];
  const problems: ContentProblem[] = [];
  const optionsKey = `${options.timeZone}|${options.authors.map((a) => a.name).join(",")}`;
  const seen = new Set<string>();
  let changed = false;
  let removed = false;
  const reparsed: string[] = [];
  const found = findPostFiles(contentRoot, projectRoots(options.root, options.contentDir));
  // content/media/ holds a post's files (a .txt or .md attachment among them), never posts.
  const media = path.join(contentRoot, MEDIA_FOLDER) + path.sep;
  found.files = found.files.filter((file) => !file.startsWith(media));
  const rel = (file: string) => relativePath(options.root, file);
  problems.push(...found.escaping.map((link) => escapingLinkProblem(link, rel)));
  for (const file of found.files) {
    seen.add(file);
    const stat = statSync(file);
    const cached = cache.get(file);
    let result: NormalizeResult;
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.key === optionsKey) {
      result = cached.result;
    } else {
      const sourcePath = rel(file);
      const contentPath = relativePath(contentRoot, file);
      let source: string;
      try {
        source = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
      } catch {
        problems.push({ file: sourcePath, message: "is not valid UTF-8 text; save the file as UTF-8" });
        changed = true;
        removed = true;
        continue;
      }
      result = normalizePost(source, { sourcePath, contentPath, timeZone: options.timeZone, authors: options.authors });
      changed = true;
      reparsed.push(sourcePath);
      cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, key: optionsKey, result });
    }
    if (result.post) posts.push(result.post);
    else problems.push(...result.problems);
  }
  for (const file of cache.keys()) {
    if (file.startsWith(contentRoot + path.sep) && !seen.has(file)) {
      cache.delete(file);
      changed = true;
      removed = true;
    }
  }
  return { posts, problems, changed, reparsed, removed };
}

import { execFileSync } from "node:child_process";
import path from "node:path";
import { diffLines } from "diff";
import { bodyDigest } from "../content/digest.ts";
import { splitFrontMatter } from "../content/frontmatter.ts";
import { normalizePost } from "../content/normalize.ts";
import type { Post } from "../content/schema.ts";

/** One committed version of a post file. */
export interface SourceVersion {
  commit: string;
  /** When it was committed. */
  date: Date;
  /** The post's body in that version, read as the site reads it. */
  body: string;
}

/** Committed versions of post files, newest first; undefined where no history is available. */
export interface History {
  versions(post: Post): SourceVersion[] | undefined;
}

/** What is known of how a stale translation's original changed. */
export interface Staleness {
  /**
   * When the original first changed after the translated version: a commit date, "uncommitted"
   * when only the working copy differs, or undefined when there is no history to tell.
   */
  since?: Date | "uncommitted";
  /** Lines of the original file that differ from the translated version, as [first, last] ranges. */
  lines?: [number, number][];
  /** The history is there, but no version of the original has the recorded digest. */
  sourceUnknown: boolean;
}

/**
 * The lines of `current` that differ from `before`, as ranges of body lines (1-based). Blank
 * lines and lines that only changed their indentation or trailing spaces do not count; a
 * deletion marks the line after it.
 */
export function changedLines(before: string, current: string): [number, number][] {
  const ranges: [number, number][] = [];
  const lineCount = current.split("\n").length - (current.endsWith("\n") ? 1 : 0);
  const mark = (first: number, last: number) => {
    const [from, to] = [Math.min(Math.max(first, 1), Math.max(lineCount, 1)), Math.min(Math.max(last, 1), Math.max(lineCount, 1))];
    const previous = ranges.at(-1);
    if (previous && from <= previous[1] + 1) previous[1] = Math.max(previous[1], to);
    else ranges.push([from, to]);
  };
  let line = 1;
  for (const part of diffLines(before, current, { ignoreWhitespace: true })) {
    const count = part.count ?? 0;
    if (part.added) {
      part.value.split("\n").slice(0, count).forEach((text, i) => text.trim() !== "" && mark(line + i, line + i));
    } else if (part.removed) mark(line, line);
    if (!part.removed) line += count;
  }
  return ranges;
}

/**
 * How a translation's original changed since the version it records, from the original's
 * history (newest first) and its current post.
 */
export function staleness(digest: string, original: Post, versions: SourceVersion[] | undefined): Staleness {
  if (!versions || versions.length === 0) return { sourceUnknown: false };
  const translated = versions.findIndex((version) => bodyDigest(version.body) === digest);
  if (translated === -1) return { sourceUnknown: true };
  const firstChange = versions.slice(0, translated).findLast((version) => bodyDigest(version.body) !== digest);
  const offset = original.bodyLine - 1;
  return {
    since: firstChange?.date ?? "uncommitted",
    lines: changedLines(versions[translated]!.body, original.body).map(([from, to]) => [from + offset, to + offset]),
    sourceUnknown: false,
  };
}

/** A post's body in another version of its file, as the site reads it (the file's own body when it no longer validates). */
function bodyOf(text: string, post: Post, timeZone: string): string {
  const normalized = normalizePost(text, { sourcePath: post.sourcePath, contentPath: post.contentPath, timeZone, authors: [] });
  if (normalized.post) return normalized.post.body;
  const split = splitFrontMatter(text);
  return "body" in split ? split.body : text;
}

// core.quotePath off: names outside ASCII ("周报 w06.md") come back as they are, not quoted.
const git = (root: string, args: string[], input?: string) =>
  execFileSync("git", ["-C", root, "-c", "core.quotePath=false", ...args], { input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "ignore"] });

/** The repository's top folder, or undefined when there is no full history to read. */
function repositoryTop(root: string): string | undefined {
  try {
    if (git(root, ["rev-parse", "--is-shallow-repository"]).toString().trim() !== "false") return undefined;
    return git(root, ["rev-parse", "--show-toplevel"]).toString().trim();
  } catch {
    return undefined;
  }
}

/**
 * The git history of the project at `root`, read only when asked. A post has none when git is
 * missing, the project is not a repository, or the clone is shallow (as CI checkouts are),
 * whose one commit would make every recorded version look unknown.
 */
export function gitHistory(root: string, timeZone: string): History {
  let top: string | undefined | null = null;
  return {
    versions(post) {
      if (top === null) top = repositoryTop(root);
      if (top === undefined) return undefined;
      const file = path.resolve(root, post.sourcePath);
      let log: string;
      try {
        log = git(root, ["log", "--follow", "--format=%x00%H %cI", "--name-only", "--", file]).toString();
      } catch {
        return undefined;
      }
      const commits = log
        .split("\0")
        .slice(1)
        .map((entry) => {
          const [header = "", ...names] = entry.split("\n").filter(Boolean);
          const [commit = "", date = ""] = header.split(" ");
          return { commit, date: new Date(date), name: names.at(-1) ?? path.relative(top!, file) };
        });
      if (commits.length === 0) return undefined;
      const blobs = git(top, ["cat-file", "--batch"], commits.map((c) => `${c.commit}:${c.name}\n`).join(""));
      const versions: SourceVersion[] = [];
      let at = 0;
      for (const { commit, date } of commits) {
        const headerEnd = blobs.indexOf(10, at);
        const header = blobs.subarray(at, headerEnd).toString();
        at = headerEnd + 1;
        const size = /^\S+ blob (\d+)$/.exec(header);
        if (!size) continue;
        const text = blobs.subarray(at, at + Number(size[1])).toString("utf8");
        at += Number(size[1]) + 1;
        versions.push({ commit, date, body: bodyOf(text, post, timeZone) });
      }
      return versions;
    },
  };
}

import { readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./errors.ts";

/** A symbolic link that leads out of the folders a command may read, or to nothing. */
export interface EscapingLink {
  /** The link itself, absolute. */
  link: string;
  /** Where it leads: its real path, or the target it names when that does not exist. */
  target: string;
  /** Why it is refused. */
  reason: "outside" | "hidden" | "missing";
}

/** Files found under a folder, and the links that were not followed. */
export interface FoundFiles {
  /** Absolute paths as found (a followed link keeps its own path), sorted. */
  files: string[];
  escaping: EscapingLink[];
}

export interface WalkOptions {
  /** The real folders every file read must lie in; default: the walked folder. */
  roots?: readonly string[];
  /** Which file names to list. */
  accept: (name: string) => boolean;
  /** Names skipped with everything below them; default: dotfiles and names starting with "_". */
  skip?: (name: string) => boolean;
  /** Go into subfolders; default true. */
  recursive?: boolean;
}

/** A path below a folder with forward slashes, as messages and URLs name files: "content/zh/x.md". */
export const relativePath = (from: string, file: string) => path.relative(from, file).split(path.sep).join("/");

/** A folder's real path, so a root that is itself a link compares equal to what is inside it. */
export function realRoot(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * Whether a real path lies inside one of the roots, and nowhere a build must never publish from:
 * no dot-folder or dotfile (.git, .env, .npmrc) and no node_modules below the root.
 */
export function readableIn(real: string, roots: readonly string[]): "inside" | "outside" | "hidden" {
  let where: "outside" | "hidden" = "outside";
  for (const root of roots) {
    const rel = path.relative(root, real);
    if (rel === "") return "inside";
    if (rel.startsWith("..") || path.isAbsolute(rel)) continue;
    if (!rel.split(path.sep).some((part) => part.startsWith(".") || part === "node_modules")) return "inside";
    where = "hidden";
  }
  return where;
}

const skipHidden = (name: string) => name.startsWith(".") || name.startsWith("_");

/**
 * Every accepted file under `dir`, sorted. Symbolic links are followed only when their real
 * path stays inside the roots: a link to `~/.npmrc` or `/proc/self/environ` under content/
 * would otherwise put that file's text on the public site. Each folder is walked once, so a
 * link cycle ends.
 */
export function walkFiles(dir: string, options: WalkOptions): FoundFiles {
  const roots = options.roots ?? [realRoot(dir)];
  const skip = options.skip ?? skipHidden;
  const files: string[] = [];
  const escaping: EscapingLink[] = [];
  const walked = new Set<string>();
  const walk = (current: string, real: string) => {
    if (walked.has(real)) return;
    walked.add(real);
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (skip(entry.name)) continue;
      const full = path.join(current, entry.name);
      let isDirectory = entry.isDirectory();
      let realFull = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          realFull = realpathSync(full);
        } catch {
          if (isDirectory || options.accept(entry.name)) escaping.push({ link: full, target: linkTarget(full), reason: "missing" });
          continue;
        }
        isDirectory = statSync(realFull).isDirectory();
        if (!isDirectory && !options.accept(entry.name)) continue;
        const where = readableIn(realFull, roots);
        if (where !== "inside") {
          escaping.push({ link: full, target: realFull, reason: where });
          continue;
        }
      }
      if (isDirectory) {
        if (options.recursive !== false) walk(full, realFull);
      } else if (options.accept(entry.name)) files.push(full);
    }
  };
  // The folder itself may be a link (assets -> /somewhere/else).
  const real = realRoot(dir);
  const where = readableIn(real, roots);
  if (where === "inside") walk(dir, real);
  else escaping.push({ link: dir, target: real, reason: where });
  return { files: files.sort(), escaping };
}

/** The target a link names, as written, for a message about a link that leads nowhere. */
function linkTarget(link: string): string {
  try {
    return path.resolve(path.dirname(link), readlinkSync(link));
  } catch {
    return "(unreadable)";
  }
}

/**
 * The message an editor reads about a refused link; `rel` names files as the project does,
 * `within` says what the link had to stay in.
 */
export function escapingLinkProblem(escape: EscapingLink, rel: (file: string) => string, within = "the project"): ContentProblem {
  const target = escape.target;
  const message =
    escape.reason === "missing"
      ? `is a symbolic link to ${target}, which does not exist; remove the link or restore its target`
      : escape.reason === "hidden"
        ? `is a symbolic link to ${target}, a hidden file or node_modules; nothing there is ever published. Copy the file you mean into the folder instead of linking it`
        : `is a symbolic link to ${target}, outside ${within}; only files inside it are read. Copy the file you mean into the folder instead of linking it`;
  return { file: rel(escape.link), message };
}

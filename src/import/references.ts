import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readableIn, realRoot } from "../content/files.ts";
import type { SourceSite } from "./site.ts";

/** One post being imported: where it was and where it goes. */
export interface ImportedPost {
  /** Its file in the folder being imported, absolute. */
  source: string;
  /** Its new path below the content folder: "zh/daily/2024-06-14-x.md". */
  contentPath: string;
  slug: string;
  title: string;
}

/** Extensions a link to a post may carry, or lack, on the site it came from. */
const POST_SUFFIX = /(?:\/index)?(?:\.(?:md|mdx|markdown|html?))?\/?$/i;

/** A post's keys: its path without extension (absolute), also as a bundle folder. */
const pathKey = (file: string) => file.split(path.sep).join("/").replace(POST_SUFFIX, "");
/** A Jekyll or Hexo post name: the file name without extension, with or without its date. */
const nameKeys = (file: string) => {
  const stem = path.basename(pathKey(file));
  return [stem, stem.replace(/^\d{4}-\d{2}-\d{2}-/, "")];
};

/**
 * Where links between imported posts lead: every post by its old path (with or without an
 * extension, as a page bundle's folder) and by its name (Jekyll's post_url, Hexo's post_link,
 * Hugo's ref "name"), and the posts already in the content folder by their file names.
 */
export class PostIndex {
  private readonly byPath = new Map<string, string>();
  private readonly byName = new Map<string, string | null>();
  private readonly titles = new Map<string, string>();

  constructor(posts: ImportedPost[], existing: string[] = []) {
    for (const contentPath of existing) this.addName(path.basename(contentPath, path.extname(contentPath)), contentPath);
    for (const post of posts) {
      this.titles.set(post.contentPath, post.title);
      this.byPath.set(pathKey(post.source), post.contentPath);
      for (const name of [...nameKeys(post.source), post.slug]) this.addName(name, post.contentPath);
    }
  }

  /** A name two posts share leads nowhere: a guess could link the wrong one. */
  private addName(name: string, contentPath: string): void {
    const known = this.byName.get(name);
    this.byName.set(name, known === undefined || known === contentPath ? contentPath : null);
  }

  /** The content path of the post an absolute old path names (any extension, or none). */
  atPath(file: string): string | undefined {
    return this.byPath.get(pathKey(file));
  }

  /**
   * The post an old dated permalink names (Jekyll and Hexo's /2016/03/13/second.html): the post
   * whose file is 2016-03-13-second, nothing looser.
   */
  atPermalink(url: string): string | undefined {
    const m = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\/([^/]+?)(?:\.html?)?\/?$/.exec(url);
    return m ? (this.byName.get(`${m[1]}-${m[2]}-${m[3]}-${m[4]}`) ?? undefined) : undefined;
  }

  /** The title of the imported post a bare name names. */
  titleNamed(name: string): string | undefined {
    const contentPath = this.named(name);
    return contentPath && this.titles.get(contentPath);
  }

  /** The content path of the post a bare name names ("2016-03-13-second", "other-post"). */
  named(name: string): string | undefined {
    const key = path.posix.basename(pathKey(name));
    return this.byName.get(key) ?? this.byName.get(key.replace(/^\d{4}-\d{2}-\d{2}-/, "")) ?? undefined;
  }
}

/** A link from one post's new file to another's, as the build resolves it. */
export function relativeContentLink(from: string, to: string, fragment = ""): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return (rel.startsWith(".") ? rel : `./${rel}`) + fragment;
}

export interface AssetCopier {
  /** The site URL a post's local file reference becomes, or undefined when no such file exists in the imported folder. */
  place(reference: string, post: ImportedPost, options?: { asPost?: boolean }): string | undefined;
  /** Files copied (or that would be, in a dry run), absolute. */
  copied: string[];
}

/**
 * Finds the file a post refers to as its generator would (next to the post, in its Hexo asset
 * folder, or in a folder served at the site's root) and copies it to <media>/<slug>/, which
 * the site publishes at /media/<slug>/. Only files inside the imported folder are read: a
 * link elsewhere could publish any file.
 */
export function assetCopier(site: SourceSite, media: { dir: string; url: string }, dryRun: boolean, isWebFile: (name: string) => boolean): AssetCopier {
  const inside = [realRoot(site.root)];
  const copied: string[] = [];
  const done = new Map<string, string>();
  const candidates = (reference: string, post: ImportedPost): string[] => {
    if (reference.startsWith("/")) return site.staticRoots.map((root) => path.join(root, reference));
    const folder = path.dirname(post.source);
    const stem = path.basename(post.source, path.extname(post.source));
    return [path.join(folder, reference), path.join(folder, stem, reference)];
  };
  return {
    copied,
    place(reference, post) {
      let decoded: string;
      try {
        decoded = decodeURI(reference.split(/[?#]/)[0]!);
      } catch {
        return undefined;
      }
      if (!decoded || !isWebFile(path.basename(decoded))) return undefined;
      for (const file of candidates(decoded, post)) {
        if (!existsSync(file) || !statSync(file).isFile() || readableIn(realRoot(file), inside) !== "inside") continue;
        const key = `${post.slug}\u0000${file}`;
        const known = done.get(key);
        if (known) return known;
        const folder = path.join(media.dir, post.slug);
        const name = uniqueName(safeName(path.basename(file)), file, folder);
        const target = path.join(folder, name);
        if (!dryRun) {
          mkdirSync(folder, { recursive: true });
          if (!existsSync(target)) copyFileSync(file, target);
        }
        copied.push(target);
        const url = `${media.url}/${post.slug}/${encodeURI(name)}`;
        done.set(key, url);
        return url;
      }
      return undefined;
    },
  };
}

/**
 * A copied file's name with letters, digits, ".", "_" and "-" only: brackets and braces would
 * be read as a pattern when the build copies it, spaces and "#" or "?" break its URL.
 */
function safeName(name: string): string {
  const cleaned = name.normalize("NFC").replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[-.]+/, "");
  return cleaned || "file";
}

/** The file's name in its post's folder; another file already there under that name keeps it, this one gets a number. */
function uniqueName(name: string, file: string, folder: string): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${base}-${n}${ext}`;
    const target = path.join(folder, candidate);
    if (!existsSync(target) || readFileSync(target).equals(readFileSync(file))) return candidate;
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { srcsetCandidates } from "../feeds/srcset.ts";
import { outputFileOf } from "../collections/urls.ts";
import type { PageType } from "../pages/page-type.ts";

export interface BrokenLink {
  /** Site URL of the page that has the link. */
  page: string;
  href: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

/** A tag that can link, and the URL attributes inside it (values are double-quoted in our output). */
const TAG = /<(?:a|link|img|script|source|iframe|form)\b((?:[^>"]|"[^"]*")*)>/gi;
const URL_ATTR = /\s(href|src|action|srcset)="([^"]*)"/gi;
const ID = /\s(?:id|name)="([^"]+)"/g;

/** An absolute site path with nothing to resolve or decode (no dot segment, escape, query or space), and its fragment. */
function plainPath(raw: string): [path: string, fragment: string] | undefined {
  // The URL parser drops tabs and line breaks anywhere and trims spaces: leave those to it.
  if (raw[0] !== "/" || raw[1] === "/" || /[\x00-\x20\x7f]/.test(raw)) return undefined;
  const hashAt = raw.indexOf("#");
  const sitePath = hashAt < 0 ? raw : raw.slice(0, hashAt);
  if (/[%?\\]|\/\.\.?(?:\/|$)/.test(sitePath)) return undefined;
  return [sitePath, hashAt < 0 ? "" : raw.slice(hashAt + 1)];
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[e]!);

/** A string that owns its characters (V8 keeps the whole source of a slice alive). */
const flat = (s: string) => Buffer.from(s, "utf8").toString("utf8");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

/** Every URL a page links to: each href, src and action, and each candidate of a srcset. */
function linksOf(html: string): string[] {
  const urls: string[] = [];
  for (const [, attrs] of html.matchAll(TAG)) {
    for (const [, name, value] of attrs!.matchAll(URL_ATTR)) {
      const raw = decodeEntities(value!);
      if (name!.toLowerCase() === "srcset") urls.push(...srcsetCandidates(raw).map((c) => c.url));
      else urls.push(raw);
    }
  }
  return urls;
}

/**
 * Checks every internal link and #fragment of a built site: each must land on a file that
 * exists and, for a fragment, on an element with that id. Each page is read once and its
 * ids are parsed once, so the cost grows with the size of the site.
 */
export interface LinkCheckOptions {
  /** Which pages to scan, by path in the output folder ("zh/index.html"); default all. */
  pages?: (file: string) => boolean;
  /** Targets (site paths without the prefix) to leave unchecked, e.g. files written later. */
  skipTarget?: (sitePath: string) => boolean;
}

export function checkLinks(outDir: string, pathPrefix = "/", options: LinkCheckOptions = {}): LinkReport {
  const files = htmlFiles(outDir).filter(options.pages ?? (() => true));
  const idsCache = new Map<string, Set<string>>();
  const sourceCache = new Map<string, string>();
  const read = (rel: string) => {
    let html = sourceCache.get(rel);
    if (html === undefined) {
      html = readFileSync(path.join(outDir, rel), "utf8");
      sourceCache.set(rel, html);
    }
    return html;
  };
  const idsOf = (rel: string) => {
    let ids = idsCache.get(rel);
    if (!ids) {
      // Copies, not slices: a slice of the page would keep all of its HTML in memory.
      ids = new Set([...read(rel).matchAll(ID)].map((m) => flat(decodeEntities(m[1]!))));
      idsCache.set(rel, ids);
      sourceCache.delete(rel);
    }
    return ids;
  };
  /** The file a site path is served from, or null; each path is looked up once. */
  const served = new Map<string, string | null>();
  const fileFor = (sitePath: string): string | null => {
    let file = served.get(sitePath);
    if (file === undefined) {
      const found = lookUp(sitePath);
      file = found === null ? null : flat(found);
      served.set(flat(sitePath), file);
    }
    return file;
  };
  const lookUp = (sitePath: string): string | null => {
    const rel = sitePath.replace(/^\/+/, "");
    const full = path.join(outDir, rel);
    if (rel === "" || sitePath.endsWith("/")) return existsSync(path.join(full, "index.html")) ? `${rel}index.html` : null;
    if (existsSync(full)) return statSync(full).isDirectory() ? (existsSync(path.join(full, "index.html")) ? `${rel}/index.html` : null) : rel;
    return null;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  const base = "http://site.invalid";
  for (const file of files) {
    const pageUrl = `${pathPrefix}${file.replace(/(^|\/)index\.html$/, "$1")}`;
    const html = read(file);
    for (const raw of linksOf(html)) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue;
      links++;
      // Most links are plain site paths ("/zh/daily/x/#item"); anything else goes through the URL parser.
      const plain = plainPath(raw);
      const url = plain ? undefined : new URL(raw || "#", base + pageUrl);
      let sitePath: string;
      let fragment: string;
      try {
        sitePath = plain ? plain[0] : decodeURIComponent(url!.pathname);
        const hash = plain ? plain[1] : url!.hash.slice(1);
        fragment = hash ? decodeURIComponent(hash) : "";
      } catch {
        broken.push({ page: pageUrl, href: raw, reason: "is not a valid URL" });
        continue;
      }
      if (!sitePath.startsWith(pathPrefix)) {
        broken.push({ page: pageUrl, href: raw, reason: `leaves the site's path prefix ${pathPrefix}` });
        continue;
      }
      const local = `/${sitePath.slice(pathPrefix.length)}`;
      if (options.skipTarget?.(local)) continue;
      const target = fileFor(local);
      if (!target) {
        broken.push({ page: pageUrl, href: raw, reason: "lands on no page" });
        continue;
      }
      if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) {
        broken.push({ page: pageUrl, href: raw, reason: `has no element with id "${fragment}"` });
      }
    }
    if (!idsCache.has(file)) sourceCache.delete(file);
  }
  return { pages: files.length, links, broken };
}

/**
 * Links to files written after Eleventy (the search index), as the page types declare them:
 * which targets to leave for later, and which pages to check again once they exist.
 */
export function linksWrittenLater(pageTypes: readonly PageType[], pages: Record<string, { url: string }[]>): { isTarget: (sitePath: string) => boolean; isPage: (file: string) => boolean } {
  const prefixes: string[] = [];
  const files = new Set<string>();
  for (const type of pageTypes) {
    if (!type.linksWrittenLater) continue;
    prefixes.push(...type.linksWrittenLater);
    for (const page of pages[type.name] ?? []) files.add(outputFileOf(page.url));
  }
  return { isTarget: (sitePath) => prefixes.some((prefix) => sitePath.startsWith(prefix)), isPage: (file) => files.has(file) };
}

export const formatBrokenLink = (b: BrokenLink) => `${b.page}: link ${b.href} ${b.reason}`;

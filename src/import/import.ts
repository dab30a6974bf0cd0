import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { weekInLink } from "../collections/links.ts";
import type { Author } from "../config.ts";
import { canonicalSource } from "../content/canonical.ts";
import { formatProblem, type ContentProblem } from "../content/errors.ts";
import { escapingLinkProblem, readableIn, realRoot, relativePath, walkFiles, type FoundFiles } from "../content/files.ts";
import { parseSource } from "../content/frontmatter.ts";
import { listPostFiles } from "../content/load.ts";
import { normalizePost, type NormalizeOptions } from "../content/normalize.ts";
import type { Post } from "../content/schema.ts";
import { convertBody, type Reference } from "./convert.ts";
import { assetCopier, PostIndex, relativeContentLink, type AssetCopier, type ImportedPost } from "./references.ts";
import { detectSite, IMPORT_EXTENSIONS, isSectionFile, PLAIN_EXTENSIONS, skipInSite, type SourceSite } from "./site.ts";

export interface ImportOptions {
  /** Project root; the content folder and assets/ are below it. */
  root: string;
  contentDir: string;
  timeZone: string;
  authors: Author[];
  force: boolean;
  dryRun: boolean;
  /** The old site's address: links that lead to no imported post or file become links there. */
  baseUrl?: string;
  /** Filled in for a post that has none anywhere. */
  date?: string;
  title?: string;
  /** Whether a file name is a web file the site publishes (an image, a PDF…). */
  isWebFile: (name: string) => boolean;
  /** The content folder's folder of files, published at /<mediaDir>/. */
  mediaDir: string;
  log: (line: string) => void;
  error: (line: string) => void;
}

export interface ImportResult {
  written: string[];
  skipped: string[];
  failed: string[];
  /** Posts with something left for the editor (a form not converted, a file or link not found). */
  attention: string[];
  /** Forms converted, over all posts. */
  converted: number;
  /** Files copied into the content folder's media/, relative to the project. */
  assets: string[];
}

interface Candidate {
  file: string;
  site: SourceSite;
  source: string;
  post: Post;
  body: string;
  bodyLine: number;
  target: string;
  imported: ImportedPost;
}

/** One file named on the command line, read only when its real path stays in its own folder. */
function walkOne(file: string): FoundFiles {
  const real = realRoot(file);
  const where = readableIn(real, [realRoot(path.dirname(file))]);
  return where === "inside" ? { files: [file], escaping: [] } : { files: [], escaping: [{ link: file, target: real, reason: where }] };
}

const accepts = (extensions: string[]) => (name: string) => extensions.includes(path.extname(name).toLowerCase());

/** The date of the commit that added a file, when it is in a git repository; undefined otherwise. */
function firstCommitDate(file: string): string | undefined {
  try {
    const out = execFileSync("git", ["log", "--follow", "--diff-filter=A", "--format=%aI", "--", path.basename(file)], {
      cwd: path.dirname(file),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.trim().split("\n").pop() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * npm run import: reads posts from files or whole sites of other generators, converts what
 * other generators' syntax has a Markdown equivalent for, brings their local files along and
 * links them to each other, and writes each to content/{lang}/{kind}/{slug}.md. Never
 * overwrites a file without `force`.
 */
export function importPosts(inputs: string[], options: ImportOptions): ImportResult {
  const result: ImportResult = { written: [], skipped: [], failed: [], attention: [], converted: 0, assets: [] };
  const rel = (p: string) => relativePath(options.root, p) || p;
  const fail = (file: string, problems: ContentProblem[]) => {
    for (const problem of problems) options.error(`error: ${formatProblem(problem)}`);
    result.failed.push(rel(file));
  };

  // First every post is read, so links between them can be resolved whatever their order.
  const candidates: Candidate[] = [];
  const claimed = new Map<string, string>();
  for (const input of inputs) {
    const absolute = path.resolve(options.root, input);
    if (!existsSync(absolute)) {
      options.error(`error: ${input}: no such file or folder`);
      result.failed.push(input);
      continue;
    }
    const isDir = statSync(absolute).isDirectory();
    const site = isDir ? detectSite(absolute) : { ...detectSite(path.dirname(absolute)), generator: "plain" as const, postRoots: [path.dirname(absolute)], staticRoots: [path.dirname(absolute)] };
    if (isDir && site.generator !== "plain") options.log(`${rel(absolute) || "."}: a ${site.generator} site; posts from ${site.postRoots.map((r) => rel(r) || ".").join(", ")}`);
    for (const postRoot of isDir ? site.postRoots : [absolute]) {
      // Nothing is read from outside the folder being imported: a link there could bring in any file of this machine.
      const found = isDir ? walkFiles(postRoot, { roots: [realRoot(absolute)], accept: accepts(site.generator === "plain" ? PLAIN_EXTENSIONS : IMPORT_EXTENSIONS), skip: skipInSite }) : walkOne(absolute);
      for (const link of found.escaping) {
        options.error(`error: ${formatProblem(escapingLinkProblem(link, rel, isDir ? rel(absolute) || "." : "the folder of the file"))}`);
        result.failed.push(rel(link.link));
      }
      for (const file of found.files) {
        const candidate = readCandidate(file, site, postRoot, options, rel, fail);
        if (candidate) candidates.push(apart(candidate, claimed, options, rel));
      }
    }
  }

  let existing: string[] = [];
  const contentRoot = path.resolve(options.root, options.contentDir);
  if (existsSync(contentRoot)) existing = listPostFiles(contentRoot).map((f) => relativePath(contentRoot, f));
  const index = new PostIndex(candidates.map((c) => c.imported), existing);
  const copiers = new Map<SourceSite, AssetCopier>();

  for (const candidate of candidates) {
    const { file, site, post, target } = candidate;
    if (existsSync(target) && !options.force) {
      options.error(`skipped: ${rel(file)}: ${rel(target)} already exists (use --force to overwrite)`);
      result.skipped.push(rel(file));
      continue;
    }
    let copier = copiers.get(site);
    if (!copier) copiers.set(site, (copier = assetCopier(site, { dir: path.join(contentRoot, options.mediaDir), url: `/${options.mediaDir}` }, options.dryRun, options.isWebFile)));
    const unresolved: { line?: number; text: string }[] = [];
    const resolve = (ref: Reference) => resolveReference(ref, candidate, index, copier!, options.baseUrl, unresolved);
    const titleOf = (ref: Reference) => (ref.kind === "post" ? index.titleNamed(ref.name) : undefined);
    const converted = convertBody(candidate.body, { resolve, titleOf }, { mdx: path.extname(file).toLowerCase() === ".mdx" });
    const cover = post.cover && !/^[a-z]+:/i.test(post.cover.src) ? copier.place(post.cover.src, candidate.imported) : undefined;
    const finalPost: Post = cover ? { ...post, cover: { ...post.cover!, src: cover } } : post;
    const at = (line: number) => `${rel(file)}:${candidate.bodyLine + line - 1}`;
    const attention = [
      ...converted.attention.map((note) => `${at(note.line)}: ${note.syntax}: ${note.message}`),
      ...unresolved.map((u) => `${u.line ? at(u.line) : rel(file)}: ${u.text}`),
      // Written out as "lang: en", the guess would no longer be questioned: it is the editor's to confirm.
      ...post.warnings.filter((w) => w.field === "lang").map((w) => formatProblem({ ...w, file: rel(file) })),
      ...(post.cover && !cover && !/^[a-z]+:/i.test(post.cover.src) && !existsSync(path.join(options.root, post.cover.src))
        ? [`${rel(file)}: cover: no file ${post.cover.src} in ${rel(site.root) || "."}; add it to ${options.contentDir}/${options.mediaDir}/ and point the cover there, or remove it`]
        : []),
    ];
    options.log(`${options.dryRun ? "would import" : "imported"}: ${rel(file)} → ${rel(target)}`);
    for (const i of post.inferred) options.log(`  ${i.field} = ${JSON.stringify(i.value)} (from ${i.from})`);
    for (const warning of post.warnings) options.log(`  warning: ${formatProblem({ ...warning, file: rel(file) })}`);
    for (const note of converted.converted) options.log(`  converted: ${at(note.line)}: ${note.syntax}: ${note.message}`);
    for (const line of attention) options.log(`  needs attention: ${line}`);
    if (!options.dryRun) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, canonicalSource(finalPost, converted.body, options.timeZone));
    }
    result.written.push(rel(target));
    result.converted += converted.converted.length;
    if (attention.length) result.attention.push(rel(target));
  }
  for (const copier of copiers.values()) result.assets.push(...copier.copied.map(rel));
  return result;
}

/**
 * A post that would be written where another post of this import goes (same title and date)
 * gets the first free numbered slug instead, and says so: one must never replace the other.
 */
function apart(candidate: Candidate, claimed: Map<string, string>, options: ImportOptions, rel: (p: string) => string): Candidate {
  const first = claimed.get(candidate.target);
  if (!first) {
    claimed.set(candidate.target, candidate.file);
    return candidate;
  }
  const { post } = candidate;
  let n = 2;
  const targetOf = (slug: string) => path.join(path.dirname(candidate.target), `${slug}.md`);
  while (claimed.has(targetOf(`${post.slug}-${n}`)) || existsSync(targetOf(`${post.slug}-${n}`))) n++;
  const slug = `${post.slug}-${n}`;
  const target = targetOf(slug);
  claimed.set(target, candidate.file);
  options.log(`  ${rel(candidate.file)}: slug = "${slug}" (${rel(first)} already takes "${post.slug}")`);
  return {
    ...candidate,
    post: { ...post, slug },
    target,
    imported: { ...candidate.imported, slug, contentPath: `${post.lang}/${post.kind}/${slug}.md` },
  };
}

/** Reads one file as a post, with the fallbacks import offers; reports and returns undefined when it cannot be read. */
function readCandidate(
  file: string,
  site: SourceSite,
  postRoot: string,
  options: ImportOptions,
  rel: (p: string) => string,
  fail: (file: string, problems: ContentProblem[]) => void,
): Candidate | undefined {
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    fail(file, [{ file: rel(file), message: "is not valid UTF-8 text; save the file as UTF-8" }]);
    return undefined;
  }
  const parsed = parseSource(source);
  if (!("message" in parsed) && isSectionFile(file, parsed.data)) {
    options.log(`not a post: ${rel(file)} (a section or home page)`);
    return undefined;
  }
  const contentPath = relativePath(postRoot === file ? path.dirname(file) : postRoot, file);
  const normalizeOptions: NormalizeOptions = {
    sourcePath: rel(file),
    contentPath,
    timeZone: options.timeZone,
    authors: options.authors,
    fallback: { title: options.title, date: options.date },
  };
  let normalized = normalizePost(source, normalizeOptions);
  // No date anywhere and none given: the day the file was first committed, when git knows it.
  if (!normalized.post && !options.date && normalized.problems.some((p) => p.field === "date" && p.message.startsWith("missing"))) {
    const committed = firstCommitDate(file);
    if (committed) normalized = normalizePost(source, { ...normalizeOptions, fallback: { ...normalizeOptions.fallback, date: committed, dateFrom: "the file's first commit in git (add \"date:\" or --date to say otherwise)" } });
  }
  if (!normalized.post) {
    const missing = normalized.problems.map((p) => p.field);
    const hint = missing.includes("date") || missing.includes("title") ? " (--date YYYY-MM-DD and --title \"…\" fill what a post lacks)" : "";
    fail(file, normalized.problems.map((p, i) => (i === normalized.problems!.length - 1 && hint ? { ...p, message: p.message + hint } : p)));
    return undefined;
  }
  const post = normalized.post;
  const split = "message" in parsed ? undefined : parsed;
  const target = path.resolve(options.root, options.contentDir, post.lang, post.kind, `${post.slug}.md`);
  return {
    file,
    site,
    source,
    post,
    body: split?.body ?? source,
    bodyLine: split?.bodyLine ?? 1,
    target,
    imported: { source: file, contentPath: `${post.lang}/${post.kind}/${post.slug}.md`, slug: post.slug, title: post.title },
  };
}

/** Where a reference of a post leads on this site; undefined keeps it as written (and notes why). */
function resolveReference(
  ref: Reference,
  from: Candidate,
  index: PostIndex,
  copier: AssetCopier,
  baseUrl: string | undefined,
  unresolved: { line?: number; text: string }[],
): string | undefined {
  const { site } = from;
  const own = from.imported.contentPath;
  if (ref.kind === "post") {
    // The converter says where a post it cannot find was named.
    const target = index.named(ref.name) ?? index.atPath(path.join(site.contentRoot, ref.name.replace(/^\/+/, "")));
    return target && relativeContentLink(own, target);
  }
  const url = ref.url.trim();
  if (!url || url.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return undefined;
  const [pathPart, ...rest] = url.split("#");
  const fragment = rest.length ? `#${rest.join("#")}` : "";
  const cleanPath = pathPart!.split("?")[0]!;
  if (ref.kind === "image") {
    const placed = copier.place(cleanPath, from.imported);
    const served = site.staticRoots.map((r) => `${relativePath(site.root, r) || "."}/`).join(", ");
    if (!placed) unresolved.push({ line: ref.line, text: `image ${url}: no such file next to the post${served ? ` or in ${served}` : ""}; add the file or remove the image` });
    return placed;
  }
  let decoded = cleanPath;
  try {
    decoded = decodeURI(cleanPath);
  } catch {
    // A broken escape is looked up as written.
  }
  // A link names a post by its path (any extension, or none) or by a dated permalink; a bare
  // name is too loose for a link (/tags/gpt-4o/ is no post named gpt-4o).
  const post = cleanPath.startsWith("@/")
    ? index.atPath(path.join(site.contentRoot, decoded.slice(2)))
    : cleanPath.startsWith("/")
      ? (index.atPath(path.join(site.contentRoot, decoded)) ?? index.atPermalink(decoded))
      : (index.atPath(path.resolve(path.dirname(from.file), decoded)) ?? index.atPermalink(decoded));
  if (post) return relativeContentLink(own, post, fragment);
  // A legacy week link (../weekly_news/ai_news_2026-W06) is the site's own: the build sends it to that week.
  if (weekInLink(cleanPath)) return undefined;
  const file = cleanPath.startsWith("@/") ? undefined : copier.place(cleanPath, from.imported);
  if (file) return file + fragment;
  // The old site's address of a path from its root is known; that of a page-relative link is not (its page's old URL is not).
  if (baseUrl && cleanPath.startsWith("/")) return new URL(url.slice(1), baseUrl.replace(/\/?$/, "/")).href;
  const hint = cleanPath.startsWith("/") ? "pass --base-url https://old.example/ to link to the old site" : "write the full address of the page it meant";
  unresolved.push({ line: ref.line, text: `link ${url}: leads to no imported post or file; import its target too, or ${hint}` });
  return undefined;
}

import { Parser } from "htmlparser2";
import { buildOptions } from "../../src/options.ts";
import type { Post } from "../../src/content/schema.ts";
import type { EditionSource } from "../../src/editions/edition.ts";
import type { PostPage } from "../../src/pages/posts/post.ts";
import { loadBlog, type Blog } from "../../src/site/plugin.ts";
import { ROOT } from "./seeds.ts";

/** The blog's own content as npm run edition loads it: every post, drafts too, at the default site URL. */
export function editionBlog(env: NodeJS.ProcessEnv = {}): { blog: Blog; config: ReturnType<typeof buildOptions>["config"] } {
  const options = buildOptions(env, ROOT);
  return { blog: loadBlog({ ...options, includeUnpublished: true }), config: options.config };
}

/** A post page of the blog by its source file. */
export function pageOf(blog: Blog, sourcePath: string): PostPage {
  const page = blog.pages.posts.find((p) => p.post.sourcePath === sourcePath);
  if (!page) throw new Error(`no post ${sourcePath}`);
  return page;
}

/** An edition source built by hand around a post: an empty week, no tags, its body as given. */
export function sourceOf(post: Post, html: string, extra: Partial<EditionSource> = {}): EditionSource {
  return {
    post,
    url: `/${post.lang}/${post.kind}/${post.slug}/`,
    html,
    items: [],
    weekHub: `/${post.lang}/weeks/${post.week.toLowerCase()}/`,
    weekDigests: [],
    weekDailies: [],
    weekDeepDives: [],
    tagLinks: [],
    status: "published",
    summaryHtml: "",
    showSummary: false,
    corrections: [],
    ...extra,
  };
}

/** Every element of a document with its attributes, in order. */
export function elementsOf(html: string): { name: string; attribs: Record<string, string> }[] {
  const found: { name: string; attribs: Record<string, string> }[] = [];
  new Parser({ onopentag: (name, attribs) => found.push({ name, attribs }) }, { decodeEntities: true }).end(html);
  return found;
}

/** Every href and src of a document. */
export const urlsOf = (html: string) => elementsOf(html).flatMap((e) => [e.attribs.href, e.attribs.src].filter((u): u is string => u !== undefined));

/** Text with runs of whitespace (no-break spaces too) as one space, to compare text across line breaks. */
export const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim();

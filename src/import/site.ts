import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The generators whose folders `npm run import` recognizes, and "plain" for a folder of Markdown. */
export type Generator = "hugo" | "zola" | "jekyll" | "hexo" | "docusaurus" | "vitepress" | "vuepress" | "astro" | "plain";

/** A folder being imported, read as its generator lays it out. */
export interface SourceSite {
  generator: Generator;
  /** The folder named on the command line, absolute. */
  root: string;
  /** Where its posts are (absolute): Hugo's content/, Jekyll's _posts/, Hexo's source/_posts/… */
  postRoots: string[];
  /** Folders served at the site's root (absolute), where "/images/a.png" is found: static/, source/, public/. */
  staticRoots: string[];
  /** Folder that Hugo's ref and Zola's "@/" paths are relative to. */
  contentRoot: string;
}

const has = (root: string, ...names: string[]) => names.some((name) => existsSync(path.join(root, name)));
const isDir = (file: string) => existsSync(file) && statSync(file).isDirectory();
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");

/**
 * What generator made a folder, from the files each one requires (its documented layout).
 * Hugo's old config.toml and Zola's share a name: Hugo writes baseURL, Zola base_url.
 */
export function detectSite(root: string): SourceSite {
  const at = (...parts: string[]) => path.join(root, ...parts);
  const existing = (...dirs: string[]) => dirs.map((d) => at(d)).filter(isDir);
  const site = (generator: Generator, posts: string[], statics: string[], content = root): SourceSite => ({
    generator,
    root,
    postRoots: posts.length ? posts : [root],
    staticRoots: statics,
    contentRoot: content,
  });
  const config = read(at("config.toml"));
  const hugoConfig =
    has(root, "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config/_default") ||
    (/^\s*baseURL\s*=/im.test(config) && !/^\s*base_url\s*=/m.test(config)) ||
    ["config.yaml", "config.yml", "config.json"].some((name) => /^\s*"?baseURL"?\s*:/im.test(read(at(name))));
  if (hugoConfig) {
    return site("hugo", existing("content"), existing("static"), at("content"));
  }
  if (has(root, "zola.toml") || /^\s*base_url\s*=/m.test(config)) return site("zola", existing("content"), existing("static"), at("content"));
  if (has(root, "_config.yml", "_config.yaml") && isDir(at("source", "_posts"))) {
    return site("hexo", existing("source/_posts"), existing("source"), at("source", "_posts"));
  }
  if (isDir(at("_posts"))) return site("jekyll", existing("_posts"), [root], at("_posts"));
  if (has(root, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")) {
    return site("docusaurus", existing("blog"), existing("static"), at("blog"));
  }
  if (isDir(at(".vitepress"))) return site("vitepress", [root], existing("public"));
  if (isDir(at(".vuepress"))) return site("vuepress", [root], []);
  if (has(root, "astro.config.mjs", "astro.config.ts", "astro.config.js")) {
    const posts = existing("src/content/blog", "src/content/posts", "src/content/news", "src/pages/blog", "src/pages/posts");
    return site("astro", posts, existing("public"), posts[0] ?? root);
  }
  return site("plain", [root], [root]);
}

/** Post files a generator reads: Markdown and MDX; a folder of no generator's may hold posts as .txt too (an export). */
export const IMPORT_EXTENSIONS = [".md", ".markdown", ".mdx"];
export const PLAIN_EXTENSIONS = [...IMPORT_EXTENSIONS, ".txt"];

/**
 * Folders of a site that hold no posts of its own: dependencies, build output, themes (whose
 * exampleSite is another site), archetypes and templates.
 */
const NOT_POSTS = new Set(["node_modules", "public", "dist", "build", "resources", "themes", "archetypes", "layouts", "templates", "vendor", "static", "assets"]);

/** Names a folder walk passes by: hidden ones, "_" ones (Hugo's _index.md, Jekyll's _drafts) and NOT_POSTS. */
export const skipInSite = (name: string) => name.startsWith(".") || name.startsWith("_") || NOT_POSTS.has(name);

/**
 * Whether a file under a post folder is a page rather than a post: a section's list page
 * (Hugo and Zola's _index.md), a README, a VitePress home page.
 */
export function isSectionFile(file: string, data: Record<string, unknown>): boolean {
  const name = path.basename(file).toLowerCase();
  if (/^_index\./.test(name) || /^readme\./.test(name)) return true;
  return data.layout === "home" || data.layout === "page";
}

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import type { ContentProblem } from "../content/errors.ts";
import { escapingLinkProblem, realRoot, relativePath, walkFiles } from "../content/files.ts";
import { MEDIA_FOLDER } from "../content/load.ts";

/** The site's own files (stylesheets, scripts, images, fonts), copied to /assets/. */
export const ASSETS_DIR = "assets";

/**
 * What the site serves besides its pages: web formats a browser or feed reader opens. Anything
 * else under assets/ (a .env, an editor's backup, a .psd) stays on this machine.
 */
const SITE_FILE_TYPES = new Set([
  ".css", ".js", ".mjs", ".json", ".webmanifest", ".txt",
  ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico",
  ".woff", ".woff2", ".ttf", ".otf",
  ".pdf", ".mp3", ".m4a", ".ogg", ".oga", ".wav", ".mp4", ".m4v", ".webm", ".ogv", ".vtt",
]);

/** Whether a file below assets/ ("img/a.png") is published: a known type, no hidden part. */
export function isSiteFile(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  return !parts.some((part) => part.startsWith(".")) && SITE_FILE_TYPES.has(path.extname(relative).toLowerCase());
}

/** What an editor reads about a file of assets/ that is not published. */
export const LEFT_OUT = "not copied to the site: only web formats (stylesheets, scripts, images, fonts, audio, video, PDF) are published from assets/";

export interface SiteAssets {
  /** Site URLs of the files that are published ("/assets/site.css", "/media/launch/chart.png"). */
  urls: string[];
  /** The file each URL copies, absolute, in the same order. */
  sources: string[];
  /** Files left behind: unknown types, by path relative to the project. */
  leftOut: string[];
  /** Links out of the project, and SVGs that could run script: the build stops. */
  problems: ContentProblem[];
}

/** The content folder's images and files (a post's pictures, as import brings them), published at /media/. */
export const MEDIA_DIR = MEDIA_FOLDER;

/**
 * A folder as the build publishes it below `urlBase`, every file vetted before anything is
 * written; `roots` are the real folders it may read (default: the project).
 */
export function findAssets(root: string, dir = ASSETS_DIR, urlBase = `/${ASSETS_DIR}`, roots = [realRoot(root)]): SiteAssets {
  const folder = path.resolve(root, dir);
  const rel = (file: string) => relativePath(root, file);
  const found = walkFiles(folder, { roots, accept: () => true, skip: (name) => name.startsWith(".") });
  const problems = found.escaping.map((link) => escapingLinkProblem(link, rel));
  const urls: string[] = [];
  const sources: string[] = [];
  const leftOut: string[] = [];
  for (const file of found.files) {
    const inside = relativePath(folder, file);
    if (!isSiteFile(inside)) {
      leftOut.push(rel(file));
      continue;
    }
    urls.push(`${urlBase}/${inside}`);
    sources.push(file);
    if (inside.toLowerCase().endsWith(".svg")) problems.push(...svgProblems(readFileSync(file, "utf8"), rel(file)));
  }
  return { urls, sources, leftOut, problems };
}

/** Every file the build copies besides its pages: assets/, and the content folder's media/ when it has one. */
export function findSiteFiles(root: string, contentDir: string, roots: readonly string[]): SiteAssets {
  const own = findAssets(root);
  const media = path.resolve(root, contentDir, MEDIA_DIR);
  if (!existsSync(media)) return own;
  const found = findAssets(root, media, `/${MEDIA_DIR}`, [...roots]);
  return {
    urls: [...own.urls, ...found.urls],
    sources: [...own.sources, ...found.sources],
    leftOut: [...own.leftOut, ...found.leftOut],
    problems: [...own.problems, ...found.problems],
  };
}

/** Elements that run script or pull in other documents; an SVG with one is refused. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video"]);

/**
 * Why a piece of CSS (a style attribute, a <style>, a presentation attribute) could fetch
 * something: a url() that is not a #fragment of the SVG, an @import, or an escape that could
 * spell either.
 */
function cssProblem(css: string): string | undefined {
  if (/@import/i.test(css)) return "imports a stylesheet";
  if (css.includes("\\")) return "has a CSS escape, which can hide a url()";
  for (const [, , address] of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) if (!address!.trim().startsWith("#")) return `loads ${address!.trim().slice(0, 80) || "an empty address"}`;
  return undefined;
}

/** Whether a link or source address is allowed on an element: its own #fragments, a web link on <a>, an embedded raster image on <image>. */
function allowedReference(element: string, address: string): boolean {
  if (address.startsWith("#")) return true;
  if (element === "a") return /^(?:https?:|mailto:)/i.test(address);
  return element === "image" && /^data:image\/(?:png|jpe?g|gif|webp);/i.test(address);
}

/**
 * Why an SVG could run script or fetch something when opened from the site, one problem per
 * cause with its line: a script, an event handler, a foreignObject, a reference to anything
 * but a fragment of itself (a web link on <a> and an embedded raster image are fine), an
 * animation that rewrites a link or handler, a DOCTYPE that declares entities (which can
 * spell any markup), or CSS that loads something. Browsers run an SVG's script when it is
 * opened directly. Names are compared without their namespace prefix (x:href, svg:script).
 */
export function svgProblems(svg: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lineOf = (index: number) => svg.slice(0, index).split("\n").length;
  const refuse = (what: string, index = parser.startIndex) =>
    problems.push({ file, line: lineOf(index), message: `${what}; an SVG on the site must be inert (no script, handlers, foreignObject or outside references). Remove it, or export the image as PNG` });
  const local = (name: string) => name.toLowerCase().replace(/^.*:/, "");
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element = local(name);
        if (ACTIVE_ELEMENTS.has(element)) refuse(`has a <${name}> element`);
        if (element === "style") inStyle = true;
        for (const [attribute, raw] of Object.entries(attributes)) {
          const key = local(attribute);
          const value = raw.trim();
          if (key.startsWith("on")) refuse(`has an event handler (${attribute})`);
          else if ((key === "href" || key === "src") && !allowedReference(element, value)) refuse(`refers to ${value.slice(0, 80) || "an empty address"} (${attribute}); only references to #fragments of the SVG itself are allowed`);
          else if (key === "attributename" && /^(?:href|src|on)/.test(local(value))) refuse(`animates ${value}, which can turn a link into script`);
          else {
            const css = /url\(|@import|\\/i.test(value) ? cssProblem(value) : undefined;
            if (css) refuse(`${css} (${attribute})`);
          }
        }
      },
      ontext(text) {
        const css = inStyle ? cssProblem(text) : undefined;
        if (css) refuse(`${css} (in its <style>)`);
      },
      onclosetag(name) {
        if (local(name) === "style") inStyle = false;
      },
      onprocessinginstruction(name) {
        if (/^[?!]?xml-stylesheet$/i.test(name)) refuse("loads a stylesheet (<?xml-stylesheet?>)");
      },
    },
    { xmlMode: true },
  );
  // The parser ends a DOCTYPE at its first ">", so declarations inside one are found in the text itself.
  const declaration = /<!DOCTYPE[^>]*\[|<!ENTITY/i.exec(svg);
  if (declaration) refuse("declares entities in its DOCTYPE", declaration.index);
  parser.write(svg);
  parser.end();
  return problems;
}

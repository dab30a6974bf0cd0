import { readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import type { ContentProblem } from "../content/errors.ts";
import { escapingLinkProblem, realRoot, walkFiles } from "../content/files.ts";

/** The site's own files (stylesheets, scripts, images, fonts), copied to /assets/. */
export const ASSETS_DIR = "assets";

/**
 * What the site serves besides its pages: web formats a browser or feed reader opens. Anything
 * else under assets/ (a .env, an editor's backup, a .psd) stays on this machine.
 */
const SITE_FILE_TYPES = new Set([
  ".css", ".js", ".mjs", ".json", ".webmanifest", ".txt", ".xml",
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
  /** Site URLs of the files that are published ("/assets/site.css"). */
  urls: string[];
  /** Files left behind: unknown types, by path relative to the project. */
  leftOut: string[];
  /** Links out of the project, and SVGs that could run script: the build stops. */
  problems: ContentProblem[];
}

/** The assets folder as the build publishes it, every file vetted before anything is written. */
export function findAssets(root: string, dir = ASSETS_DIR): SiteAssets {
  const folder = path.resolve(root, dir);
  const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const found = walkFiles(folder, { roots: [realRoot(root)], accept: () => true, skip: (name) => name.startsWith(".") });
  const problems = found.escaping.map((link) => escapingLinkProblem(link, rel));
  const urls: string[] = [];
  const leftOut: string[] = [];
  for (const file of found.files) {
    const inside = path.relative(folder, file).split(path.sep).join("/");
    if (!isSiteFile(inside)) {
      leftOut.push(rel(file));
      continue;
    }
    urls.push(`/${ASSETS_DIR}/${inside}`);
    if (inside.toLowerCase().endsWith(".svg")) problems.push(...svgProblems(readFileSync(file, "utf8"), rel(file)));
  }
  return { urls, leftOut, problems };
}

/** Elements that run script or pull in other documents; an SVG with one is refused. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video"]);

/** Attributes whose value loads another resource. */
const REFERENCE_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);

/**
 * Why an SVG could run script or fetch something when opened from the site, one problem per
 * cause with its line: a script, an event handler, a foreignObject, a reference to anything
 * but a fragment of itself, an animation that rewrites a link or handler, an entity
 * declaration, or a stylesheet import. Browsers run an SVG's script when it is opened directly.
 */
export function svgProblems(svg: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let position = 0;
  let line = 1;
  const lineAt = (index: number) => {
    for (; position < index && position < svg.length; position++) if (svg.charCodeAt(position) === 10) line++;
    return line;
  };
  const refuse = (what: string) =>
    problems.push({ file, line: lineAt(parser.startIndex), message: `${what}; an SVG on the site must be inert (no script, handlers, foreignObject or outside references). Remove it, or export the image as PNG` });
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const local = name.toLowerCase();
        if (ACTIVE_ELEMENTS.has(local.replace(/^.*:/, ""))) refuse(`has a <${name}> element`);
        if (local === "style") inStyle = true;
        for (const [attribute, value] of Object.entries(attributes)) {
          const key = attribute.toLowerCase();
          if (key.replace(/^.*:/, "").startsWith("on")) refuse(`has an event handler (${attribute})`);
          else if (REFERENCE_ATTRIBUTES.has(key) && !value.trim().startsWith("#")) refuse(`refers to ${value.trim().slice(0, 80) || "an empty address"} (${attribute}); only references to #fragments of the SVG itself are allowed`);
          else if (key === "style" && /url\s*\(\s*['"]?\s*(?!#)|@import|expression\s*\(/i.test(value)) refuse(`loads a resource from its style attribute`);
          else if (key === "attributename" && /^(?:(?:xlink:)?href|on)/i.test(value.trim())) refuse(`animates ${value.trim()}, which can turn a link into script`);
        }
      },
      ontext(text) {
        if (inStyle && /url\s*\(\s*['"]?\s*(?!#)|@import/i.test(text)) refuse("loads a resource from its <style>");
      },
      onclosetag(name) {
        if (name.toLowerCase() === "style") inStyle = false;
      },
      onprocessinginstruction(name, data) {
        if (/^[?!]?xml-stylesheet$/i.test(name)) refuse("loads a stylesheet (<?xml-stylesheet?>)");
        else if (/^!doctype/i.test(name) && /<!ENTITY/i.test(data)) refuse("declares entities in its DOCTYPE");
      },
    },
    { xmlMode: true },
  );
  parser.write(svg);
  parser.end();
  return problems;
}

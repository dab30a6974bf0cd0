import path from "node:path";
import { otherLang, type Lang } from "../config.ts";
import { normalizeWeek } from "../content/dates.ts";
import type { Post } from "../content/schema.ts";
import type { MentionFinder } from "../markdown/mentions.ts";
import { urls } from "./urls.ts";
import type { WeekGroups } from "./weeks.ts";

export interface LinkTargets {
  weeks: WeekGroups;
  /** Post URL by source path, for links written as relative .md paths. */
  postBySource: Map<string, string>;
  /** Target URL by old URL ("/weekly_news/x/"). */
  aliases: Map<string, string>;
  /** Site URLs of the files the build publishes (assets/ and the content folder's media/); images are checked against them when given. */
  files?: ReadonlySet<string>;
  /** Entity mentions: how to find them, and the page a first mention links to (when linking is on). */
  entities?: { finder: MentionFinder; href?: (lang: Lang, id: string) => string };
}

export type LinkResolution = { href: string } | { error: string } | undefined;

/** The ISO week a legacy link names: …/ai_news_2026-W06, …/weekly_news/news_2026_06. */
export function weekInLink(href: string): string | null {
  const clean = href.split(/[?#]/)[0]!.replace(/\/+$/, "").replace(/\.html?$/i, "");
  const segment = clean.split("/").pop() ?? "";
  const iso = /(\d{4})[-_]?W(\d{1,2})(?!\d)/i.exec(segment);
  if (iso) return normalizeWeek(`${iso[1]}-W${iso[2]}`);
  const numbered = /(\d{4})[-_](\d{1,2})$/.exec(segment);
  if (numbered && /week|weekly|周/i.test(clean)) return normalizeWeek(`${numbered[1]}-W${numbered[2]}`);
  return null;
}

/** Language of a link's text: Chinese when it has Han characters, English when it has only Latin letters. */
function textLang(text: string): Lang | undefined {
  if (/\p{Script=Han}/u.test(text)) return "zh";
  if (/[A-Za-z]/.test(text)) return "en";
  return undefined;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Decides where a link inside a post goes. External links and fragments stay; old URLs
 * go to their alias target; relative .md links go to that post; legacy week links go to
 * that week's digest (in the language of the link text when it exists) or its hub.
 * Anything else relative is an error: it would be a dead link.
 */
export function resolvePostLink(href: string, text: string, post: Post, targets: LinkTargets): LinkResolution {
  if (!href || href.startsWith("#") || EXTERNAL.test(href)) return undefined;
  const [pathPart, fragment] = href.split("#", 2) as [string, string | undefined];
  const hash = fragment ? `#${fragment}` : "";

  if (pathPart.startsWith("/")) {
    const alias = targets.aliases.get(pathPart) ?? targets.aliases.get(pathPart.replace(/\/?(index\.html?)?$/, "/"));
    return alias ? { href: alias + hash } : undefined;
  }

  if (/\.(md|markdown)$/i.test(pathPart)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(post.sourcePath), pathPart));
    const url = targets.postBySource.get(target);
    return url ? { href: url + hash } : { error: `links to ${pathPart}, which is not a post` };
  }

  const week = weekInLink(pathPart);
  if (week) {
    const preferred = textLang(text);
    const order: Lang[] = [...new Set([preferred ?? post.lang, post.lang])];
    for (const lang of order) {
      const digest = targets.weeks[lang].get(week)?.digests[0];
      if (digest) return { href: urls.post(digest) };
    }
    for (const lang of [post.lang, otherLang(post.lang)]) {
      if (targets.weeks[lang].has(week)) return { href: urls.weekHub(lang, week) };
    }
    return { error: `links to week ${week} (${href}), which has no posts` };
  }

  return { error: `"${href}" leads to no page; link to a post's .md file, a week such as ../weekly_news/ai_news_2026-W06, or a full URL` };
}

/**
 * Why an image of a post would not load, or undefined: a path (relative to the page or to the
 * site) that no published file answers. Pasted posts bring such paths from their old site; the
 * build names the post's own line rather than letting the output's link check name a page.
 */
export function imageProblem(src: string, post: Post, targets: LinkTargets): string | undefined {
  if (!targets.files || EXTERNAL.test(src.trim()) || src.startsWith("#")) return undefined;
  let pathname: string;
  try {
    pathname = decodeURI(new URL(src.trim(), `https://site.invalid${urls.post(post)}`).pathname);
  } catch {
    return `"${src}" is not an address; write a path such as /media/${post.slug}/picture.png or a full https:// URL`;
  }
  if (targets.files.has(pathname)) return undefined;
  const name = pathname.split("/").pop() || "picture.png";
  const where = src.startsWith("/") ? `no file is published at ${pathname}` : `the path is relative to the page, so it would load ${pathname}, and no file is published there`;
  return `"${src}": ${where}; put the file in the content folder's media/ (published at /media/) or in assets/, and write its path from the site's root, such as /media/${post.slug}/${name}; npm run import copies a pasted post's images for you`;
}

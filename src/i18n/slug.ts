import { pinyin } from "pinyin-pro";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_TITLE_PART = 48;

/** Date-like fragments the URL already carries in its date or week prefix. */
const DATE_FRAGMENTS = [
  /\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?/g,
  /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/g,
  /\d{4}-?W\d{1,2}/gi,
  /\d{4}\s*年/g,
  /\bW\d{1,2}\b/gi,
];

/** ASCII, lowercase, hyphenated; Chinese becomes pinyin so URLs stay readable. */
export function asciiSlug(text: string): string {
  const romanized = /\p{Script=Han}/u.test(text)
    ? pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join(" ")
    : text;
  return romanized
    .replace(/\+/g, " plus ")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function truncateWords(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-$/, "");
}

/**
 * The URL segment of a post without an explicit slug: a date (or ISO week for a digest)
 * followed by the title in ASCII. It depends only on the post, so it never changes when
 * other posts are added.
 */
export function derivePostSlug(title: string, prefix: string): string {
  let rest = title;
  for (const fragment of DATE_FRAGMENTS) rest = rest.replace(fragment, " ");
  const titlePart = truncateWords(asciiSlug(rest), MAX_TITLE_PART);
  const head = asciiSlug(prefix);
  return titlePart ? `${head}-${titlePart}` : head;
}

/**
 * A slug that keeps every script's letters: Chinese headings and tags get readable,
 * non-empty ids ("大模型", "ai-日报", "agent-智能体", "c-plus-plus") instead of Eleventy's
 * empty string or percent-encoded noise.
 */
export function unicodeSlug(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\+/g, "-plus-")
    .replace(/#/g, "-sharp-")
    .replace(/&/g, "-and-")
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

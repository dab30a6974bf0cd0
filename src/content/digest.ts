import { createHash } from "node:crypto";

/** A `# Title` line opening a body: it is the post's title, whatever the front matter says. */
const LEADING_TITLE = /^(?:[ \t]*\r?\n)*[ \t]{0,3}#[ \t][^\n]*/;

/**
 * The version of a post's body a translation was made from: a short hash of the body with
 * every whitespace character removed, so re-wrapping lines or re-indenting never makes a
 * translation stale. Front matter (title, tags, dates) is not part of it, and neither is a
 * `# Title` line at the top, which the site drops or keeps depending on the front-matter title.
 */
export function bodyDigest(body: string): string {
  return createHash("sha256").update(body.replace(LEADING_TITLE, "").replace(/\s+/gu, "")).digest("hex").slice(0, 12);
}

/** What bodyDigest gives. */
export const DIGEST_PATTERN = /^[0-9a-f]{12}$/;

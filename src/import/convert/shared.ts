/** Conversions several generators share: alerts, details, embeds, figures, post links, unknown tags. */
import { alert, alertType, details, embedLink, figure, PLATFORM_NAMES, type Embed, type FigureParts } from "./build.ts";
import { block, closer, leaf, opener, type Item, type Scan } from "./context.ts";
import { brief } from "./text.ts";
import type { Out } from "./types.ts";

/** An admonition opener: its content becomes a GitHub alert. */
export function alertOpener(scan: Scan, start: number, end: number, key: string, syntax: string, typeName: string | undefined, title: string | undefined, closerHint: string): Item {
  const line = scan.line(start);
  return opener(
    start,
    end,
    key,
    (inner) => {
      const known = alertType(typeName);
      const type = known ?? "NOTE";
      const detail = typeName && !known ? ` (type "${typeName}" has no GitHub alert; NOTE used)` : "";
      scan.notes.converted(line, syntax, `became a > [!${type}] alert${title ? ` titled "${brief(title)}"` : ""}${detail}`);
      return block(alert(type, title, inner));
    },
    () => missingCloser(scan, line, syntax, closerHint),
  );
}

/** A collapsible section opener: its content goes into <details>. */
export function detailsOpener(scan: Scan, start: number, end: number, key: string, syntax: string, summary: string | undefined, open: boolean, closerHint: string): Item {
  const line = scan.line(start);
  return opener(
    start,
    end,
    key,
    (inner) => {
      scan.notes.converted(line, syntax, `became <details> with summary "${brief(summary ?? "Details")}"`);
      return block(details(summary ?? "Details", open, inner));
    },
    () => missingCloser(scan, line, syntax, closerHint),
  );
}

export function missingCloser(scan: Scan, line: number, syntax: string, closerHint: string): Out {
  scan.notes.attention(line, syntax, `no closing ${closerHint} found: add it where the block ends, or remove the opening tag.`);
  return null;
}

/** A closer whose opener is missing. */
export function strayCloser(scan: Scan, start: number, end: number, key: string, syntax: string): Item {
  const line = scan.line(start);
  return closer(start, end, key, () => {
    scan.notes.attention(line, syntax, "closing tag without its opening tag: remove it.");
    return null;
  });
}

/** A tag nothing converts: left in place, and the editor told what to do. */
export function leftAlone(scan: Scan, start: number, end: number, syntax: string, message: string): Item {
  const line = scan.line(start);
  return leaf(start, end, () => {
    scan.notes.attention(line, syntax, message);
    return null;
  });
}

/** A paired tag nothing converts: both ends stay, the content between is still converted. */
export function unknownOpener(scan: Scan, start: number, end: number, key: string, syntax: string, message: string): Item {
  const line = scan.line(start);
  const note = () => {
    scan.notes.attention(line, syntax, message);
    return null;
  };
  return opener(start, end, key, undefined, note);
}

export function embedItem(scan: Scan, start: number, end: number, syntax: string, embed: Embed | undefined): Item {
  const line = scan.line(start);
  return leaf(start, end, () => {
    if (!embed || !embed.id) {
      scan.notes.attention(line, syntax, "no video or post id found: replace the embed with a link to it.");
      return null;
    }
    scan.notes.converted(line, syntax, `${PLATFORM_NAMES[embed.platform]} embed became a link`);
    return block(embedLink(embed));
  });
}

/** An image or figure; `src` and `link` are resolved as written (they may hold template tags). */
export function figureItem(scan: Scan, start: number, end: number, syntax: string, parts: FigureParts, asBlock = true): Item {
  const line = scan.line(start);
  return leaf(start, end, () => {
    if (!parts.src) {
      scan.notes.attention(line, syntax, "no image source found: replace it with a Markdown image.");
      return null;
    }
    const src = scan.destination(parts.src, "image", start, syntax);
    const link = parts.link ? scan.destination(parts.link, "link", start, syntax) : undefined;
    const made = figure({ ...parts, src, link });
    scan.notes.converted(line, syntax, parts.caption ? "became a <figure> with its caption" : "became a Markdown image");
    return asBlock ? block(made) : { text: made };
  });
}

/**
 * A post reference: "name#anchor" resolves the name and keeps the anchor; "#anchor" alone is
 * a link within the page. undefined when the post is not found.
 */
export function resolvePost(scan: Scan, target: string, syntax: string): string | undefined {
  const hash = target.indexOf("#");
  const name = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? "" : target.slice(hash);
  if (name === "") return anchor || undefined;
  const url = scan.resolve({ kind: "post", name, syntax });
  return url === undefined ? undefined : url + anchor;
}

/** A tag that stands for a post's URL, written as text in the body. */
export function postUrlItem(scan: Scan, start: number, end: number, syntax: string, target: string | undefined): Item {
  const line = scan.line(start);
  return leaf(start, end, () => {
    if (!target) {
      scan.notes.attention(line, syntax, "no post named: replace the tag with the post's link.");
      return null;
    }
    const url = resolvePost(scan, target, syntax);
    if (url === undefined) {
      scan.notes.attention(line, syntax, `post "${target}" not found: import it too, or replace the tag with its link.`);
      return null;
    }
    scan.notes.converted(line, syntax, `became the post's URL ${url}`);
    return { text: url };
  });
}

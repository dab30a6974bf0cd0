/**
 * Zola shortcodes (getzola.org/documentation/content/shortcodes): `{{ name(key=value) }}` and
 * body shortcodes `{% name(args) %}…{% end %}`. Zola ships none, so these are the ones its
 * docs and common themes use: youtube, vimeo, streamable, gist, bilibili, image / figure,
 * note / admonition / alert / callout, quote, details. `@/` links are in links.ts.
 */
import { parseZolaArgs, type TemplateTag } from "./args.ts";
import { alert, alertType, bilibiliId, embedFromUrl, link, quote, type Embed } from "./build.ts";
import { block, leaf, opener, type Item, type Scan } from "./context.ts";
import { alertOpener, detailsOpener, embedItem, figureItem, leftAlone, missingCloser, strayCloser, unknownOpener } from "./shared.ts";

const ALERTS = new Set(["note", "admonition", "alert", "callout", "aside", "warning", "tip", "info", "important", "caution", "danger", "hint"]);
const COLLAPSIBLES = new Set(["details", "spoiler", "collapse", "collapsible"]);
const IMAGES = new Set(["image", "img", "figure", "fig", "resize_image", "picture"]);

function get(args: Map<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = args.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The admonition type: a `type`-like argument, a flag such as `tip=true`, or the shortcode's own name. */
function alertTypeOf(name: string, args: Map<string, string>): string | undefined {
  const named = get(args, "type", "kind", "style", "class", "level");
  if (named) return named;
  for (const [key, value] of args) if (value === "true" && alertType(key)) return key;
  return alertType(name) ? name : undefined;
}

function embedOf(name: string, args: Map<string, string>): Embed | undefined {
  const id = get(args, "id", "bvid", "vid");
  const url = get(args, "url", "src");
  if (!id && url) return embedFromUrl(url);
  if (!id) return undefined;
  if (name === "youtube") return args.get("playlist") ? { platform: "youtube-playlist", id: args.get("playlist")! } : { platform: "youtube", id, title: args.get("title") };
  if (name === "vimeo") return { platform: "vimeo", id };
  if (name === "bilibili") return { platform: "bilibili", id: bilibiliId(id), extra: get(args, "page", "p") };
  return undefined;
}

/** `{{ name(…) }}`. */
export function zolaCall(scan: Scan, tag: TemplateTag): Item {
  const args = parseZolaArgs(tag.args);
  const name = tag.name;
  const syntax = `Zola ${name}`;
  const line = scan.line(tag.start);
  if (name === "youtube" || name === "vimeo" || name === "bilibili") return embedItem(scan, tag.start, tag.end, syntax, embedOf(name, args));
  if (name === "gist" || name === "streamable") {
    const url = get(args, "url") ?? (args.get("id") ? `https://streamable.com/${args.get("id")}` : undefined);
    if (!url) return leftAlone(scan, tag.start, tag.end, syntax, "no URL found: replace it with a link.");
    return leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, syntax, "embed became a link");
      return block(link(url, url));
    });
  }
  if (IMAGES.has(name)) {
    const caption = get(args, "caption");
    return figureItem(scan, tag.start, tag.end, syntax, { src: get(args, "src", "path", "url", "image") ?? "", alt: get(args, "alt") ?? caption ?? "", caption, title: get(args, "title") });
  }
  const text = get(args, "text", "body", "content");
  if (ALERTS.has(name) && text !== undefined) {
    const typeName = alertTypeOf(name, args);
    const type = alertType(typeName) ?? "NOTE";
    return leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, syntax, `became a > [!${type}] alert`);
      return block(alert(type, get(args, "title", "header"), text));
    });
  }
  return leftAlone(scan, tag.start, tag.end, syntax, "unknown shortcode: replace it with Markdown or remove it.");
}

/** `{% name(…) %}`, closed by `{% end %}`. */
export function zolaBlock(scan: Scan, tag: TemplateTag): Item {
  const args = parseZolaArgs(tag.args);
  const name = tag.name;
  const syntax = `Zola ${name}`;
  const line = scan.line(tag.start);
  if (ALERTS.has(name)) return alertOpener(scan, tag.start, tag.end, "zola", syntax, alertTypeOf(name, args), get(args, "title", "header", "summary"), "{% end %}");
  if (COLLAPSIBLES.has(name)) {
    return detailsOpener(scan, tag.start, tag.end, "zola", syntax, get(args, "summary", "title", "header"), get(args, "open") === "true", "{% end %}");
  }
  if (name === "quote" || name === "blockquote") {
    const author = get(args, "author", "cite", "by");
    const source = get(args, "source", "url", "link");
    const footer = author ? (source ? `${author}, ${link(source, source)}` : author) : undefined;
    return opener(
      tag.start,
      tag.end,
      "zola",
      (inner) => {
        scan.notes.converted(line, syntax, "became a blockquote");
        return block(quote(inner, footer));
      },
      () => missingCloser(scan, line, syntax, "{% end %}"),
    );
  }
  return unknownOpener(scan, tag.start, tag.end, "zola", syntax, "unknown body shortcode: replace it with Markdown or remove it (with its {% end %}).");
}

export function zolaEnd(scan: Scan, tag: TemplateTag): Item {
  return strayCloser(scan, tag.start, tag.end, "zola", "Zola end");
}

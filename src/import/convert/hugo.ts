/**
 * Hugo shortcodes, `{{< name args >}}` and `{{% name args %}}` (gohugo.io/shortcodes): the
 * embedded ones (figure, youtube, vimeo, x / tweet, gist, instagram, highlight, ref, relref,
 * details, param) and the admonitions, collapsibles, embeds and TOCs common themes add
 * (notice, alert, admonition, hint, callout, expand, bilibili, toc).
 */
import { parseShortcodeArgs, readTag, type TemplateTag } from "./args.ts";
import { bilibiliId, codeSpan, embedFromUrl, type Embed } from "./build.ts";
import { leaf, removed, type Item, type Scan } from "./context.ts";
import { codeOut, type Opaque } from "./opaque.ts";
import { alertOpener, detailsOpener, embedItem, figureItem, leftAlone, postUrlItem, strayCloser, unknownOpener } from "./shared.ts";

const ALERTS = new Set(["notice", "alert", "admonition", "hint", "callout", "note", "tip", "warning", "info", "important", "caution", "danger", "error", "success"]);
const COLLAPSIBLES = new Set(["details", "expand", "collapse", "spoiler", "collapsible"]);
const TOCS = new Set(["toc", "table-of-contents", "tableofcontents"]);

/** `{{< highlight go "opts" >}}code{{< /highlight >}}`: the code becomes fenced, byte for byte. */
export function hugoHighlight(scan: Scan, tag: TemplateTag): Opaque | null {
  if (tag.flavor !== "hugo" || tag.closing || tag.name !== "highlight" || tag.selfClosing) return null;
  const close = scan.text.memo(`hugo-highlight`, tag.end, (from) => {
    for (let at = scan.text.find("{{", from); at !== -1; at = scan.text.find("{{", at + 2)) {
      const other = readTag(scan.text, at);
      if (other?.flavor === "hugo" && other.closing && other.name === "highlight") return other;
    }
    return null;
  });
  if (!close) return null;
  const args = parseShortcodeArgs(tag.args);
  const lang = args.named.get("lang") ?? args.positional[0] ?? "";
  const options = args.named.get("options") ?? args.positional[1];
  const line = scan.line(tag.start);
  return {
    start: tag.start,
    end: close.end,
    item: leaf(tag.start, close.end, (indent) => {
      scan.notes.converted(line, "Hugo highlight", `became a fenced code block${lang ? ` (${lang})` : ""}${options ? `; options "${options}" dropped` : ""}`);
      return codeOut(scan, tag.start, tag.end, close.start, close.end, lang, indent);
    }),
  };
}

function firstOf(args: ReturnType<typeof parseShortcodeArgs>, names: string[], position?: number): string | undefined {
  for (const name of names) {
    const value = args.named.get(name);
    if (value !== undefined) return value;
  }
  return position === undefined ? undefined : args.positional[position];
}

function embedOf(name: string, args: ReturnType<typeof parseShortcodeArgs>): Embed | undefined {
  const id = firstOf(args, ["id"], 0);
  const title = args.named.get("title");
  switch (name) {
    case "youtube":
    case "youtube_simple":
    case "youtube-lite":
    case "youtube-nocookie":
      return id?.startsWith("http") ? embedFromUrl(id) : id ? { platform: "youtube", id, title, extra: args.named.get("start") } : undefined;
    case "vimeo":
    case "vimeo_simple":
      return id ? { platform: "vimeo", id, title } : undefined;
    case "tweet":
    case "twitter":
    case "twitter_simple":
    case "x":
    case "x_simple": {
      const user = args.named.get("user") ?? (args.positional.length > 1 ? args.positional[0] : undefined);
      const post = args.named.get("id") ?? args.positional[args.positional.length - 1];
      return post ? { platform: "x", id: post, user } : undefined;
    }
    case "gist": {
      const user = firstOf(args, ["user", "username"], 0);
      const gist = firstOf(args, ["id"], 1);
      return gist ? { platform: "gist", user, id: gist, extra: firstOf(args, ["file"], 2) } : undefined;
    }
    case "instagram":
    case "instagram_simple":
      return id ? { platform: "instagram", id } : undefined;
    case "bilibili":
      return id ? { platform: "bilibili", id: bilibiliId(id), title, extra: firstOf(args, ["p", "page"], 1) } : undefined;
  }
  return undefined;
}

const EMBEDS = new Set(["youtube", "youtube_simple", "youtube-lite", "youtube-nocookie", "vimeo", "vimeo_simple", "tweet", "twitter", "twitter_simple", "x", "x_simple", "gist", "instagram", "instagram_simple", "bilibili"]);

export function hugoTag(scan: Scan, tag: TemplateTag): Item {
  const name = tag.name;
  const lower = name.toLowerCase();
  const key = `hugo:${name}`;
  const syntax = `Hugo ${name}`;
  const written = tag.delim === "%" ? `{{% /${name} %}}` : `{{< /${name} >}}`;
  if (tag.closing) return strayCloser(scan, tag.start, tag.end, key, syntax);
  const args = parseShortcodeArgs(tag.args);

  if (lower === "figure" || lower === "img" || lower === "image") {
    const title = args.named.get("title");
    const caption = args.named.get("caption");
    const attribution = args.named.get("attr");
    const attrlink = args.named.get("attrlink");
    const captionParts = [title ? `**${title}**` : "", caption ?? "", attribution ? (attrlink ? `[${attribution}](${attrlink})` : attribution) : ""].filter(Boolean);
    return figureItem(scan, tag.start, tag.end, syntax, {
      src: firstOf(args, ["src"], 0) ?? "",
      alt: args.named.get("alt") ?? caption ?? title ?? "",
      caption: captionParts.join(" ") || undefined,
      link: args.named.get("link"),
    });
  }
  if (EMBEDS.has(lower)) return embedItem(scan, tag.start, tag.end, syntax, embedOf(lower, args));
  if (lower === "ref" || lower === "relref") return postUrlItem(scan, tag.start, tag.end, syntax, firstOf(args, ["path"], 0));
  if (TOCS.has(lower)) {
    const line = scan.line(tag.start);
    return leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, syntax, "table of contents marker removed (the site adds its own)");
      return removed;
    });
  }
  if (lower === "param") {
    return leftAlone(scan, tag.start, tag.end, syntax, `replace it with the value of the "${firstOf(args, ["name"], 0) ?? ""}" parameter.`);
  }
  if (lower === "highlight") {
    if (tag.selfClosing) return leftAlone(scan, tag.start, tag.end, syntax, "empty highlight shortcode: remove it.");
    return leftAlone(scan, tag.start, tag.end, syntax, `no closing ${written} found: put the code in a fenced block.`);
  }
  if (ALERTS.has(lower)) {
    const typed = ALERTS.has(lower) && !["notice", "alert", "admonition", "hint", "callout"].includes(lower);
    const type = typed ? lower : firstOf(args, ["type", "style", "color", "severity", "kind", "class"], 0);
    const title = firstOf(args, ["title", "header"], typed ? 0 : 1);
    return alertOpener(scan, tag.start, tag.end, key, syntax, type, title, written);
  }
  if (COLLAPSIBLES.has(lower)) {
    const summary = firstOf(args, ["summary", "title", "name"], 0);
    const open = /^(true|open)$/i.test(args.named.get("open") ?? args.named.get("expanded") ?? "");
    return detailsOpener(scan, tag.start, tag.end, key, syntax, summary, open, written);
  }
  if (lower === "qr") return leftAlone(scan, tag.start, tag.end, syntax, "QR codes are not made here: link to the text or URL instead.");
  const message = `unknown shortcode: replace it with Markdown or remove it${tag.selfClosing ? "" : ` (with its ${written} if it has one)`}.`;
  if (tag.selfClosing) return leftAlone(scan, tag.start, tag.end, syntax, message);
  return unknownOpener(scan, tag.start, tag.end, key, syntax, message);
}

// Hugo's escaped shortcode {{</* name */>}} shows {{< name >}}; outside code that is raw syntax on the page.
export function escapedOutsideCode(scan: Scan, tag: TemplateTag): Item {
  const line = scan.line(tag.start);
  return leaf(tag.start, tag.end, () => {
    const hugo = /^\{\{[<%]/.test(tag.literal ?? "");
    scan.notes.attention(line, hugo ? "Hugo escaped shortcode" : "Zola escaped shortcode", `shows ${tag.literal} literally: put it in a code span (${codeSpan(tag.literal ?? "")}) or a code block.`);
    return null;
  });
}

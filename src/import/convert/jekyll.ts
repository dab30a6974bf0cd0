/**
 * Jekyll's Liquid (jekyllrb.com/docs/liquid/tags, /docs/includes): highlight, raw, comment,
 * post_url, link, include (with the includes of common themes: Minimal Mistakes' figure,
 * video and toc, Chirpy's embed/*), jekyll-gist's gist, and outputs such as
 * `{{ site.baseurl }}` or `{{ "/x" | relative_url }}`.
 */
import { parseHexoArgs, parseShortcodeArgs, readTag, type TemplateTag } from "./args.ts";
import { alertType, bilibiliId, codeSpan, embedFromUrl, type Embed } from "./build.ts";
import { leaf, removed, type Item, type Scan } from "./context.ts";
import { codeOut, innerText, standsAlone, type Opaque } from "./opaque.ts";
import { embedItem, figureItem, leftAlone, postUrlItem } from "./shared.ts";
import { codeSpans, fenceAt } from "./regions.ts";
import { brief, Text } from "./text.ts";
import type { Out } from "./types.ts";

/** The first `{% endNAME %}` at or after `from`. */
export function findEndTag(scan: Scan, name: string, from: number): TemplateTag | null {
  return scan.text.memo(`liquid-end-${name}`, from, (start) => {
    for (let at = scan.text.find("{%", start); at !== -1; at = scan.text.find("{%", at + 2)) {
      const tag = readTag(scan.text, at);
      if (tag?.flavor === "liquid" && tag.name === `end${name}`) return tag;
    }
    return null;
  });
}

/** `{% highlight %}`, `{% raw %}` and `{% comment %}` with their end tags. */
export function jekyllOpaque(scan: Scan, tag: TemplateTag): Opaque | null {
  if (tag.flavor !== "liquid" || !["highlight", "raw", "comment"].includes(tag.name)) return null;
  const close = findEndTag(scan, tag.name, tag.end);
  if (!close) return null;
  const line = scan.line(tag.start);
  const start = tag.start;
  const end = close.end;
  if (tag.name === "highlight") {
    const [lang = "", ...options] = parseHexoArgs(tag.args);
    return {
      start,
      end,
      item: leaf(start, end, (indent) => {
        scan.notes.converted(line, "Jekyll highlight", `became a fenced code block${lang ? ` (${lang})` : ""}${options.length ? `; options "${options.join(" ")}" dropped` : ""}`);
        return codeOut(scan, start, tag.end, close.start, close.end, lang, indent);
      }),
    };
  }
  if (tag.name === "comment") {
    return {
      start,
      end,
      item: leaf(start, end, () => {
        scan.notes.converted(line, "Liquid comment", "removed");
        return standsAlone(scan.src, start, end) ? removed : { text: "" };
      }),
    };
  }
  return { start, end, item: leaf(start, end, () => rawOut(scan, line, start, tag.end, close.start, end)) };
}

/**
 * `{% raw %}…{% endraw %}` becomes its content. Liquid in it outside code would be read as a
 * template again, so a raw part inside a line becomes a code span, and a raw block is noted.
 */
function rawOut(scan: Scan, line: number, start: number, openEnd: number, closeStart: number, end: number): Out {
  const content = innerText(scan.src, openEnd, closeStart);
  const templated = /\{\{|\{%/.test(content);
  if (!standsAlone(scan.src, start, end) && !content.includes("\n")) {
    scan.notes.converted(line, "Liquid raw", templated ? "became a code span, so its template syntax stays literal" : "became its content");
    return { text: templated ? codeSpan(content) : content };
  }
  const literal = literalTemplates(content);
  scan.notes.converted(line, "Liquid raw", literal === content ? "became its content" : "became its content; template syntax outside code became code spans, so it stays literal");
  return { text: literal, block: true, verbatim: true };
}

/** Template tags outside code in raw content, as code spans (else they would be read as templates again). */
function literalTemplates(content: string): string {
  if (!/\{\{|\{%/.test(content)) return content;
  const text = new Text(content);
  const pieces: string[] = [];
  let pos = 0;
  let fence: { char: string; len: number } | null = null;
  for (let lineStart = 0; lineStart < content.length; ) {
    const lineEnd = text.lineEnd(lineStart);
    const f = fenceAt(content, lineStart, lineEnd);
    if (fence) {
      if (f && f.char === fence.char && f.len >= fence.len && f.rest.trim() === "") fence = null;
    } else if (f) fence = f;
    else {
      const spans = codeSpans(content, lineStart, lineEnd);
      for (let at = text.find("{", lineStart); at !== -1 && at < lineEnd; at = text.find("{", at + 1)) {
        if (spans.some((span) => at >= span.start && at < span.end)) continue;
        const tag = readTag(text, at);
        if (!tag || tag.end > lineEnd) continue;
        pieces.push(content.slice(pos, at), codeSpan(content.slice(at, tag.end)));
        pos = tag.end;
        at = tag.end - 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  pieces.push(content.slice(pos));
  return pieces.join("");
}

const LOGIC = new Set([
  "assign", "capture", "endcapture", "if", "elsif", "else", "endif", "unless", "endunless", "for", "endfor", "break", "continue",
  "case", "when", "endcase", "cycle", "increment", "decrement", "tablerow", "endtablerow", "liquid", "echo", "render",
]);

function includeItem(scan: Scan, tag: TemplateTag): Item {
  const args = parseShortcodeArgs(tag.args);
  const file = args.positional[0] ?? "";
  const base = file.replace(/^.*\//, "").replace(/\.html?$/, "");
  const syntax = `Jekyll include ${file}`;
  const get = (...names: string[]) => names.map((n) => args.named.get(n)).find((v) => v !== undefined);
  if (tag.name === "include" && (file === "toc" || file === "toc.html")) {
    const line = scan.line(tag.start);
    return leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, syntax, "table of contents marker removed (the site adds its own)");
      return removed;
    });
  }
  if (tag.name === "include" && (base === "figure" || base === "image")) {
    const caption = get("caption");
    return figureItem(scan, tag.start, tag.end, syntax, { src: get("image_path", "src", "url", "path") ?? "", alt: get("alt") ?? caption ?? "", caption, title: get("title") });
  }
  const video = /^(video|youtube|youtubeplayer|youtube-embed|youtube_embed|vimeo|bilibili)$/i.test(base);
  if (tag.name === "include" && video) {
    const provider = (get("provider") ?? (file.includes("/") || base !== "video" ? base : "youtube")).toLowerCase();
    const id = get("id", "video_id", "youtube_id", "bvid");
    const embed: Embed | undefined = !id ? undefined : id.startsWith("http") ? embedFromUrl(id) : provider.startsWith("vimeo") ? { platform: "vimeo", id } : provider.startsWith("bilibili") ? { platform: "bilibili", id: bilibiliId(id) } : provider.startsWith("youtube") ? { platform: "youtube", id } : undefined;
    return embedItem(scan, tag.start, tag.end, syntax, embed);
  }
  const content = get("content");
  const alertName = base === "callout" ? get("type") ?? "note" : base;
  if (tag.name === "include" && content !== undefined && alertType(alertName)) {
    const line = scan.line(tag.start);
    const type = alertType(alertName)!;
    return leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, syntax, `became a > [!${type}] alert`);
      return { text: `> [!${type}]\n> ${content.replace(/\n/g, "\n> ")}`, block: true };
    });
  }
  return leftAlone(scan, tag.start, tag.end, syntax, "includes are not carried over: paste the included content in, or remove the tag.");
}

/** A gist by jekyll-gist or Hexo: `{% gist [user/]id [file] %}`. */
export function gistEmbed(args: string[]): Embed | undefined {
  const [path, file] = args;
  if (!path) return undefined;
  if (path.startsWith("http")) return embedFromUrl(path);
  const slash = path.lastIndexOf("/");
  return slash === -1 ? { platform: "gist", id: path, extra: file } : { platform: "gist", user: path.slice(0, slash), id: path.slice(slash + 1), extra: file };
}

/** A Jekyll tag, or null when it is not Jekyll's (then Hexo's tags are tried). */
export function jekyllTag(scan: Scan, tag: TemplateTag): Item | null {
  const args = parseHexoArgs(tag.args);
  switch (tag.name) {
    case "post_url":
      return postUrlItem(scan, tag.start, tag.end, "Jekyll post_url", args[0]);
    case "link":
      if (args.length === 1 && !/^(https?:|www\.)/.test(args[0]!)) {
        if (args[0]!.includes("{{")) return leftAlone(scan, tag.start, tag.end, "Jekyll link", "the path is a variable: replace the tag with the page's link.");
        return postUrlItem(scan, tag.start, tag.end, "Jekyll link", args[0]);
      }
      return null;
    case "include":
    case "include_relative":
      return includeItem(scan, tag);
    case "gist":
      return embedItem(scan, tag.start, tag.end, "Liquid gist", gistEmbed(args));
    case "#": {
      const line = scan.line(tag.start);
      return leaf(tag.start, tag.end, () => {
        scan.notes.converted(line, "Liquid comment", "removed");
        return standsAlone(scan.src, tag.start, tag.end) ? removed : { text: "" };
      });
    }
    case "highlight":
      return leftAlone(scan, tag.start, tag.end, "Jekyll highlight", "no {% endhighlight %} found: put the code in a fenced block.");
    case "raw":
    case "comment":
      return leftAlone(scan, tag.start, tag.end, `Liquid ${tag.name}`, `no {% end${tag.name} %} found: add it, or remove the tag.`);
    case "endhighlight":
    case "endraw":
    case "endcomment":
      return leftAlone(scan, tag.start, tag.end, `Liquid ${tag.name}`, "end tag without its opening tag: remove it.");
  }
  if (LOGIC.has(tag.name)) {
    return leftAlone(scan, tag.start, tag.end, `Liquid ${tag.name}`, "Liquid logic is not run here: write out the text it would produce, and remove the tag.");
  }
  return null;
}

/** `{{ … }}` outside a destination: base-URL variables go, wrapped paths stay, anything else is noted. */
export function liquidOutput(scan: Scan, tag: TemplateTag): Item {
  const expression = tag.name.replace(/\s+/g, " ");
  const line = scan.line(tag.start);
  // A base URL stands before a path; alone it would leave nothing behind.
  const base = /^(site\.baseurl|site\.url|site\.base_url|base_path|site\.github\.url)$/.test(expression) && scan.src[tag.end] === "/";
  const wrapped = /^(["'])([^"']*)\1\s*\|\s*(relative_url|absolute_url|url)\s*$/.exec(expression);
  if (base || wrapped) {
    return leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, "Liquid URL", wrapped ? `{{ ${brief(expression)} }} became its path` : `{{ ${expression} }} removed; the path after it is kept`);
      return { text: wrapped ? wrapped[2]! : "" };
    });
  }
  const syntax = expression.startsWith("$") ? "Vue interpolation" : expression.startsWith(".") ? "Hugo template" : "Liquid output";
  return leftAlone(scan, tag.start, tag.end, syntax, `{{ ${brief(expression)} }} is not evaluated here: replace it with its value.`);
}

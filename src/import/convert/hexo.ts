/**
 * Hexo tag plugins (hexo.io/docs/tag-plugins, and lib/plugins/tag in hexo): codeblock / code,
 * blockquote / quote, pullquote, img / image, asset_img / asset_image, asset_path, asset_link,
 * post_link, post_path, link / a / anchor, url_for, youtube, vimeo, jsfiddle, iframe,
 * include_code; and the note / fold blocks of the NexT and Butterfly themes, and bilibili.
 */
import { parseHexoArgs, type TemplateTag } from "./args.ts";
import { bilibiliId, embedFromUrl, image, link, quote, type Embed } from "./build.ts";
import { block, leaf, opener, type Item, type Scan } from "./context.ts";
import { findEndTag } from "./jekyll.ts";
import { codeOut, type Opaque } from "./opaque.ts";
import { alertOpener, detailsOpener, embedItem, leftAlone, missingCloser, resolvePost, strayCloser } from "./shared.ts";
import { brief, escapeHtml } from "./text.ts";

const URLISH = /^([a-z][a-z0-9+.-]*:|www\.)/i;

/** `{% codeblock [title] [lang:x] [url] [link text] [options] %}…{% endcodeblock %}` (alias code). */
export function hexoOpaque(scan: Scan, tag: TemplateTag): Opaque | null {
  if (tag.flavor !== "liquid" || (tag.name !== "codeblock" && tag.name !== "code")) return null;
  const close = findEndTag(scan, tag.name, tag.end);
  if (!close) return null;
  const args = parseHexoArgs(tag.args);
  let lang = "";
  const dropped: string[] = [];
  const words: string[] = [];
  for (const arg of args) {
    const colon = arg.indexOf(":");
    const key = colon === -1 ? "" : arg.slice(0, colon);
    if (key === "lang") lang = arg.slice(colon + 1);
    else if (["line_number", "line_threshold", "highlight", "first_line", "mark", "wrap", "language_attr"].includes(key)) dropped.push(arg);
    else words.push(arg);
  }
  // Hexo's caption: "title [url [link text]]", the URL being the first http(s) word after the title.
  const urlAt = words.findIndex((w, i) => i > 0 && /^https?:\/\//i.test(w));
  const title = (urlAt === -1 ? words : words.slice(0, urlAt)).join(" ");
  const url = urlAt === -1 ? undefined : words[urlAt];
  const linkText = urlAt === -1 ? "" : words.slice(urlAt + 1).join(" ");
  const caption = title ? `*${title.replace(/\*/g, "\\*")}*${url ? ` (${link(linkText || "link", url)})` : ""}` : "";
  const line = scan.line(tag.start);
  const syntax = `Hexo ${tag.name}`;
  return {
    start: tag.start,
    end: close.end,
    item: leaf(tag.start, close.end, (indent) => {
      const code = codeOut(scan, tag.start, tag.end, close.start, close.end, lang, indent);
      const extra = [caption ? "its caption became the line above it" : "", dropped.length ? `options "${dropped.join(" ")}" dropped` : ""].filter(Boolean).join("; ");
      scan.notes.converted(line, syntax, `became a fenced code block${lang ? ` (${lang})` : ""}${extra ? `; ${extra}` : ""}`);
      if (!caption || !code?.block) return code;
      return { text: `${caption}\n${indent.trimEnd()}\n${indent}${code.text}`, block: true, verbatim: true };
    }),
  };
}

/** Hexo's img arguments: [classes] src [width [height]] [title [alt]], as lib/plugins/tag/img.ts reads them. */
function readImg(raw: string, asset: boolean): { src: string; title?: string; alt?: string } | undefined {
  const args = parseHexoArgs(raw);
  const looksLikeSource = (a: string) => (asset ? /[./]/.test(a) : URLISH.test(a) || a.startsWith("/") || a.startsWith("."));
  let at = args.findIndex(looksLikeSource);
  if (at === -1) at = asset ? 0 : -1;
  const src = args[at];
  if (src === undefined) return undefined;
  const rest = args.slice(at + 1);
  if (rest.length && /^\d+(px|%)?$/.test(rest[0]!)) rest.shift();
  if (rest.length && /^\d+(px|%)?$/.test(rest[0]!)) rest.shift();
  const meta = rest.join(" ").trim();
  if (meta === "") return { src };
  const q = meta[0];
  if (q === '"' || q === "'") {
    const titleEnd = meta.indexOf(q, 1);
    const title = meta.slice(1, titleEnd === -1 ? undefined : titleEnd);
    const after = titleEnd === -1 ? "" : meta.slice(titleEnd + 1).trim();
    const alt = after.replace(/^["']|["']$/g, "");
    return { src, title, alt: alt || undefined };
  }
  return { src, title: meta };
}

function embedOf(name: string, args: string[]): Embed | undefined {
  const id = args[0];
  if (!id) return undefined;
  if (/^https?:/.test(id)) return embedFromUrl(id);
  if (name === "youtube") return args[1] === "playlist" ? { platform: "youtube-playlist", id } : { platform: "youtube", id };
  if (name === "vimeo") return { platform: "vimeo", id };
  if (name === "bilibili") return { platform: "bilibili", id: bilibiliId(id), extra: args[1] };
  if (name === "jsfiddle") return { platform: "jsfiddle", id };
  return undefined;
}

/** Hexo's blockquote footer: "author[, source]", or "author url [title]". */
function quoteFooter(args: string[]): string {
  const text = args.join(" ").trim();
  if (text === "") return "";
  const words = text.split(/\s+/);
  const urlAt = words.findIndex((w, i) => i > 0 && /^https?:\/\//i.test(w));
  if (urlAt !== -1) {
    const author = words.slice(0, urlAt).join(" ");
    const url = words[urlAt]!;
    const title = words.slice(urlAt + 1).join(" ") || url.replace(/^https?:\/\/|\/(index.html?)?$/g, "");
    return `${author}, ${link(title, url)}`;
  }
  const comma = text.indexOf(",");
  return comma === -1 ? text : `${text.slice(0, comma).trim()}, *${text.slice(comma + 1).trim()}*`;
}

export function hexoTag(scan: Scan, tag: TemplateTag): Item | null {
  const args = parseHexoArgs(tag.args);
  const name = tag.name;
  const syntax = `Hexo ${name}`;
  const line = scan.line(tag.start);
  const at = (render: () => string, message: string) =>
    leaf(tag.start, tag.end, () => {
      scan.notes.converted(line, syntax, message);
      return { text: render() };
    });
  switch (name) {
    case "img":
    case "image":
    case "asset_img":
    case "asset_image": {
      const img = readImg(tag.args, name.startsWith("asset"));
      if (!img) return leftAlone(scan, tag.start, tag.end, syntax, "no image file found in the tag: replace it with a Markdown image.");
      return at(() => image(img.alt ?? img.title ?? "", scan.destination(img.src, "image", tag.start, syntax), img.title), "became a Markdown image");
    }
    case "asset_path":
      if (!args[0]) return null;
      return at(() => scan.destination(args[0]!, "image", tag.start, syntax), "became the file's path");
    case "asset_link": {
      const file = args[0];
      if (!file) return null;
      const rest = args.slice(1).filter((a) => a !== "true" && a !== "false");
      return at(() => link(rest.join(" ") || file, scan.destination(file, "link", tag.start, syntax)), "became a Markdown link");
    }
    case "post_link":
    case "post_path": {
      const slug = args[0];
      if (!slug) return leftAlone(scan, tag.start, tag.end, syntax, "no post named: replace the tag with the post's link.");
      const words = args.slice(1);
      const escape = words[words.length - 1];
      if (escape === "true" || escape === "false") words.pop();
      return leaf(tag.start, tag.end, () => {
        const url = resolvePost(scan, slug, syntax);
        if (url === undefined) {
          scan.notes.attention(line, syntax, `post "${slug}" not found: import it too, or replace the tag with its link.`);
          return null;
        }
        if (name === "post_path") {
          scan.notes.converted(line, syntax, `became the post's URL ${url}`);
          return { text: url };
        }
        // Without a text of its own, Hexo showed the post's title: the imported post's, when known.
        const known = words.length === 0 ? scan.titleOf({ kind: "post", name: slug, syntax }) : undefined;
        if (words.length === 0 && !known) scan.notes.attention(line, syntax, `the link to "${slug}" shows the post's name: Hexo showed its title, write that in.`);
        else scan.notes.converted(line, syntax, `became a link to ${url}`);
        // Hexo escapes the title's HTML unless told not to.
        const title = known ?? (escape === "false" ? words.join(" ") : escapeHtml(words.join(" ")).replace(/&quot;/g, '"'));
        return { text: link(title || slug, url) };
      });
    }
    case "link":
    case "a":
    case "anchor": {
      const urlAt = args.findIndex((a) => URLISH.test(a) || a.startsWith("/"));
      if (urlAt === -1) return leftAlone(scan, tag.start, tag.end, syntax, "no URL found in the tag: replace it with a Markdown link.");
      const rest = args.slice(urlAt + 1);
      if (rest[0] === "true" || rest[0] === "false") rest.shift();
      const text = args.slice(0, urlAt).join(" ") || args[urlAt]!;
      return at(() => link(text, scan.destination(args[urlAt]!, "link", tag.start, syntax), rest.join(" ") || undefined), "became a Markdown link");
    }
    case "url_for":
    case "full_url_for": {
      if (args.length < 2) return leftAlone(scan, tag.start, tag.end, syntax, "replace the tag with a Markdown link.");
      return at(() => link(args[0]!, scan.destination(args[1]!, "link", tag.start, syntax)), "became a Markdown link");
    }
    case "youtube":
    case "vimeo":
    case "bilibili":
    case "jsfiddle":
      return embedItem(scan, tag.start, tag.end, syntax, embedOf(name, args));
    case "iframe": {
      const url = args[0];
      if (!url) return null;
      return leaf(tag.start, tag.end, () => {
        scan.notes.converted(line, syntax, "embedded page became a link");
        return block(link(url, url));
      });
    }
    case "include_code":
    case "include-code":
      return leftAlone(scan, tag.start, tag.end, syntax, "the file's code is not carried over: paste it in a fenced code block.");
    case "blockquote":
    case "quote":
    case "pullquote": {
      const footer = name === "pullquote" ? "" : quoteFooter(args);
      return opener(
        tag.start,
        tag.end,
        `liquid:${name}`,
        (inner) => {
          scan.notes.converted(line, syntax, `became a blockquote${footer ? ` with "— ${brief(footer)}"` : ""}`);
          return block(quote(inner, footer || undefined));
        },
        () => missingCloser(scan, line, syntax, `{% end${name} %}`),
      );
    }
    case "note": {
      const words = args.filter((a) => !/^(no-icon|simple|modern|flat|disabled|fa[srlbd]?|fa-.*)$/.test(a));
      return alertOpener(scan, tag.start, tag.end, "liquid:note", "Hexo note", words[0], words.slice(1).join(" ") || undefined, "{% endnote %}");
    }
    case "fold":
    case "folding":
    case "hideToggle":
    case "hideBlock":
    case "details": {
      // Butterfly's hideToggle takes "summary,background,colour"; the others a plain summary.
      const summary = (name === "hideToggle" ? args.join(" ").split(",")[0] : args.join(" "))?.trim() || undefined;
      return detailsOpener(scan, tag.start, tag.end, `liquid:${name}`, syntax, summary, false, `{% end${name} %}`);
    }
    case "endblockquote":
    case "endquote":
    case "endpullquote":
    case "endnote":
    case "endfold":
    case "endfolding":
    case "endhideToggle":
    case "endhideBlock":
    case "enddetails":
      return strayCloser(scan, tag.start, tag.end, `liquid:${name.slice(3)}`, `Hexo ${name.slice(3)}`);
    case "codeblock":
    case "code":
      return leftAlone(scan, tag.start, tag.end, syntax, `no {% end${name} %} found: put the code in a fenced block.`);
  }
  return null;
}

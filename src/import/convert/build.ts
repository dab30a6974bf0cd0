/** The Markdown (and the little HTML) every converted construct becomes. */
import MarkdownIt from "markdown-it";
import { escapeHtml, escapeLabel, formatDestination, formatTitle } from "./text.ts";

const inlineRenderer = new MarkdownIt({ html: true });

/** Inline Markdown as HTML on one line, for a caption or summary inside an HTML block. */
export function inlineHtml(markdown: string): string {
  return inlineRenderer.renderInline(markdown.trim()).replace(/\n/g, " ");
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A fenced code block holding `content` byte for byte; the fence is longer than any backtick run inside. */
export function fence(lang: string, content: string): string {
  const marker = "`".repeat(Math.max(3, longestRun(content, "`") + 1));
  const body = content === "" || content.endsWith("\n") ? content : `${content}\n`;
  return `${marker}${lang}\n${body}${marker}`;
}

/** An inline code span holding `content`. */
export function codeSpan(content: string): string {
  const marker = "`".repeat(longestRun(content, "`") + 1);
  const pad = content.startsWith("`") || content.endsWith("`") || (content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "") ? " " : "";
  return `${marker}${pad}${content}${pad}${marker}`;
}

export function image(alt: string, url: string, title?: string): string {
  return `![${escapeLabel(alt)}](${formatDestination(url)}${title ? ` ${formatTitle(title)}` : ""})`;
}

export function link(label: string, url: string, title?: string): string {
  return `[${escapeLabel(label)}](${formatDestination(url)}${title ? ` ${formatTitle(title)}` : ""})`;
}

export interface FigureParts {
  src: string;
  alt: string;
  title?: string;
  /** Caption as inline Markdown; a figure is made only when there is one. */
  caption?: string;
  link?: string;
}

/** `![alt](src "title")`, or a one-line <figure> when there is a caption. */
export function figure(parts: FigureParts): string {
  if (!parts.caption) {
    const img = image(parts.alt, parts.src, parts.title);
    return parts.link ? `[${img}](${formatDestination(parts.link)})` : img;
  }
  const title = parts.title ? ` title="${escapeHtml(parts.title)}"` : "";
  let img = `<img src="${escapeHtml(parts.src)}" alt="${escapeHtml(parts.alt)}"${title}>`;
  if (parts.link) img = `<a href="${escapeHtml(parts.link)}">${img}</a>`;
  return `<figure>${img}<figcaption>${inlineHtml(parts.caption)}</figcaption></figure>`;
}

export type AlertType = "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION";

const ALERT_NAMES: Record<string, AlertType> = {};
for (const [type, names] of Object.entries({
  NOTE: "note info information abstract summary tldr todo example question faq help quote cite primary secondary default blue notice light dark",
  TIP: "tip tips hint success check done green",
  IMPORTANT: "important purple",
  WARNING: "warning warn caution attention orange yellow",
  CAUTION: "danger error fail failure failed bug missing red",
})) {
  for (const name of names.split(" ")) ALERT_NAMES[name] = type as AlertType;
}

/** The GitHub alert type for an admonition type or colour name, or undefined when it names none. */
export function alertType(name: string | undefined): AlertType | undefined {
  return name === undefined ? undefined : ALERT_NAMES[name.trim().toLowerCase()];
}

/** Removes blank lines at the start and end. */
export function trimBlankLines(text: string): string {
  const lines = text.split("\n");
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === "") a++;
  while (b > a && lines[b - 1]!.trim() === "") b--;
  return lines.slice(a, b).join("\n");
}

/** Removes the indentation all non-blank lines share (JSX children are indented for layout only). */
export function dedentCommon(text: string): string {
  const lines = text.split("\n");
  let common = Infinity;
  for (const line of lines) {
    if (line.trim() === "") continue;
    let n = 0;
    while (n < line.length && (line[n] === " " || line[n] === "\t")) n++;
    common = Math.min(common, n);
  }
  if (common === Infinity || common === 0) return text;
  return lines.map((line) => (line.trim() === "" ? "" : line.slice(common))).join("\n");
}

/** Every line quoted: "> line", blank lines ">". */
export function quoteLines(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");
}

const LABELS: Record<AlertType, string> = { NOTE: "Note", TIP: "Tip", IMPORTANT: "Important", WARNING: "Warning", CAUTION: "Caution" };

/**
 * Alerts cannot nest (GitHub shows an inner one as a quote): an alert inside another becomes a
 * quote led by its bold label, "Caution" or "Caution: Title".
 */
function flattenAlerts(content: string): string {
  const lines = content.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^((?:> ?)+)\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(.*)$/.exec(lines[i]!);
    if (!marker) {
      out.push(lines[i]!);
      continue;
    }
    const prefix = marker[1]!.endsWith(" ") ? marker[1]! : `${marker[1]} `;
    const label = LABELS[marker[2] as AlertType];
    const title = marker[3]!.trim() || undefined;
    out.push(`${prefix}**${title ? `${label}: ${title}` : label}**`);
  }
  return out.join("\n");
}

export function alert(type: AlertType, title: string | undefined, content: string): string {
  // A title stands on the marker's line, where the site's renderer shows it in place of the kind's word.
  const heading = title?.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
  const lines = [heading ? `> [!${type}] ${heading}` : `> [!${type}]`];
  const body = flattenAlerts(trimBlankLines(content));
  if (body !== "") lines.push(quoteLines(body));
  return lines.join("\n");
}

export function details(summary: string, open: boolean, content: string): string {
  const body = trimBlankLines(content);
  const head = `<details${open ? " open" : ""}><summary>${inlineHtml(summary)}</summary>`;
  return body === "" ? `${head}\n\n</details>` : `${head}\n\n${body}\n\n</details>`;
}

/** A blockquote with an optional "— source" line. */
export function quote(content: string, footer?: string): string {
  const body = trimBlankLines(content);
  const parts = [body];
  if (footer) parts.push(`— ${footer}`);
  return quoteLines(parts.filter((p) => p !== "").join("\n\n"));
}

export type Platform = "youtube" | "youtube-playlist" | "vimeo" | "bilibili" | "x" | "gist" | "instagram" | "jsfiddle";

export interface Embed {
  platform: Platform;
  id: string;
  user?: string;
  title?: string;
  /** Gist file, YouTube start second, bilibili page. */
  extra?: string;
}

/** The plain link an embed becomes: `[▶ YouTube: <title or id>](https://www.youtube.com/watch?v=ID)`. */
export function embedLink(embed: Embed): string {
  const { id, user, title, extra } = embed;
  switch (embed.platform) {
    case "youtube":
      return link(`▶ YouTube: ${title ?? id}`, `https://www.youtube.com/watch?v=${id}${extra ? `&t=${extra}s` : ""}`);
    case "youtube-playlist":
      return link(`▶ YouTube: ${title ?? id}`, `https://www.youtube.com/playlist?list=${id}`);
    case "vimeo":
      return link(`▶ Vimeo: ${title ?? id}`, `https://vimeo.com/${id}`);
    case "bilibili":
      return link(`▶ bilibili: ${title ?? id}`, `https://www.bilibili.com/video/${id}${extra && extra !== "1" ? `?p=${extra}` : ""}`);
    case "x":
      return user ? link(`X post by @${user}`, `https://x.com/${user}/status/${id}`) : link(`X post ${id}`, `https://x.com/i/status/${id}`);
    case "gist": {
      const path = user ? `${user}/${id}` : id;
      const anchor = extra ? `#file-${extra.toLowerCase().replace(/[^a-z0-9]/g, "-")}` : "";
      return link(`GitHub Gist: ${path}${extra ? ` (${extra})` : ""}`, `https://gist.github.com/${path}${anchor}`);
    }
    case "instagram":
      return link(`Instagram: ${title ?? id}`, `https://www.instagram.com/p/${id}/`);
    case "jsfiddle":
      return link(`JSFiddle: ${id}`, `https://jsfiddle.net/${id}/`);
  }
}

export const PLATFORM_NAMES: Record<Platform, string> = {
  youtube: "YouTube",
  "youtube-playlist": "YouTube",
  vimeo: "Vimeo",
  bilibili: "bilibili",
  x: "X",
  gist: "GitHub Gist",
  instagram: "Instagram",
  jsfiddle: "JSFiddle",
};

/** Reads a video or post id out of a pasted URL, for tags given a URL instead of an id. */
export function embedFromUrl(url: string): Embed | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.replace(/^(www|m)\./, "");
  const parts = parsed.pathname.split("/").filter(Boolean);
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    const v = parsed.searchParams.get("v");
    if (v) return { platform: "youtube", id: v };
    const list = parsed.searchParams.get("list");
    if (list) return { platform: "youtube-playlist", id: list };
    if ((parts[0] === "embed" || parts[0] === "shorts" || parts[0] === "live") && parts[1]) return { platform: "youtube", id: parts[1] };
  }
  if (host === "youtu.be" && parts[0]) return { platform: "youtube", id: parts[0] };
  if ((host === "vimeo.com" || host === "player.vimeo.com") && parts.length > 0) {
    const id = [...parts].reverse().find((p) => /^\d+$/.test(p));
    if (id) return { platform: "vimeo", id };
  }
  if (host === "bilibili.com" && parts[0] === "video" && parts[1]) return { platform: "bilibili", id: parts[1] };
  if ((host === "twitter.com" || host === "x.com") && parts[1] === "status" && parts[2]) return { platform: "x", id: parts[2], user: parts[0] };
  if (host === "gist.github.com" && parts.length >= 2) return { platform: "gist", user: parts[0], id: parts[1]! };
  return undefined;
}

/** A bilibili id as a video path segment: BV ids and av ids as given, a bare number as "av…". */
export function bilibiliId(id: string): string {
  return /^\d+$/.test(id) ? `av${id}` : id;
}

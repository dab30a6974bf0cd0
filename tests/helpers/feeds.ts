import { parseFeed as parseWithRowanmanning } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseFeed as parseWithFeedsmith } from "feedsmith";
import { Parser } from "htmlparser2";

export interface ParsedFeed {
  title: string;
  entries: { title: string; url: string; content: string; published: string }[];
}

/**
 * Parses a feed with two independent parsers (plus an XML well-formedness check for XML
 * feeds) and returns what both agree on; throws when either fails.
 */
export function parseFeedTwice(body: string, format: "atom" | "rss" | "json"): ParsedFeed {
  if (format === "json") {
    const json = JSON.parse(body);
    const { feed } = parseWithFeedsmith(json) as { feed: { title: string; items: { title: string; url: string; content_html: string; date_published: string }[] } };
    if (json.version !== "https://jsonfeed.org/version/1.1") throw new Error("not JSON Feed 1.1");
    return {
      title: feed.title,
      entries: feed.items.map((i) => ({ title: i.title, url: i.url, content: i.content_html, published: String(i.date_published) })),
    };
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const smith = parseWithFeedsmith(body);
  if (smith.format !== format) throw new Error(`feedsmith read ${smith.format}, expected ${format}`);
  const other = parseWithRowanmanning(body);
  const entries = other.items.map((item) => ({
    title: item.title ?? "",
    url: item.url ?? "",
    content: item.content ?? "",
    published: item.published?.toISOString() ?? "",
  }));
  const parsed = smith.feed as { entries?: unknown[]; items?: unknown[] };
  const smithCount = (parsed.entries ?? parsed.items ?? []).length;
  if (smithCount !== entries.length) throw new Error(`parsers disagree: ${smithCount} vs ${entries.length} entries`);
  return { title: other.title ?? "", entries };
}

type Node = Record<string, unknown>;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["entry", "item", "author", "link", "category"].includes(name),
});
const text = (node: unknown): string => (typeof node === "string" ? node : typeof node === "object" && node ? String((node as Node)["#text"] ?? "") : "");
const list = (node: unknown): Node[] => (Array.isArray(node) ? (node as Node[]) : []);

/**
 * The rules of the feed specifications that parsers forgive, checked one by one on a feed's
 * text (read with fast-xml-parser or JSON.parse, not with the site's code); one line per
 * broken rule, none for a good feed.
 *
 * - Atom (RFC 4287): the feed states its language (xml:lang); every entry has an author,
 *   or the feed has one (§4.1.2); every author has a name (§3.2.1).
 * - RSS 2.0: the channel states its language.
 * - JSON Feed 1.1: "items" is an array; "authors" and "tags", when present, hold at least
 *   one value; no member is an empty string or an empty array; the feed names its authors.
 */
export function specProblems(body: string, format: "atom" | "rss" | "json"): string[] {
  const problems: string[] = [];
  if (format === "atom") {
    const feed = (xml.parse(body) as Node).feed as Node;
    if (!feed["@xml:lang"]) problems.push("feed: no xml:lang");
    const named = (authors: unknown) => list(authors).length > 0 && list(authors).every((a) => text(a.name).trim() !== "");
    const feedHasAuthor = named(feed.author);
    for (const entry of list(feed.entry)) {
      if (!feedHasAuthor && !named(entry.author)) problems.push(`entry ${text(entry.id)}: no author, and the feed has none`);
    }
  } else if (format === "rss") {
    const channel = ((xml.parse(body) as Node).rss as Node).channel as Node;
    if (!text(channel.language)) problems.push("channel: no language");
  } else {
    const feed = JSON.parse(body) as Node;
    if (!Array.isArray(feed.items)) problems.push("feed: no items array");
    if (!Array.isArray(feed.authors) || feed.authors.length === 0) problems.push("feed: no authors");
    for (const [where, object] of [["feed", feed], ...list(feed.items).map((item) => [`item ${String(item.id)}`, item] as const)] as const) {
      for (const [key, value] of Object.entries(object)) {
        if (value === "" || (Array.isArray(value) && value.length === 0 && key !== "items")) problems.push(`${where}: empty "${key}"`);
      }
      for (const author of list(object.authors)) {
        if (!author.name && !author.url && !author.avatar) problems.push(`${where}: an author without name, url or avatar`);
      }
    }
  }
  return problems;
}

/** Every URL in a piece of feed HTML: each href and src, and each candidate of each srcset (read by htmlparser2). */
export function contentUrls(html: string): string[] {
  const urls: string[] = [];
  const parser = new Parser(
    {
      onattribute(name, value) {
        if (name === "href" || name === "src") urls.push(value);
        if (name === "srcset") urls.push(...value.split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return urls;
}

/** Each entry's date as the feed writes it (Atom published, RSS pubDate, JSON date_published), by entry title. */
export function datesByTitle(body: string, format: "atom" | "rss" | "json"): Record<string, string> {
  if (format === "json") {
    return Object.fromEntries(list((JSON.parse(body) as Node).items).map((item) => [String(item.title), String(item.date_published)]));
  }
  const parsed = xml.parse(body) as Node;
  if (format === "atom") return Object.fromEntries(list((parsed.feed as Node).entry).map((e) => [text(e.title), text(e.published)]));
  return Object.fromEntries(list(((parsed.rss as Node).channel as Node).item).map((i) => [text(i.title), text(i.pubDate)]));
}

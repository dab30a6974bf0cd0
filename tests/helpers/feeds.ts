import { parseFeed as parseWithRowanmanning } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { parseFeed as parseWithFeedsmith } from "feedsmith";

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

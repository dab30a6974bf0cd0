import { renderFeed, type FeedFile, type FeedSpec } from "../../feeds/feeds.ts";
import type { PageContext, PageType } from "../page-type.ts";

/** Every feed the page types offer, rendered to its file (feed.njk writes them as they are). */
export const feedFiles: PageType<"feedFiles", FeedFile> = {
  name: "feedFiles",
  pages: (context) => context.feeds.map((spec) => ({ url: spec.url, body: render(spec, context) })),
  /**
   * Feeds carry full post bodies: those that hold an edited post are rendered again. A feed
   * with content of its own (a topic's: summary and items) does not show the body, and watch
   * mode refreshes only edits that keep summaries and mentions.
   */
  refresh(pages, edited, context) {
    const touched = new Map(context.feeds.filter((spec) => !spec.contentOf && spec.entries.some((entry) => edited.has(entry.post.sourcePath))).map((spec) => [spec.url, spec]));
    return pages.filter((page) => touched.has(page.url)).map((page) => Object.assign(page, { body: render(touched.get(page.url)!, context) }));
  },
};

function render(spec: FeedSpec, context: PageContext): string {
  // A feed without entries is dated by the newest post, never by the build, so builds are reproducible.
  const fallbackDate = context.entries[0]?.post.date ?? new Date(0);
  return renderFeed(spec, context.config, { pathPrefix: context.pathPrefix, fallbackDate });
}

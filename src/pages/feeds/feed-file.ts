import { renderFeed, type FeedFile, type FeedSpec } from "../../feeds/feeds.ts";
import type { PageContext, PageType } from "../page-type.ts";

/** Every feed the page types offer, rendered to its file (feed.njk writes them as they are). */
export const feedFiles: PageType<"feedFiles", FeedFile> = {
  name: "feedFiles",
  pages: (context) => context.feeds.map((spec) => feedFile(spec, context)),
  /**
   * Feeds carry full post bodies: those that hold an edited post are written again (their
   * entries are the edited ones). A feed with content of its own (a topic's: summary and
   * items) does not show the body, and watch mode refreshes only edits that keep summaries
   * and mentions.
   */
  refresh(pages, edited, context) {
    const touched = new Set(context.feeds.filter((spec) => !spec.contentOf && spec.entries.some((entry) => edited.has(entry.post.sourcePath))).map((spec) => spec.url));
    return pages.filter((page) => touched.has(page.url));
  },
};

/**
 * A feed rendered when its file is written, not with the models: every feed's text at once
 * (full post bodies, hundreds of feeds) would take hundreds of MB for the whole build.
 */
const feedFile = (spec: FeedSpec, context: PageContext): FeedFile => ({
  url: spec.url,
  get body() {
    return render(spec, context);
  },
});

function render(spec: FeedSpec, context: PageContext): string {
  // A feed without entries is dated by the newest post, never by the build, so builds are reproducible.
  const fallbackDate = context.entries[0]?.post.date ?? new Date(0);
  return renderFeed(spec, context.config, { pathPrefix: context.pathPrefix, fallbackDate });
}

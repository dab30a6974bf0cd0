import { renderFeed, type FeedFile } from "../../feeds/feeds.ts";
import type { PageType } from "../page-type.ts";

/** Every feed the page types offer, rendered to its file (feed.njk writes them as they are). */
export const feedFiles: PageType<"feedFiles", FeedFile> = {
  name: "feedFiles",
  pages(context) {
    // A feed without entries is dated by the newest post, never by the build, so builds are reproducible.
    const fallbackDate = context.entries[0]?.post.date ?? new Date(0);
    return context.feeds.map((spec) => ({ url: spec.url, body: renderFeed(spec, context.config, { pathPrefix: context.pathPrefix, fallbackDate }) }));
  },
};

import type { Post } from "./schema.ts";

export type PublicationStatus = "published" | "draft" | "scheduled";

/** When a post goes live: its date, or its `scheduled` moment when that is later. */
export function publishAt(post: Post): Date {
  return post.scheduled && post.scheduled > post.date ? post.scheduled : post.date;
}

/** A draft never goes live by itself; a post dated or scheduled in the future goes live at that moment. */
export function publicationStatus(post: Post, now: Date): PublicationStatus {
  if (post.draft) return "draft";
  return publishAt(post).getTime() > now.getTime() ? "scheduled" : "published";
}

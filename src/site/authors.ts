import type { Author, Lang } from "../config.ts";
import type { Post } from "../content/schema.ts";
import { asciiSlug, unicodeSlug } from "../content/slug.ts";

export interface AuthorGroup {
  lang: Lang;
  author: Author;
  /** Newest first. */
  posts: Post[];
}

/** The author's id from the site settings, else a slug of the name. */
export function authorFor(name: string, known: Author[]): Author {
  const match = known.find((a) => a.name.toLowerCase() === name.toLowerCase());
  return match ?? { id: asciiSlug(name) || unicodeSlug(name), name };
}

export function groupByAuthor(posts: Post[], known: Author[]): Map<string, AuthorGroup> {
  const groups = new Map<string, AuthorGroup>();
  for (const post of posts) {
    for (const name of post.authors) {
      const author = authorFor(name, known);
      const key = `${post.lang}|${author.id}`;
      const group = groups.get(key) ?? { lang: post.lang, author, posts: [] };
      group.posts.push(post);
      groups.set(key, group);
    }
  }
  return groups;
}

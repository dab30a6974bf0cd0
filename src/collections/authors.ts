import { perLang, type Author, type Lang } from "../config.ts";
import type { Post } from "../content/schema.ts";
import { asciiSlug, unicodeSlug } from "../i18n/slug.ts";

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

/** Author groups by language, then by author id. */
export type AuthorGroups = Record<Lang, Map<string, AuthorGroup>>;

export function groupByAuthor(posts: Post[], known: Author[]): AuthorGroups {
  const groups: AuthorGroups = perLang(() => new Map());
  for (const post of posts) {
    for (const name of post.authors) {
      const author = authorFor(name, known);
      const group = groups[post.lang].get(author.id) ?? { lang: post.lang, author, posts: [] };
      group.posts.push(post);
      groups[post.lang].set(author.id, group);
    }
  }
  return groups;
}

import type { Kind, Lang } from "../config.ts";
import type { Post } from "../content/schema.ts";

/** Site-relative URLs. Eleventy's base plugin adds the path prefix when the site lives below one. */
export const urls = {
  langHome: (lang: Lang) => `/${lang}/`,
  kindList: (lang: Lang, kind: Kind, page = 1) => (page <= 1 ? `/${lang}/${kind}/` : `/${lang}/${kind}/page/${page}/`),
  post: (post: Pick<Post, "lang" | "kind" | "slug">) => `/${post.lang}/${post.kind}/${post.slug}/`,
};

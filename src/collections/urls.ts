import type { Kind, Lang } from "../config.ts";
import type { Post } from "../content/schema.ts";

const paged = (base: string, page: number) => (page <= 1 ? base : `${base}page/${page}/`);

/** Every site-relative URL. Eleventy's base plugin adds the path prefix when the site lives below one. */
export const urls = {
  langHome: (lang: Lang) => `/${lang}/`,
  kindList: (lang: Lang, kind: Kind, page = 1) => paged(`/${lang}/${kind}/`, page),
  post: (post: Pick<Post, "lang" | "kind" | "slug">) => `/${post.lang}/${post.kind}/${post.slug}/`,
  weekHub: (lang: Lang, week: string) => `/${lang}/weeks/${week.toLowerCase()}/`,
  archive: (lang: Lang) => `/${lang}/archive/`,
  tagIndex: (lang: Lang) => `/${lang}/tags/`,
  tag: (lang: Lang, slug: string, page = 1) => paged(`/${lang}/tags/${slug}/`, page),
  author: (lang: Lang, id: string, page = 1) => paged(`/${lang}/authors/${id}/`, page),
  series: (lang: Lang, slug: string) => `/${lang}/series/${slug}/`,
  search: (lang: Lang) => `/${lang}/search/`,
  topicIndex: (lang: Lang) => `/${lang}/topics/`,
  topic: (lang: Lang, id: string, page = 1) => paged(`/${lang}/topics/${id}/`, page),
  notFound: (lang: Lang) => `/${lang}/404.html`,
};

/** The fragment a switcher adds when it lands on a nearby page instead of a translation. */
export const onlyInFragment = (lang: Lang) => `only-in-${lang}`;

/** The file in the output folder a site URL is written to: "/zh/" → "zh/index.html". */
export const outputFileOf = (url: string) => url.replace(/^\/+/, "") + (url.endsWith("/") ? "index.html" : "");

import { LANGS, otherLang, type Lang } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { feedUrls, type FeedSpec } from "../../feeds/feeds.ts";
import { t } from "../../i18n/strings.ts";
import { groupPages, sitemapLine, type PageBase, type PageType, type Paged } from "../page-type.ts";

/** One page of a tag's posts in one language. */
export interface TagPage extends PageBase, Paged<PostEntry> {
  tag: { name: string; slug: string; count: number };
}

export interface TagPageOptions {
  /** Posts per page; default: the site's `pageSize`. */
  pageSize?: number;
}

export function tagPages(options: TagPageOptions = {}): PageType<"tags", TagPage> {
  return {
    name: "tags",
    pages(context) {
      const size = options.pageSize ?? context.config.pageSize;
      return LANGS.flatMap((lang) =>
        [...context.tags[lang].values()].flatMap((tag) => {
          const url = (l: Lang, page?: number) => urls.tag(l, tag.slug, page);
          const other = otherLang(lang);
          const translated = context.tags[other].has(tag.slug);
          const nearby = context.tags[other].size ? urls.tagIndex(other) : urls.langHome(other);
          return groupPages(lang, tag.posts.map(context.entryOf), size, url, translated, nearby).map((page) => ({
            ...page,
            tag: { name: tag.name, slug: tag.slug, count: tag.posts.length },
          }));
        }),
      );
    },
    sitemap: sitemapLine,
    /** An Atom feed per tag. */
    feeds(collections) {
      const { config } = collections;
      return LANGS.flatMap((lang) =>
        [...collections.tags[lang].values()].map((tag): FeedSpec => ({
          url: feedUrls.tag(urls.tag(lang, tag.slug)),
          format: "atom",
          lang,
          scope: "tag",
          title: `${config.title[lang]} · ${t(lang, "tagTitle", { tag: tag.name })}`,
          description: t(lang, "tagTitle", { tag: tag.name }),
          pageUrl: urls.tag(lang, tag.slug),
          entries: tag.posts.slice(0, config.feedSize).map(collections.entryOf),
        })),
      );
    },
  };
}

import { LANGS, otherLang, type Lang } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { tagCounterpart } from "../../collections/tags.ts";
import { urls } from "../../collections/urls.ts";
import { feedUrls, type FeedSpec } from "../../feeds/feeds.ts";
import { t } from "../../i18n/strings.ts";
import { pageShareImage, tagCard } from "../../share/card.ts";
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
          const other = otherLang(lang);
          // The other language's page of this tag: its equivalent in the tag registry, else the same URL there.
          const counterpart = tagCounterpart(context.tags, lang, tag);
          const url = (l: Lang, page?: number) => urls.tag(l, l === lang ? tag.slug : counterpart!.slug, page);
          const nearby = context.tags[other].size ? urls.tagIndex(other) : urls.langHome(other);
          const shareImage = context.config.shareImages ? pageShareImage(tagCard(lang, { name: tag.name, count: tag.posts.length }, context.config), urls.tag(lang, tag.slug)) : undefined;
          return groupPages(lang, tag.posts.map(context.entryOf), size, url, counterpart !== undefined, nearby).map((page) => ({
            ...page,
            tag: { name: tag.name, slug: tag.slug, count: tag.posts.length },
            shareImage,
          }));
        }),
      );
    },
    sitemap: sitemapLine,
    /**
     * An Atom feed per tag; a spelling the tag registry merged keeps its feed's address, with
     * the surviving tag's entries, so its subscribers go on receiving them.
     */
    feeds(collections) {
      const { config } = collections;
      const feeds = LANGS.flatMap((lang) =>
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
      const byPage = new Map(feeds.map((feed) => [feed.pageUrl, feed]));
      const moved = collections.aliases.flatMap((alias) => {
        const feed = alias.field?.startsWith("synonyms.") ? byPage.get(alias.to) : undefined;
        return feed ? [{ ...feed, url: feedUrls.tag(alias.url), scope: "moved" as const }] : [];
      });
      return [...feeds, ...moved];
    },
  };
}

import { KINDS, LANGS, otherLang, type Kind } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { feedUrls, type FeedSpec } from "../../feeds/feeds.ts";
import { t } from "../../i18n/strings.ts";
import { inEveryLang, paginate, pointerTo, sitemapLine, switchToListed, type PageBase, type PageType, type Paged, type Pointer } from "../page-type.ts";

/** One page of a kind's list: all weekly digests, daily briefs or deep dives of a language. */
export interface KindListPage extends PageBase, Paged<PostEntry> {
  kind: Kind;
  /** When the language has none of the kind: the other language's, counted. */
  pointer?: Pointer;
}

export interface KindListOptions {
  /** Posts per page; default: the site's `pageSize`. */
  pageSize?: number;
}

export function kindListPages(options: KindListOptions = {}): PageType<"kindLists", KindListPage> {
  return {
    name: "kindLists",
    pages(context) {
      const size = options.pageSize ?? context.config.pageSize;
      return LANGS.flatMap((lang) =>
        KINDS.flatMap((kind) => {
          const other = otherLang(lang);
          const otherCount = context.byKind[other][kind].length;
          const switchTo = switchToListed(lang, urls.kindList(other, kind), otherCount > 0);
          const pointer = pointerTo(context.byKind[lang][kind].length, other, kind, otherCount, urls.kindList(other, kind));
          return paginate(context.byKind[lang][kind], size, (n) => urls.kindList(lang, kind, n)).map((chunk) => ({
            ...chunk,
            lang,
            kind,
            url: urls.kindList(lang, kind, chunk.pageNumber),
            alternates: chunk.pageNumber === 1 ? inEveryLang((l) => urls.kindList(l, kind)) : { [lang]: urls.kindList(lang, kind, chunk.pageNumber) },
            switchTo,
            pointer,
          }));
        }),
      );
    },
    sitemap: sitemapLine,
    /** An Atom feed per kind and language. */
    feeds(collections) {
      const { config } = collections;
      return LANGS.flatMap((lang) =>
        KINDS.map((kind): FeedSpec => ({
          url: feedUrls.kind(lang, kind),
          format: "atom",
          lang,
          scope: "kind",
          title: `${config.title[lang]} · ${t(lang, `kindPlural.${kind}`)}`,
          description: t(lang, `kindIntro.${kind}`),
          pageUrl: urls.kindList(lang, kind),
          entries: collections.byKind[lang][kind].slice(0, config.feedSize),
        })),
      );
    },
  };
}

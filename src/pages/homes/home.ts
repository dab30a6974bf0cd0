import { KINDS, LANGS, otherLang, type Kind } from "../../config.ts";
import type { PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import { feedUrls, type FeedSpec } from "../../feeds/feeds.ts";
import { inEveryLang, pointerTo, sitemapLine, switchToSame, type PageBase, type PageType, type Pointer } from "../page-type.ts";

/** A language's home: the newest posts of each kind; a kind it has none of points to the other language's. */
export interface HomePage extends PageBase {
  sections: { kind: Kind; items: PostEntry[]; moreUrl: string; pointer?: Pointer }[];
}

export interface HomeOptions {
  /** Posts of each kind on the page; default: the site's `homePerKind`. */
  perKind?: number;
}

export function homePages(options: HomeOptions = {}): PageType<"homes", HomePage> {
  return {
    name: "homes",
    pages(context) {
      const perKind = options.perKind ?? context.config.homePerKind;
      return LANGS.map((lang) => {
        const other = otherLang(lang);
        return {
          lang,
          url: urls.langHome(lang),
          alternates: inEveryLang(urls.langHome),
          switchTo: switchToSame(lang, urls.langHome),
          sections: KINDS.map((kind) => ({
            kind,
            items: context.byKind[lang][kind].slice(0, perKind),
            moreUrl: urls.kindList(lang, kind),
            pointer: pointerTo(context.byKind[lang][kind].length, other, kind, context.byKind[other][kind].length, urls.kindList(other, kind)),
          })),
        };
      });
    },
    sitemap: sitemapLine,
    /** The language's feeds of every post, in Atom, RSS and JSON Feed. */
    feeds(collections) {
      const { config } = collections;
      return LANGS.flatMap((lang) =>
        (["atom", "rss", "json"] as const).map((format): FeedSpec => ({
          url: feedUrls[format](lang),
          format,
          lang,
          scope: "all",
          title: config.title[lang],
          description: config.description[lang],
          pageUrl: urls.langHome(lang),
          entries: collections.byLang[lang].slice(0, config.feedSize),
        })),
      );
    },
  };
}

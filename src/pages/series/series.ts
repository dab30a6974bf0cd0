import { LANGS, otherLang } from "../../config.ts";
import { seriesParts, seriesSlug, type SeriesGroup, type SeriesPart } from "../../collections/series.ts";
import type { Collections } from "../../collections/context.ts";
import { urls } from "../../collections/urls.ts";
import { alternatesOf, sitemapLine, switchOrNearby, type PageBase, type PageType } from "../page-type.ts";

/** A series' page: every part in reading order. */
export interface SeriesPage extends PageBase {
  series: { name: string; slug: string; count: number };
  parts: SeriesPart[];
}

/**
 * The other language's series that tells the same story: the one its parts' translations
 * belong to, when they all belong to one.
 */
export function translatedSeries(group: SeriesGroup, context: Pick<Collections, "translations" | "series">): SeriesGroup | undefined {
  const other = otherLang(group.lang);
  const slugs = new Set<string | undefined>();
  for (const post of group.posts) {
    const translation = context.translations.get(post)?.[other];
    if (translation) slugs.add(translation.series && seriesSlug(translation.series.name));
  }
  const [slug] = slugs;
  return slugs.size === 1 && slug ? context.series[other].get(slug) : undefined;
}

export const seriesPages: PageType<"series", SeriesPage> = {
  name: "series",
  pages(context) {
    return LANGS.flatMap((lang) =>
      [...context.series[lang].values()].map((group): SeriesPage => {
        const url = urls.series(lang, group.slug);
        const other = otherLang(lang);
        const translated = translatedSeries(group, context);
        const alternates = alternatesOf([
          [lang, url],
          [other, translated && urls.series(other, translated.slug)],
        ]);
        return {
          lang,
          url,
          alternates,
          switchTo: switchOrNearby(lang, alternates, urls.langHome(other)),
          series: { name: group.name, slug: group.slug, count: group.posts.length },
          parts: seriesParts(group, context.entryOf),
        };
      }),
    );
  },
  sitemap: sitemapLine,
};

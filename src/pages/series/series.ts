import { LANGS, otherLang } from "../../config.ts";
import { seriesParts, translatedSeries, type SeriesPart } from "../../collections/series.ts";
import { urls } from "../../collections/urls.ts";
import { alternatesOf, sitemapLine, switchOrNearby, type PageBase, type PageType } from "../page-type.ts";

/** A series' page: every part in reading order. */
export interface SeriesPage extends PageBase {
  series: { name: string; slug: string; count: number };
  parts: SeriesPart[];
}

export const seriesPages: PageType<"series", SeriesPage> = {
  name: "series",
  pages(context) {
    return LANGS.flatMap((lang) =>
      [...context.series[lang].values()].map((group): SeriesPage => {
        const url = urls.series(lang, group.slug);
        const other = otherLang(lang);
        const translated = translatedSeries(group, context.translations, context.series);
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

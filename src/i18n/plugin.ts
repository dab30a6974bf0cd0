import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Kind, Lang } from "../config.ts";
import { formatDate, formatWeek, formatWeekRange, isoDateTime } from "./dates.ts";
import { kindName, t, tn } from "./strings.ts";
import { keepDatesWhole } from "./typography.ts";

export interface I18nPluginOptions {
  timeZone: string;
}

/** UI strings and dates for templates: {{ "home" | t(lang) }}, {{ post.date | localDate(lang) }}. */
export function i18nPlugin(eleventyConfig: UserConfig, options: I18nPluginOptions): void {
  eleventyConfig.addFilter("t", (key: string, lang: Lang, vars?: Record<string, string | number>) => t(lang, key, vars));
  eleventyConfig.addFilter("tn", (key: string, lang: Lang, n: number) => tn(lang, key, n));
  eleventyConfig.addFilter("weekLabel", (week: string, lang: Lang) => formatWeek(week, lang));
  eleventyConfig.addFilter("weekRange", (week: string, lang: Lang) => formatWeekRange(week, lang));
  eleventyConfig.addFilter("kindName", (kind: Kind, lang: Lang) => kindName(lang, kind));
  eleventyConfig.addFilter("localDate", (date: Date, lang: Lang) => formatDate(date, lang, options.timeZone));
  // Returns escaped HTML: use as {{ title | keepDates | safe }}.
  eleventyConfig.addFilter("keepDates", (text: string) => keepDatesWhole(String(text ?? "")));
  eleventyConfig.addFilter("isoDateTime", (date: Date) => isoDateTime(date, options.timeZone));
}

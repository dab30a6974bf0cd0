import { DateTime } from "luxon";
import type { Lang } from "../config.ts";

const LOCALES: Record<Lang, string> = { zh: "zh-CN", en: "en-US" };

/** A day as readers of each language write it: 2026年2月6日 / Feb 6, 2026. */
export function formatDate(date: Date, lang: Lang, zone: string): string {
  const dt = DateTime.fromJSDate(date, { zone }).setLocale(LOCALES[lang]);
  return lang === "zh" ? dt.toFormat("yyyy年M月d日") : dt.toFormat("LLL d, yyyy");
}

/** Machine-readable date-time with offset, for <time datetime>. */
export function isoDateTime(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true })!;
}

import { DateTime } from "luxon";
import type { Lang } from "../config.ts";
import { t } from "./strings.ts";

const LOCALES: Record<Lang, string> = { zh: "zh-CN", en: "en-US" };

/** Results by instant, language and zone: a post's date is printed on every list it appears in. */
const memo = new Map<string, string>();
function remember(key: string, make: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size > 100_000) memo.clear();
    value = make();
    memo.set(key, value);
  }
  return value;
}

/** A day as readers of each language write it: 2026年2月6日 / Feb 6, 2026. */
export function formatDate(date: Date, lang: Lang, zone: string): string {
  return remember(`d|${date.getTime()}|${lang}|${zone}`, () => {
    const dt = DateTime.fromJSDate(date, { zone }).setLocale(LOCALES[lang]);
    return lang === "zh" ? dt.toFormat("yyyy年M月d日") : dt.toFormat("LLL d, yyyy");
  });
}

/** Machine-readable date-time with offset, for <time datetime>. */
export function isoDateTime(date: Date, zone: string): string {
  return remember(`i|${date.getTime()}|${zone}`, () => DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true })!);
}

/** "2026 年第 6 周" / "Week 6, 2026" for an ISO week such as 2026-W06. */
export function formatWeek(week: string, lang: Lang): string {
  const [year, number] = week.split("-W");
  return t(lang, "weekLabel", { year: year!, week: Number(number) });
}

/** The Monday-to-Sunday span of an ISO week: "2月2日–2月8日" / "Feb 2 – Feb 8, 2026". */
export function formatWeekRange(week: string, lang: Lang): string {
  // Every timeline and archive shows it once per week: made once per week and language.
  return remember(`range|${week}|${lang}`, () => {
    const monday = DateTime.fromISO(`${week}-1`, { zone: "UTC" }).setLocale(LOCALES[lang]);
    const sunday = monday.plus({ days: 6 });
    return lang === "zh"
      ? `${monday.toFormat("M月d日")}–${sunday.toFormat("M月d日")}`
      : `${monday.toFormat("LLL d")} – ${sunday.toFormat("LLL d, yyyy")}`;
  });
}

/** A calendar day (YYYY-MM-DD) without its year: "2月6日" / "Feb 6". */
export function formatMonthDay(day: string, lang: Lang): string {
  return remember(`md|${day}|${lang}`, () => DateTime.fromISO(day, { zone: "UTC" }).setLocale(LOCALES[lang]).toFormat(lang === "zh" ? "M月d日" : "LLL d"));
}

import { DateTime } from "luxon";

export interface ParsedDate {
  /** The instant; a bare date is the start of that day in the site time zone. */
  instant: Date;
  /** Calendar day in the site time zone, YYYY-MM-DD. */
  day: string;
  /** False for a bare date. */
  hasTime: boolean;
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export const DATE_EXPECTED =
  "expected YYYY-MM-DD, or a date-time such as 2026-02-06T08:00:00+08:00 or 2026-02-06 08:00:00 +0800 (without an offset it is read in the site time zone)";

/**
 * The other shapes generators write, as luxon formats: Jekyll's "2016-03-12 11:40:18 +0800"
 * (also "+08:00" after a space), Hexo's "2013/7/13 20:46:25", slash and dot dates, days and
 * months without a leading zero. Tried only when the strict ISO forms above do not match.
 */
const OTHER_FORMATS: { format: string; hasTime: boolean; offset: boolean }[] = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"].flatMap((day) =>
  [
    { time: "", hasTime: false },
    { time: " H:mm", hasTime: true },
    { time: " H:mm:ss", hasTime: true },
    { time: "'T'H:mm", hasTime: true },
    { time: "'T'H:mm:ss", hasTime: true },
  ].flatMap(({ time, hasTime }) =>
    (hasTime ? ["", " ZZ", " ZZZ", "ZZ", "ZZZ", " 'Z'", "'Z'"] : [""]).map((offset) => ({
      format: `${day}${time}${offset}`,
      hasTime,
      offset: offset !== "",
    })),
  ),
);

/**
 * Reads a front-matter date. A bare date is that calendar day in `zone`; a date-time without
 * an offset is a wall-clock time in `zone`; one with an offset is an instant.
 */
export function parseDate(value: string, zone: string): ParsedDate | null {
  const text = value.trim().replace(/\s+/g, " ");
  let dt: DateTime | undefined;
  let hasTime = !BARE_DATE.test(text);
  if (BARE_DATE.test(text)) dt = DateTime.fromISO(text, { zone });
  else if (LOCAL_DATE_TIME.test(text)) dt = DateTime.fromISO(text.replace(" ", "T"), { zone });
  else if (WITH_OFFSET.test(text)) dt = DateTime.fromISO(text.replace(" ", "T"), { setZone: true }).setZone(zone);
  else if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(text)) {
    for (const shape of OTHER_FORMATS) {
      // A literal "Z" is no offset to luxon: those shapes are read in UTC.
      const utc = shape.format.endsWith("'Z'");
      const parsed = DateTime.fromFormat(text.replace(/z$/, "Z"), shape.format, utc ? { zone: "utc" } : shape.offset ? { setZone: true } : { zone });
      if (!parsed.isValid) continue;
      dt = shape.offset ? parsed.setZone(zone) : parsed;
      hasTime = shape.hasTime;
      break;
    }
  } else if (/^[A-Za-z]{3}, /.test(text)) {
    // RFC 2822, as feeds and some exporters write: "Sat, 12 Mar 2016 11:40:18 +0800".
    dt = DateTime.fromRFC2822(text, { setZone: true }).setZone(zone);
  }
  // Years 1 to 9999 only: others would print as "+010000-01-01" or "-000001-12-31" days and weeks.
  if (!dt || !dt.isValid || dt.year < 1 || dt.year > 9999) return null;
  return { instant: dt.toJSDate(), day: dt.toISODate()!, hasTime };
}

/** ISO week (Monday to Sunday) of an instant in `zone`, as "2026-W06". */
export function isoWeekOf(instant: Date, zone: string): string {
  const dt = DateTime.fromJSDate(instant, { zone });
  return `${String(dt.weekYear).padStart(4, "0")}-W${String(dt.weekNumber).padStart(2, "0")}`;
}

/** Normalizes "2026-W6", "2026-w06" or "2026W06" to "2026-W06"; null when no such week exists. */
export function normalizeWeek(value: string): string | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(value.trim());
  if (!m) return null;
  const week = `${m[1]}-W${m[2]!.padStart(2, "0")}`;
  const dt = DateTime.fromISO(`${week}-1`, { zone: "UTC" });
  return dt.isValid && dt.weekNumber === Number(m[2]) ? week : null;
}

/** Monday and Sunday (YYYY-MM-DD) of an ISO week. */
export function weekRange(week: string): { start: string; end: string } {
  const monday = DateTime.fromISO(`${week}-1`, { zone: "UTC" });
  return { start: monday.toISODate()!, end: monday.plus({ days: 6 }).toISODate()! };
}

/**
 * Finds a calendar date written in a title or file name: 2026-02-06, 2026/2/6, 2026年2月6日,
 * and with `compact` (file names) 20260206. A date after a name with a number in it is a
 * version, not a day: "gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022".
 */
export function dateInText(whole: string, options: { compact?: boolean } = {}): string | null {
  // A date that names a post stands near the start; the look-behinds scan back, so the rest is not read.
  const text = whole.slice(0, 300);
  const m =
    /(?<![A-Za-z\d-]*\d[A-Za-z\d-]*-|[A-Za-z\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text) ??
    /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text) ??
    // A compact date (AIToBoxWeeklyNews_20240614) only from 1990 to 2099: other runs of 8 digits are ids.
    (options.compact ? /(?<![A-Za-z\d-]*\d[A-Za-z\d-]*-|\d)((?:199|20\d)\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/.exec(text) : null);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return DateTime.fromISO(day).isValid ? day : null;
}

/** Finds an ISO week written in a title or file name: "2026-W33", "2026W33", "2026_w33"; null when none (or no such week). */
export function weekInText(text: string): string | null {
  const m = /(?<!\d)(\d{4})[-_ ]?W(\d{1,2})(?!\d)/i.exec(text);
  return m ? normalizeWeek(`${m[1]}-W${m[2]}`) : null;
}

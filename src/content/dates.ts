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
  "expected YYYY-MM-DD, or a date-time such as 2026-02-06T08:00:00+08:00 (without an offset it is read in the site time zone)";

/**
 * Reads a front-matter date. A bare date is that calendar day in `zone`; a date-time without
 * an offset is a wall-clock time in `zone`; one with an offset is an instant.
 */
export function parseDate(value: string, zone: string): ParsedDate | null {
  const text = value.trim();
  let dt: DateTime;
  if (BARE_DATE.test(text)) dt = DateTime.fromISO(text, { zone });
  else if (LOCAL_DATE_TIME.test(text)) dt = DateTime.fromISO(text.replace(" ", "T"), { zone });
  else if (WITH_OFFSET.test(text)) dt = DateTime.fromISO(text.replace(" ", "T"), { setZone: true }).setZone(zone);
  else return null;
  // Years 1 to 9999 only: others would print as "+010000-01-01" or "-000001-12-31" days and weeks.
  if (!dt.isValid || dt.year < 1 || dt.year > 9999) return null;
  return { instant: dt.toJSDate(), day: dt.toISODate()!, hasTime: !BARE_DATE.test(text) };
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

/** Finds a calendar date written in a title or file name: 2026-02-06, 2026/2/6, 2026年2月6日. */
export function dateInText(text: string): string | null {
  const m =
    /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text) ?? /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return DateTime.fromISO(day).isValid ? day : null;
}

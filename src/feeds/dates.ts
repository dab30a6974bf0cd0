import { DateTime } from "luxon";
import { isoDateTime } from "../i18n/dates.ts";

/**
 * Feed dates in the site's time zone. A post dated 2026-02-06 is midnight in that zone; in
 * UTC it would read 2026-02-05 to anyone who looks at the feed's text. feedsmith writes
 * every date in UTC (it turns strings into Dates too), so its output is rewritten here.
 */

/** RFC 3339 with the zone's offset, for Atom and JSON Feed: 2026-02-06T00:00:00+08:00. */
export const rfc3339 = (date: Date, zone: string): string => isoDateTime(date, zone);

/** RFC 822 with the zone's offset, for RSS: Fri, 06 Feb 2026 00:00:00 +0800. */
export const rfc822 = (date: Date, zone: string): string => DateTime.fromJSDate(date, { zone }).toRFC2822()!;

/** CDATA sections (left alone: titles and content may hold anything) or a date element of Atom or RSS. */
const DATE_ELEMENT = /<!\[CDATA\[[\s\S]*?\]\]>|<(published|updated|pubDate|lastBuildDate)>([^<]+)<\/\1>/g;

/** Rewrites the date elements of an Atom or RSS document in the given zone; anything else stays byte for byte. */
export function zoneFeedDates(xml: string, zone: string): string {
  return xml.replace(DATE_ELEMENT, (whole, name: string | undefined, value: string | undefined) => {
    if (!name) return whole;
    const date = new Date(value!);
    if (Number.isNaN(date.getTime())) return whole;
    const text = name === "pubDate" || name === "lastBuildDate" ? rfc822(date, zone) : rfc3339(date, zone);
    return `<${name}>${text}</${name}>`;
  });
}

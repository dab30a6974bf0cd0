import { describe, expect, it } from "vitest";
import { rfc3339, rfc822, zoneFeedDates } from "../../src/feeds/dates.ts";

const ZONE = "Asia/Shanghai";
/** A post dated 2026-02-06: midnight in Shanghai. */
const FEB_6 = new Date("2026-02-05T16:00:00Z");

describe("feed dates in the site's time zone", () => {
  it("writes RFC 3339 and RFC 822 with the zone's offset, so the day is the post's day", () => {
    expect(rfc3339(FEB_6, ZONE)).toBe("2026-02-06T00:00:00+08:00");
    expect(rfc822(FEB_6, ZONE)).toBe("Fri, 06 Feb 2026 00:00:00 +0800");
    expect(rfc3339(FEB_6, "UTC")).toBe("2026-02-05T16:00:00Z");
  });

  it("rewrites the date elements of Atom and RSS and nothing else", () => {
    const atom = [
      "<feed><updated>2026-02-05T16:00:00.000Z</updated>",
      "<entry><published>2026-02-05T16:00:00.000Z</published><updated>2026-02-05T16:00:00.000Z</updated>",
      "<title type=\"text\"><![CDATA[<updated>2020-01-01T00:00:00.000Z</updated> & co]]></title>",
      "<summary>2026-02-05T16:00:00.000Z</summary></entry></feed>",
    ].join("");
    expect(zoneFeedDates(atom, ZONE)).toBe(
      [
        "<feed><updated>2026-02-06T00:00:00+08:00</updated>",
        "<entry><published>2026-02-06T00:00:00+08:00</published><updated>2026-02-06T00:00:00+08:00</updated>",
        "<title type=\"text\"><![CDATA[<updated>2020-01-01T00:00:00.000Z</updated> & co]]></title>",
        "<summary>2026-02-05T16:00:00.000Z</summary></entry></feed>",
      ].join(""),
    );
    const rss = "<channel><lastBuildDate>Thu, 05 Feb 2026 16:00:00 GMT</lastBuildDate><item><pubDate>Thu, 05 Feb 2026 16:00:00 GMT</pubDate></item></channel>";
    expect(zoneFeedDates(rss, ZONE)).toBe(
      "<channel><lastBuildDate>Fri, 06 Feb 2026 00:00:00 +0800</lastBuildDate><item><pubDate>Fri, 06 Feb 2026 00:00:00 +0800</pubDate></item></channel>",
    );
  });

  it("leaves a value that is not a date as it is", () => {
    expect(zoneFeedDates("<updated>soon</updated>", ZONE)).toBe("<updated>soon</updated>");
  });
});

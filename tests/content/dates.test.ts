import { describe, expect, it } from "vitest";
import { dateInText, isoWeekOf, normalizeWeek, parseDate, weekRange } from "../../src/content/dates.ts";

const ZONE = "Asia/Shanghai";

describe("parseDate", () => {
  it("reads a bare date as that day in the site time zone, not UTC midnight", () => {
    const d = parseDate("2026-02-06", ZONE)!;
    expect(d.instant.toISOString()).toBe("2026-02-05T16:00:00.000Z");
    expect(d.day).toBe("2026-02-06");
    expect(d.hasTime).toBe(false);
  });

  it("reads an instant with an offset and shows its local day", () => {
    const d = parseDate("2026-02-09T20:30:00Z", ZONE)!;
    expect(d.day).toBe("2026-02-10");
    expect(d.hasTime).toBe(true);
  });

  it("reads a date-time without offset as wall-clock time in the site zone", () => {
    expect(parseDate("2026-02-06 08:00", ZONE)!.instant.toISOString()).toBe("2026-02-06T00:00:00.000Z");
  });

  it.each(["2026-02-30", "2026-13-01", "yesterday", "06/02/2026", ""])("rejects %j", (value) => {
    expect(parseDate(value, ZONE)).toBeNull();
  });
});

describe("ISO weeks", () => {
  it("computes weeks Monday to Sunday in the site time zone", () => {
    // Sunday 2026-02-08 23:30 in Shanghai is still W06; UTC would already say Sunday 15:30.
    expect(isoWeekOf(new Date("2026-02-08T15:30:00Z"), ZONE)).toBe("2026-W06");
    // Monday 00:30 in Shanghai is W07 although it is still Sunday in UTC.
    expect(isoWeekOf(new Date("2026-02-08T16:30:00Z"), ZONE)).toBe("2026-W07");
  });

  it("uses the ISO week-year at the turn of the year", () => {
    expect(isoWeekOf(new Date("2027-01-01T04:00:00Z"), ZONE)).toBe("2026-W53");
  });

  it("normalizes and validates week names", () => {
    expect(normalizeWeek("2026-w6")).toBe("2026-W06");
    expect(normalizeWeek("2026W06")).toBe("2026-W06");
    expect(normalizeWeek("2025-W53")).toBeNull();
    expect(normalizeWeek("2026-06")).toBeNull();
    expect(weekRange("2026-W06")).toEqual({ start: "2026-02-02", end: "2026-02-08" });
  });
});

describe("dateInText", () => {
  it("finds dates written the ways titles and file names write them", () => {
    expect(dateInText("AI 行业动态 (2026-02-06)")).toBe("2026-02-06");
    expect(dateInText("2026年2月6日 AI 日报")).toBe("2026-02-06");
    expect(dateInText("news-2026/2/6.md")).toBe("2026-02-06");
    expect(dateInText("2026年2月第一周")).toBeNull();
  });
});

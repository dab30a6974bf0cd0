import { describe, expect, it } from "vitest";
import { dateInText, isoWeekOf, normalizeWeek, parseDate, weekInText, weekRange } from "../../src/content/dates.ts";

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

  it.each([
    ["Jekyll's own form", "2016-03-12 11:40:18 +0800", "2016-03-12T03:40:18.000Z"],
    ["an offset with a colon after a space", "2016-03-12 11:40:18 +08:00", "2016-03-12T03:40:18.000Z"],
    ["Hexo's slash date-time, in the site zone", "2013/7/13 20:46:25", "2013-07-13T12:46:25.000Z"],
    ["a slash date", "2024/07/08", "2024-07-07T16:00:00.000Z"],
    ["a day without leading zeros", "2024-7-8", "2024-07-07T16:00:00.000Z"],
    ["UTC after a space", "2016-03-12 11:40:18 Z", "2016-03-12T11:40:18.000Z"],
    ["UTC after a slash date, whatever the machine's zone", "2016/3/12 11:40:18Z", "2016-03-12T11:40:18.000Z"],
    ["RFC 2822, as feeds write", "Sat, 12 Mar 2016 11:40:18 +0800", "2016-03-12T03:40:18.000Z"],
  ])("reads %s: %j", (_, value, instant) => {
    expect(parseDate(value, ZONE)!.instant.toISOString()).toBe(instant);
  });

  it.each(["2026-02-30", "2026-13-01", "yesterday", "06/02/2026", "", "2026", "2026-02-30 10:00 +0800"])("rejects %j", (value) => {
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
    expect(dateInText("AIToBoxWeeklyNews_20240614.md", { compact: true })).toBe("2024-06-14");
    expect(dateInText("AIToBoxWeeklyNews_20240614.md")).toBeNull();
    expect(dateInText("issue_12345678.md", { compact: true })).toBeNull();
  });

  it("reads a date after a name with a number in it as a version, not a day", () => {
    expect(dateInText("OpenAI 发布 gpt-4o-2024-08-06")).toBeNull();
    expect(dateInText("claude-3-5-sonnet-20241022.md", { compact: true })).toBeNull();
    expect(dateInText("news-2026-02-06.md")).toBe("2026-02-06");
  });

  it("finds an ISO week in a title or file name", () => {
    expect(weekInText("2026-W33.md")).toBe("2026-W33");
    expect(weekInText("物理 AI 本周精选 — 2026-W33")).toBe("2026-W33");
    expect(weekInText("2025-W53")).toBeNull();
    expect(weekInText("GPT-5 W3")).toBeNull();
  });
});

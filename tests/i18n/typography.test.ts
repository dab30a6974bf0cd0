import { describe, expect, it } from "vitest";
import { keepDatesWhole } from "../../src/i18n/typography.ts";

describe("keepDatesWhole", () => {
  it("wraps ISO dates and weeks so a line never breaks at their hyphens", () => {
    expect(keepDatesWhole("AI 行业动态 (2026-02-06)")).toBe('AI 行业动态 (<span class="nowrap">2026-02-06</span>)');
    expect(keepDatesWhole("周报 2026-W06")).toBe('周报 <span class="nowrap">2026-W06</span>');
  });
  it("escapes everything else", () => {
    expect(keepDatesWhole(`<img src=x onerror="a">&'2026-02-06`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;<span class="nowrap">2026-02-06</span>');
  });
});

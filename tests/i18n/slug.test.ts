import { describe, expect, it } from "vitest";
import { asciiSlug, derivePostSlug, SLUG_PATTERN, unicodeSlug } from "../../src/i18n/slug.ts";

describe("derivePostSlug", () => {
  it("gives readable ASCII slugs for Chinese titles, without repeating the date", () => {
    expect(derivePostSlug("AI 行业动态 (2026-02-06)", "2026-02-06")).toBe("2026-02-06-ai-hang-ye-dong-tai");
    expect(derivePostSlug("2026年W06人工智能周报", "2026-W06")).toBe("2026-w06-ren-gong-zhi-neng-zhou-bao");
  });

  it("keeps slugs short and valid", () => {
    const slug = derivePostSlug("A very long English title that goes on and on about many different things in AI", "2026-02-06");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it("falls back to the prefix for a title with no letters", () => {
    expect(derivePostSlug("2026-02-06", "2026-02-06")).toBe("2026-02-06");
  });

  it("spells out symbols that carry meaning", () => {
    expect(asciiSlug("C++ 与 Rust")).toBe("c-plus-plus-yu-rust");
  });
});

describe("unicodeSlug", () => {
  it("gives Chinese tags distinct, non-empty, readable slugs", () => {
    const slugs = ["大模型", "AI 日报", "Agent/智能体", "C++", "C#"].map(unicodeSlug);
    expect(slugs).toEqual(["大模型", "ai-日报", "agent-智能体", "c-plus-plus", "c-sharp"]);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("merges tags that differ only in case or spacing", () => {
    expect(unicodeSlug("AI  日报")).toBe(unicodeSlug("ai 日报"));
  });
});

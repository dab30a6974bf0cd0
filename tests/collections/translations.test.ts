import { describe, expect, it } from "vitest";
import { pairTranslations } from "../../src/collections/translations.ts";
import { post } from "../helpers/content.ts";

describe("pairTranslations", () => {
  it("pairs by translationKey across folders, and by the same path below zh/ and en/", () => {
    const zhKeyed = post("zh/weekly/w06.md", "---\ntitle: 周报\ndate: 2026-02-06\ntranslationKey: w06\n---\nx\n");
    const enKeyed = post("en/weekly/digest.md", "---\ntitle: Digest\ndate: 2026-02-06\ntranslationKey: w06\n---\nx\n");
    const zhPath = post("zh/daily/same.md", "---\ntitle: 日报\ndate: 2026-02-06\n---\nx\n");
    const enPath = post("en/daily/same.md", "---\ntitle: Daily\ndate: 2026-02-06\n---\nx\n");
    const { translations, problems } = pairTranslations([zhKeyed, enKeyed, zhPath, enPath]);
    expect(translations.get(zhKeyed)).toEqual({ zh: zhKeyed, en: enKeyed });
    expect(translations.get(enPath)).toEqual({ zh: zhPath, en: enPath });
    expect(problems).toEqual([]);
  });

  it("never pairs a translation key with a path that happens to spell the same", () => {
    const keyed = post("zh/daily/a.md", "---\ntitle: 甲\ndate: 2026-02-06\ntranslationKey: daily/b\n---\nx\n");
    const byPath = post("en/daily/b.md", "---\ntitle: B\ndate: 2026-02-06\n---\nx\n");
    const { translations } = pairTranslations([keyed, byPath]);
    expect(translations.get(keyed)).toEqual({ zh: keyed });
  });

  it("reports a second post of one language under the same key; the first keeps it", () => {
    const first = post("en/daily/a.md", "---\ntitle: A\ndate: 2026-02-07\ntranslationKey: k\n---\nx\n");
    const second = post("en/daily/b.md", "---\ntitle: B\ndate: 2026-02-06\ntranslationKey: k\n---\nx\n");
    const { translations, problems } = pairTranslations([first, second]);
    expect(translations.get(second)).toEqual({ en: first });
    expect(problems).toEqual([expect.objectContaining({ file: "content/en/daily/b.md", field: "translationKey", message: expect.stringContaining("pairs with content/en/daily/a.md") })]);
  });
});

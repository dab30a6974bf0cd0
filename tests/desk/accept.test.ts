import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { changedBesidesRecord, withTranslationOf } from "../../src/desk/accept.ts";

const record = { source: "zh/weekly/w06.md", slug: "w06", digest: "0123456789ab" };
const options = { sourcePath: "content/en/weekly/w06.md", contentPath: "en/weekly/w06.md", timeZone: site.timeZone, authors: site.authors };

describe("recording the version a translation translates", () => {
  it("adds the field at the end of YAML front matter, nothing else touched", () => {
    const before = "---\ntitle: Weekly  # keep this comment\ndate: 2026-02-06\n---\nBody.\n";
    expect(withTranslationOf(before, record)).toBe("---\ntitle: Weekly  # keep this comment\ndate: 2026-02-06\ntranslationOf:\n  source: zh/weekly/w06.md\n  slug: w06\n  digest: 0123456789ab\n---\nBody.\n");
  });

  it("replaces only the field's own lines when it is there", () => {
    const before = "---\ntitle: Weekly\ntranslationOf:\n  source: zh/weekly/w06.md\n  digest: aaaaaaaaaaaa\ntags: [AI]\n---\nBody.\n";
    expect(withTranslationOf(before, record)).toBe("---\ntitle: Weekly\ntranslationOf:\n  source: zh/weekly/w06.md\n  slug: w06\n  digest: 0123456789ab\ntags: [AI]\n---\nBody.\n");
  });

  it("writes TOML in TOML: a table appended, or the table or inline value replaced", () => {
    const toml = '+++\ntitle = "Weekly"\ndate = 2026-02-06\n+++\nBody.\n';
    expect(withTranslationOf(toml, record)).toBe('+++\ntitle = "Weekly"\ndate = 2026-02-06\n[translationOf]\nsource = "zh/weekly/w06.md"\nslug = "w06"\ndigest = "0123456789ab"\n+++\nBody.\n');
    const table = '+++\ntitle = "Weekly"\n[translationOf]\nsource = "zh/weekly/w06.md"\ndigest = "aaaaaaaaaaaa"\n[extra]\nx = 1\n+++\nBody.\n';
    expect(withTranslationOf(table, record)).toContain('[translationOf]\nsource = "zh/weekly/w06.md"\nslug = "w06"\ndigest = "0123456789ab"\n[extra]\nx = 1\n+++');
    const inline = '+++\ntitle = "Weekly"\ntranslationOf = { source = "zh/weekly/w06.md", digest = "aaaaaaaaaaaa" }\ndate = 2026-02-06\n+++\nBody.\n';
    expect(withTranslationOf(inline, record)).toBe('+++\ntitle = "Weekly"\ntranslationOf = { source = "zh/weekly/w06.md", slug = "w06", digest = "0123456789ab" }\ndate = 2026-02-06\n+++\nBody.\n');
  });

  it("keeps CRLF line endings and a byte order mark, and gives a post without front matter one", () => {
    const crlf = "\uFEFF---\r\ntitle: Weekly\r\ndate: 2026-02-06\r\n---\r\nBody.\r\n";
    expect(withTranslationOf(crlf, record)).toBe("\uFEFF---\r\ntitle: Weekly\r\ndate: 2026-02-06\r\ntranslationOf:\r\n  source: zh/weekly/w06.md\r\n  slug: w06\r\n  digest: 0123456789ab\r\n---\r\nBody.\r\n");
    const bare = "# Weekly\n\nBody.\n";
    expect(withTranslationOf(bare, record)).toBe("---\ntranslationOf:\n  source: zh/weekly/w06.md\n  slug: w06\n  digest: 0123456789ab\n---\n# Weekly\n\nBody.\n");
  });

  it("keeps every byte outside the field: the front matter's line endings, a CRLF body, a blank line after the field", () => {
    const mixed = "---\ntitle: Weekly\ntranslationOf:\n  source: zh/weekly/w06.md\n  digest: aaaaaaaaaaaa\n\ndate: 2026-02-06\n---\r\nBody.\r\nMore.\r\n";
    expect(withTranslationOf(mixed, record)).toBe("---\ntitle: Weekly\ntranslationOf:\n  source: zh/weekly/w06.md\n  slug: w06\n  digest: 0123456789ab\n\ndate: 2026-02-06\n---\r\nBody.\r\nMore.\r\n");
  });

  it("refuses a field holding a comment or a key of the editor's own, so nothing is lost", () => {
    for (const field of ["  # from the March edition\n", "  translator: Ann\n"]) {
      const before = `---\ntitle: Weekly\ntranslationOf:\n  source: zh/weekly/w06.md\n${field}  digest: aaaaaaaaaaaa\n---\nBody.\n`;
      expect(() => withTranslationOf(before, record)).toThrow(/^translationOf holds a line npm run status --accept does not write/);
    }
  });

  it("is read back: the post must read the same but for the recorded version", () => {
    const inline = '+++\ntitle = "Weekly"\ntranslationOf = { source = "x.md", digest = "aaaaaaaaaaaa" }\ndate = 2026-02-06\n+++\nBody.\n';
    for (const before of ["---\ntitle: Weekly\ndate: 2026-02-06\n---\nBody.\n", '+++\ntitle = "Weekly"\ndate = 2026-02-06\n+++\nBody.\n', inline, "# Weekly 2026-02-06\n\nBody.\n"]) {
      expect(changedBesidesRecord(before, withTranslationOf(before, record), options, record), before).toBeUndefined();
    }
    // An edit that would change the post is refused, so nothing is written.
    expect(changedBesidesRecord("---\ntitle: Weekly\ndate: 2026-02-06\n---\nBody.\n", "---\ntitle: Other\ndate: 2026-02-06\ntranslationOf:\n  source: zh/weekly/w06.md\n  digest: 0123456789ab\n---\nBody.\n", options, record)).toBe(
      "recording the version would change other fields of the post",
    );
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../scripts/check.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { ROOT } from "../helpers/seeds.ts";

function content(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "check-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const check = (dir: string) => {
  const result = runCheck({ CONTENT_DIR: dir, OUTPUT_DIR: path.join(dir, "no-site") }, ROOT);
  const lines = result.findings.map((f) => `${f.level}: ${formatProblem(f)}`);
  return { ...result, lines };
};

describe("npm run check", () => {
  it("reports every error of every post at once", () => {
    const dir = content({
      "en/daily/a.md": "---\ntitle: A\ndate: 2026-02-30\n---\nx\n",
      "en/daily/b.md": "---\ntitle: B\ndate: 2026-02-06\nkind: monthly\n---\nx\n",
      "en/daily/c.md": "---\ntitle: [\n---\nx\n",
    });
    const result = check(dir);
    expect(result.errors).toBe(3);
    expect(result.lines.filter((l) => l.startsWith("error:"))).toHaveLength(3);
    expect(result.lines.join("\n")).toMatch(/error: .*a\.md:3: date: "2026-02-30" is not a valid date/);
  });

  it("warns about guesses, missing translations, weeks without digest, duplicate titles, sourceless items and tag case", () => {
    const dir = content({
      "inbox/2026-02-03-x.md": "# Guessed title\n\nEnglish text.\n",
      "en/daily/a.md": "---\ntitle: Same\ndate: 2026-02-04\ntags: [AI]\n---\n- **Item one**: no link here\n- **Item two**: [source](https://example.org/)\n",
      "en/daily/b.md": "---\ntitle: Same\ndate: 2026-02-05\ntags: [ai]\n---\n### Headline without source\n\nText.\n",
    });
    const text = check(dir).lines.join("\n");
    expect(text).toMatch(/warning: .*x\.md: title: inferred "Guessed title" from the first line of the body/);
    expect(text).toMatch(/warning: .*x\.md: lang: inferred "en" from the text/);
    expect(text).toMatch(/warning: .*a\.md: has no Chinese translation/);
    expect(text).toMatch(/warning: .*en\/weekly\/: week 2026-W06 has \d daily briefs but no weekly digest/);
    expect(text).toMatch(/warning: .*b\.md: title: "Same" is also the title of .*a\.md/);
    expect(text).toMatch(/warning: .*a\.md:6: news item has no source link/);
    expect(text).toMatch(/warning: .*b\.md:6: news item has no source link/);
    expect(text).toMatch(/warning: .*b\.md: tags: tag "ai" differs from "AI" \(.*a\.md\) only in case or spacing/);
    expect(text).not.toMatch(/a\.md:7: news item/);
  });

  it("exits cleanly with warnings only, and reports the real content without errors", () => {
    const result = runCheck({}, ROOT);
    expect(result.errors).toBe(0);
  });
});

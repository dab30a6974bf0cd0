import { describe, expect, it } from "vitest";
import { bodyDigest, DIGEST_PATTERN } from "../../src/content/digest.ts";
import { normalizePost } from "../../src/content/normalize.ts";
import { post } from "../helpers/content.ts";

describe("bodyDigest: the version of an original a translation records", () => {
  const body = "## 本周要点\n\n- **要点一**：OpenAI 发布新模型。\n- **要点二**：Anthropic 融资。\n";

  it("is twelve hexadecimal characters", () => {
    expect(bodyDigest(body)).toMatch(DIGEST_PATTERN);
  });

  it("changes when a sentence changes", () => {
    expect(bodyDigest(body.replace("新模型", "新模型和新工具"))).not.toBe(bodyDigest(body));
  });

  it("keeps its value when only whitespace changes: re-wrapped lines, indentation, blank lines, CRLF", () => {
    const rewrapped = "## 本周要点\n\n\n-   **要点一**：OpenAI 发布\n  新模型。\r\n- **要点二**：Anthropic 融资。   \n\n";
    expect(bodyDigest(rewrapped)).toBe(bodyDigest(body));
  });

  it("does not see a title line at the top, which the front-matter title decides to show or drop", () => {
    const titled = (title: string) => post("zh/weekly/a.md", `---\ntitle: ${title}\ndate: 2026-02-06\n---\n# 本周周报\n\n${body}`);
    expect(titled("本周周报").body).not.toContain("# 本周周报");
    expect(titled("改过的标题").body).toContain("# 本周周报");
    expect(bodyDigest(titled("改过的标题").body)).toBe(bodyDigest(titled("本周周报").body));
    expect(bodyDigest(`## 本周要点\n${body}`)).not.toBe(bodyDigest(body));
  });

  it("does not see the front matter: a retitled or retagged post keeps its digest", () => {
    const a = post("zh/weekly/a.md", `---\ntitle: 甲\ndate: 2026-02-06\ntags: [AI]\n---\n${body}`);
    const b = post("zh/weekly/a.md", `---\ntitle: 乙\ndate: 2026-02-06\ntags: [模型, AI]\nsummary: 新摘要\n---\n${body}`);
    expect(bodyDigest(b.body)).toBe(bodyDigest(a.body));
  });
});

describe("translationOf in front matter", () => {
  it("names the field, its line and what is expected when the digest is not one", () => {
    const result = normalizePost("---\ntitle: Weekly\ndate: 2026-02-06\ntranslationOf:\n  source: zh/weekly/a.md\n  digest: latest\n---\nText.\n", {
      sourcePath: "content/en/weekly/a.md",
      contentPath: "en/weekly/a.md",
      timeZone: "Asia/Shanghai",
      authors: [],
    });
    expect(result.problems).toEqual([
      { file: "content/en/weekly/a.md", line: 4, field: "translationOf", message: 'digest "latest" is not a digest; expected the 12 hexadecimal characters npm run status --accept writes' },
    ]);
  });

  it("asks for source and digest below it when it is a single value", () => {
    const result = normalizePost("---\ntitle: Weekly\ndate: 2026-02-06\ntranslationOf: zh/weekly/a.md\n---\nText.\n", { sourcePath: "content/en/weekly/a.md", contentPath: "en/weekly/a.md", timeZone: "Asia/Shanghai", authors: [] });
    expect(result.problems?.[0]).toMatchObject({ line: 4, field: "translationOf" });
    expect(result.problems?.[0]?.message).toContain("expected source, slug and digest below it");
  });
});

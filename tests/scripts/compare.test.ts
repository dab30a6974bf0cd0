import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareOutputs } from "../../scripts/compare.ts";

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "compare-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("npm run compare: two built sites, byte for byte", () => {
  it("finds nothing between identical sites", () => {
    const files = { "zh/index.html": "<p>你好</p>", "sitemap.xml": "<urlset/>" };
    expect(compareOutputs(site(files), site(files))).toEqual([]);
  });

  it("names a file that differs by one byte, and files on one side only, in nested folders", () => {
    const before = site({ "zh/tags/大模型/index.html": "<p>a</p>", "old.html": "x", "same.txt": "s" });
    const after = site({ "zh/tags/大模型/index.html": "<p>b</p>", "zh/new/index.html": "y", "same.txt": "s" });
    expect(compareOutputs(before, after)).toEqual([
      { file: "old.html", reason: "only before" },
      { file: "zh/tags/大模型/index.html", reason: "differs" },
      { file: "zh/new/index.html", reason: "only after" },
    ]);
  });
});

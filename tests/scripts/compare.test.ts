import { describe, expect, it } from "vitest";
import { compareOutputs } from "../../scripts/compare.ts";
import { folderWith } from "../helpers/files.ts";

const site = (files: Record<string, string>) => folderWith(files, "compare-");

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

import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectSite } from "../../src/import/site.ts";
import { ROOT } from "../helpers/seeds.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/import");

describe("detectSite", () => {
  it.each([
    ["hugo", "hugo", ["content"], ["static"]],
    ["zola", "zola", ["content"], []],
    ["jekyll", "jekyll", ["_posts"], ["."]],
    ["hexo", "hexo", ["source/_posts"], ["source"]],
    ["docusaurus", "docusaurus", ["blog"], ["static"]],
    ["vitepress", "vitepress", ["."], []],
    ["plain", "plain", ["."], ["."]],
  ])("reads %s/ as a %s site: posts in %j, files served from %j", (folder, generator, posts, statics) => {
    const root = path.join(FIXTURES, folder);
    const site = detectSite(root);
    const rel = (dirs: string[]) => dirs.map((dir) => path.relative(root, dir) || ".");
    expect({ generator: site.generator, posts: rel(site.postRoots), statics: rel(site.staticRoots) }).toEqual({ generator, posts, statics });
  });
});

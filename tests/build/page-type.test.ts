import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/seeds.ts";

/** The files of the README's "Adding a page type" recipe, by path. */
function recipeFiles(): Map<string, string> {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = /^### Adding a page type\n([\s\S]*?)^##/m.exec(readme)?.[1] ?? "";
  return new Map([...section.matchAll(/^`(src\/pages\/[^`]+)`:\n\n```\w+\n([\s\S]*?)```/gm)].map((m) => [m[1]!, m[2]!]));
}

/** A copy of the project an editor would have, with node_modules borrowed from this checkout. */
function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "page-type-"));
  for (const entry of ["src", "layouts", "assets", "content", "scripts", "eleventy.config.ts", "package.json", "tsconfig.json"]) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

describe("adding a page type, as the README's recipe says", () => {
  const project = projectCopy();
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("is one module, one template and one line in the registry, and its pages are built, listed and linked", () => {
    const files = recipeFiles();
    expect([...files.keys()]).toEqual(["src/pages/about/about.ts", "src/pages/about/about.njk"]);
    for (const [file, text] of files) {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), text);
    }
    const registry = path.join(project, "src/pages/index.ts");
    const registered = readFileSync(registry, "utf8")
      .replace(/^(export const PAGE_TYPES)/m, 'import { aboutPages } from "./about/about.ts";\n\n$1')
      .replace(/\n\] as const/, "\n  aboutPages,\n] as const");
    writeFileSync(registry, registered);

    const out = path.join(project, "_site");
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: project, env: { ...process.env, OUTPUT_DIR: out }, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);

    const zh = readFileSync(path.join(out, "zh/about/index.html"), "utf8");
    expect(zh).toContain("<title>AI 新闻</title>");
    expect(zh).toContain('<link rel="alternate" hreflang="en" href="https://example.com/en/about/">');
    expect(zh).toMatch(/<a class="lang-switch" href="\/en\/about\/"/);
    expect(readFileSync(path.join(out, "en/about/index.html"), "utf8")).toContain('<html lang="en">');
    expect(readFileSync(path.join(out, "sitemap.xml"), "utf8")).toContain("<loc>https://example.com/zh/about/</loc>");
    expect(build.stdout).toMatch(/links: \d+ internal links on \d+ pages, none broken/);
  });
});

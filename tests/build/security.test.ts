import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/security/csp.ts";
import { seedBuild, siteFiles as allFiles, type BuildRun } from "../helpers/build.ts";

describe("content security policy and determinism", () => {
  let first: BuildRun;
  let second: BuildRun;
  beforeAll(() => {
    first = seedBuild();
    second = seedBuild("again");
  });

  it("ships a strict policy as the first thing in every page's head", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    const pages = allFiles(first.outDir).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const html = readFileSync(path.join(first.outDir, file), "utf8");
      expect(html, file).toMatch(/<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
      expect(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]).toBe(CONTENT_SECURITY_POLICY);
      // Under that policy nothing inline may run: every script is a file of the site or JSON-LD data.
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
        expect(tag, file).toMatch(/^<script (src="\/(assets|pagefind)\/[\w.-]+\.js" defer|type="application\/ld\+json")>$/);
      }
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it("writes the policy and its companion headers to _headers for hosts that read one", () => {
    const headers = first.page("/_headers");
    expect(headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(headers).toContain("X-Content-Type-Options: nosniff");
  });

  it("gives two builds of the same content a byte-identical site, search index included, whether Eleventy writes it in one run or in many", () => {
    expect(Number(/\((\d+) runs of Eleventy\)/.exec(second.stdout)?.[1])).toBeGreaterThan(5);
    const a = allFiles(first.outDir);
    const b = allFiles(second.outDir);
    expect(b).toEqual(a);
    for (const file of a) {
      expect(readFileSync(path.join(second.outDir, file)).equals(readFileSync(path.join(first.outDir, file))), file).toBe(true);
    }
  });
});

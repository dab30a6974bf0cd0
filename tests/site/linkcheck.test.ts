import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLinks, formatBrokenLink } from "../../src/site/linkcheck.ts";

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "links-"));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

describe("checkLinks", () => {
  it("passes links to pages, files and existing anchors, including Chinese ones", () => {
    const dir = site({
      "index.html": '<a href="/zh/">zh</a><a href="/zh/tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/">t</a><a href="/zh/#要点">a</a><link href="/a.css" rel="stylesheet"><a href="https://x.test/nope">ext</a>',
      "zh/index.html": '<h2 id="要点">要点</h2><a href="../">up</a><a href="#要点">self</a>',
      "zh/tags/大模型/index.html": "<p>tag</p>",
      "a.css": "",
    });
    expect(checkLinks(dir).broken).toEqual([]);
  });

  it("names the page and the link that lands nowhere or on a missing anchor", () => {
    const dir = site({
      "zh/index.html": '<a href="/zh/missing/">m</a><a href="/zh/#nope">f</a><img src="/img/x.png">',
    });
    const report = checkLinks(dir);
    expect(report.broken.map(formatBrokenLink)).toEqual([
      "/zh/: link /zh/missing/ lands on no page",
      '/zh/: link /zh/#nope has no element with id "nope"',
      "/zh/: link /img/x.png lands on no page",
    ]);
  });

  it("reports links that escape the path prefix", () => {
    const dir = site({ "zh/index.html": '<a href="/zh/">escapes</a><a href="/blog/zh/">ok</a>' });
    expect(checkLinks(dir, "/blog/").broken.map((b) => b.href)).toEqual(["/zh/"]);
  });
});

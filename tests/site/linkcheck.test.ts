import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { PAGE_TYPES } from "../../src/pages/index.ts";
import { checkLinks, formatBrokenLink, linksWrittenLater } from "../../src/site/linkcheck.ts";
import { buildSite } from "../../src/site/site.ts";
import { realPosts } from "../helpers/content.ts";
import { folderWith } from "../helpers/files.ts";

const site = (files: Record<string, string>) => folderWith(files, "links-");

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

  it("reads a plain site path as the URL parser does: dot segments, escapes, spaces around the link and a broken escape", () => {
    const dir = site({
      "zh/index.html": '<h2 id="要点">要点</h2><h2 id="a b">x</h2>',
      "en/index.html": [
        '<a href="/en/../zh/#要点">dots</a>',
        '<a href="/zh/#%E8%A6%81%E7%82%B9">escaped</a>',
        '<a href="/zh/#a%20b">space</a>',
        '<a href=" /zh/#要点 ">padded</a>',
        '<a href="/zh/#%E0">broken escape</a>',
        '<a href="/zh/./missing/#要点">gone</a>',
      ].join(""),
    });
    expect(checkLinks(dir).broken.map(formatBrokenLink)).toEqual(["/en/: link /zh/#%E0 is not a valid URL", "/en/: link /zh/./missing/#要点 lands on no page"]);
  });

  it("checks each internal candidate of a srcset, on img and source", () => {
    const dir = site({
      "zh/index.html": [
        '<img src="/a.png" srcset="/a.png 1x, /missing-2x.png 2x, https://x.test/c,d.png 3x" alt="">',
        '<picture><source srcset="b.png 1x,/gone.webp 2x" type="image/webp"><img src="/a.png" alt=""></picture>',
        '<img srcset="data:image/png;base64,AAAA 1x, /a.png 2x" alt="">',
      ].join(""),
      "a.png": "",
      "zh/b.png": "",
    });
    const report = checkLinks(dir);
    expect(report.broken.map(formatBrokenLink)).toEqual([
      "/zh/: link /missing-2x.png lands on no page",
      "/zh/: link /gone.webp lands on no page",
    ]);
    // Seven internal URLs: three on the first img, two in the source, one on the picture's img, one on the last img.
    expect(report.links).toBe(7);
  });

  it("reads every URL attribute of a tag, whatever its order and whatever other attributes hold", () => {
    const dir = site({ "index.html": '<img alt="a > b" srcset="/nope.png 2x" src="/also-nope.png">' });
    expect(checkLinks(dir).broken.map((b) => b.href)).toEqual(["/nope.png", "/also-nope.png"]);
  });

  it("reports links that escape the path prefix", () => {
    const dir = site({ "zh/index.html": '<a href="/zh/">escapes</a><a href="/blog/zh/">ok</a>' });
    expect(checkLinks(dir, "/blog/").broken.map((b) => b.href)).toEqual(["/zh/"]);
  });
});

describe("links to files written after Eleventy, as the page types declare them", () => {
  const site = buildSite(realPosts(), config);
  const later = linksWrittenLater(PAGE_TYPES, site.pages);

  it("leaves the search index's files for later, and checks the search pages again then", () => {
    expect(later.isTarget("/pagefind/pagefind.js")).toBe(true);
    expect(later.isTarget("/zh/search/")).toBe(false);
    expect(["zh/search/index.html", "en/search/index.html", "zh/index.html"].map(later.isPage)).toEqual([true, true, false]);
  });
});

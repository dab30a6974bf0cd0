import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { findAssets, findSiteFiles, isSiteFile, svgProblems } from "../../src/site/assets.ts";
import { ROOT } from "../helpers/seeds.ts";

const INERT = "an SVG on the site must be inert (no script, handlers, foreignObject or outside references). Remove it, or export the image as PNG";

describe("files copied from assets/", () => {
  it("publishes web formats only, never a hidden file or an editor's leftovers", () => {
    expect(["site.css", "img/logo.svg", "fonts/a.woff2", "docs/report.pdf", "clip.MP4"].filter(isSiteFile)).toHaveLength(5);
    expect([".env", "img/.DS_Store", ".git/config.js", "notes.md", "backup.css~", "design.psd", "deploy.sh", "page.html"].filter(isSiteFile)).toEqual([]);
  });

  it("vets the project's own assets: every file published, the favicon inert", () => {
    const assets = findAssets(ROOT);
    expect(assets.problems).toEqual([]);
    expect(assets.leftOut).toEqual([]);
    expect(assets.urls).toContain("/assets/favicon.svg");
    expect(assets.urls).toContain("/assets/site.css");
  });

  it("refuses a link out of the project, reports unknown types and skips hidden files", () => {
    const base = realpathSync(mkdtempSync(path.join(tmpdir(), "assets-")));
    const root = path.join(base, "project");
    mkdirSync(path.join(root, "assets/img"), { recursive: true });
    writeFileSync(path.join(base, "id_rsa.png"), "secret");
    symlinkSync(path.join(base, "id_rsa.png"), path.join(root, "assets/img/key.png"));
    writeFileSync(path.join(root, "assets/.env"), "TOKEN=x");
    writeFileSync(path.join(root, "assets/design.psd"), "x");
    writeFileSync(path.join(root, "assets/img/a.png"), "x");
    const assets = findAssets(root);
    expect(assets.urls).toEqual(["/assets/img/a.png"]);
    expect(assets.leftOut).toEqual(["assets/design.psd"]);
    expect(assets.problems.map(formatProblem)).toEqual([`assets/img/key.png: is a symbolic link to ${base}/id_rsa.png, outside the project; only files inside it are read. Copy the file you mean into the folder instead of linking it`]);
  });

  it("refuses an assets folder that is itself a link out of the project", () => {
    const base = realpathSync(mkdtempSync(path.join(tmpdir(), "assets-")));
    const root = path.join(base, "project");
    mkdirSync(path.join(base, "secrets"), { recursive: true });
    mkdirSync(root);
    writeFileSync(path.join(base, "secrets/creds.json"), "{}");
    symlinkSync(path.join(base, "secrets"), path.join(root, "assets"));
    const assets = findAssets(root);
    expect(assets.urls).toEqual([]);
    expect(assets.problems.map(formatProblem)).toEqual([`assets: is a symbolic link to ${base}/secrets, outside the project; only files inside it are read. Copy the file you mean into the folder instead of linking it`]);
  });
});

describe("files copied from the content folder's media/", () => {
  it("publishes a post's pictures at /media/, with the same vetting, from a content folder outside the project too", () => {
    const base = realpathSync(mkdtempSync(path.join(tmpdir(), "media-")));
    const root = path.join(base, "project");
    const content = path.join(base, "posts");
    mkdirSync(path.join(root, "assets"), { recursive: true });
    mkdirSync(path.join(content, "media/launch"), { recursive: true });
    writeFileSync(path.join(root, "assets/site.css"), "");
    writeFileSync(path.join(content, "media/launch/chart.png"), "x");
    writeFileSync(path.join(content, "media/launch/notes.docx"), "x");
    writeFileSync(path.join(content, "media/launch/evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const files = findSiteFiles(root, content, [root, content]);
    expect(files.urls).toEqual(["/assets/site.css", "/media/launch/chart.png", "/media/launch/evil.svg"]);
    expect(files.sources).toEqual([path.join(root, "assets/site.css"), path.join(content, "media/launch/chart.png"), path.join(content, "media/launch/evil.svg")]);
    expect(files.leftOut).toEqual(["../posts/media/launch/notes.docx"]);
    expect(files.problems.map((p) => p.file)).toEqual(["../posts/media/launch/evil.svg"]);
    expect(findSiteFiles(root, path.join(base, "none"), [root]).urls).toEqual(["/assets/site.css"]);
  });
});

describe("an SVG on the site is inert", () => {
  const messages = (svg: string) => svgProblems(svg, "assets/x.svg").map(formatProblem);

  it("accepts drawings, gradients and references to its own fragments", () => {
    expect(messages(readFileSync(path.join(ROOT, "assets/favicon.svg"), "utf8"))).toEqual([]);
    expect(messages('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill: url(#g)"/><use xlink:href="#g"/><style>rect { fill: url(#g) }</style></svg>')).toEqual([]);
    // As Figma, Inkscape and Illustrator export them: quoted fragment URLs, embedded bitmaps, a link to a web page.
    expect(messages(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"><sodipodi:namedview id="v"/><rect style="fill:url('#a')"/><style>.c { fill: url("#g") }</style><image xlink:href="data:image/png;base64,iVBORw0KGgo="/><a href="https://example.com/"><text>site</text></a></svg>`)).toEqual([]);
  });

  it("names each way an SVG could run script or fetch something, with its line", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">',
      "<script>alert(1)</script>",
      "<foreignObject><div/></foreignObject>",
      '<a href="javascript:alert(1)"><text>x</text></a>',
      '<image xlink:href="https://tracker.example/p.png"/>',
      '<animate attributeName="href" to="javascript:alert(1)"/>',
      "<style>@import url(https://evil.example/x.css);</style>",
      '<rect style="background: url(https://evil.example/x.png)"/>',
      "</svg>",
    ].join("\n");
    expect(messages(svg)).toEqual([
      `assets/x.svg:1: has an event handler (onload); ${INERT}`,
      `assets/x.svg:2: has a <script> element; ${INERT}`,
      `assets/x.svg:3: has a <foreignObject> element; ${INERT}`,
      `assets/x.svg:4: refers to javascript:alert(1) (href); only references to #fragments of the SVG itself are allowed; ${INERT}`,
      `assets/x.svg:5: refers to https://tracker.example/p.png (xlink:href); only references to #fragments of the SVG itself are allowed; ${INERT}`,
      `assets/x.svg:6: animates href, which can turn a link into script; ${INERT}`,
      `assets/x.svg:7: imports a stylesheet (in its <style>); ${INERT}`,
      `assets/x.svg:8: loads https://evil.example/x.png (style); ${INERT}`,
    ]);
  });

  it("compares names without their namespace prefix, and reads CSS wherever it is", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">',
      '<a x:href="javascript:alert(1)"><text>x</text></a>',
      '<set attributeName="x:href" to="javascript:alert(1)"/>',
      "<svg:script>alert(1)</svg:script>",
      '<rect fill="url(https://tracker.example/p)"/>',
      '<rect style="background: \\75rl(https://tracker.example/p)"/>',
      "</svg>",
    ].join("\n");
    expect(messages(svg)).toEqual([
      `assets/x.svg:2: refers to javascript:alert(1) (x:href); only references to #fragments of the SVG itself are allowed; ${INERT}`,
      `assets/x.svg:3: animates x:href, which can turn a link into script; ${INERT}`,
      `assets/x.svg:4: has a <svg:script> element; ${INERT}`,
      `assets/x.svg:5: loads https://tracker.example/p (fill); ${INERT}`,
      `assets/x.svg:6: has a CSS escape, which can hide a url() (style); ${INERT}`,
    ]);
  });

  it("refuses entity declarations, wherever the DOCTYPE hides them, and stylesheet instructions", () => {
    expect(messages('<!DOCTYPE svg [ <!ELEMENT svg ANY> <!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;"> ]>\n<svg>&x;</svg>')).toEqual([`assets/x.svg:1: declares entities in its DOCTYPE; ${INERT}`]);
    expect(messages('<?xml-stylesheet href="https://evil.example/x.xsl"?>\n<svg/>')).toEqual([`assets/x.svg:1: loads a stylesheet (<?xml-stylesheet?>); ${INERT}`]);
    expect(messages('<!DOCTYPE svg [<!ENTITY x "y">]>\n<svg>&x;</svg>')).toEqual([`assets/x.svg:1: declares entities in its DOCTYPE; ${INERT}`]);
  });
});

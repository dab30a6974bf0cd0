/**
 * Every XSS vector of tests/helpers/xss.ts, in a post body as raw HTML and as Markdown,
 * comes out of renderMarkdown inert. The checker is tested first against the vectors
 * themselves, so "inert" is not vacuous.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { sanitizePostHtml } from "../../src/markdown/sanitize.ts";
import { ALL_VECTORS, familyCounts, HTML_VECTORS, inertProblems, MARKDOWN_VECTORS, vectorBody } from "../helpers/xss.ts";

const ORIGIN = "https://example.com";
const render = (markdown: string) => renderMarkdown(markdown, { siteOrigin: ORIGIN });
const problemsOf = (html: string) => inertProblems(html, { where: "rendered" });

describe("the vector list", () => {
  it("covers every family the issue names with at least 40 vectors", () => {
    expect(ALL_VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(familyCounts())).toEqual([
      "script elements",
      "event handlers",
      "svg and math",
      "javascript: URLs",
      "data: and vbscript: URLs",
      "frames and embedded objects",
      "forms",
      "meta, base and link",
      "style",
      "parser breakouts",
      "Markdown links",
      "Markdown images",
      "Markdown autolinks and references",
      "Markdown with inline HTML",
    ]);
    expect(new Set(ALL_VECTORS.map((v) => v.name)).size).toBe(ALL_VECTORS.length);
  });
});

describe("the inertness checker", () => {
  // Aimed at filters that strip "<script>" once; as written, browsers read it as unknown tags.
  const inertAsWritten = new Set(["nested split script"]);

  it.each(HTML_VECTORS.filter((v) => !inertAsWritten.has(v.name)).map((v) => [`${v.family}: ${v.name}`, v.payload]))(
    "flags the raw vector %s",
    (_, payload) => {
      expect(problemsOf(payload)).not.toEqual([]);
    },
  );

  // markdown-it with every link allowed: the Markdown vectors that produce links or raw HTML are flagged.
  const permissive = new MarkdownIt({ html: true });
  permissive.validateLink = () => true;
  // These are inert in any CommonMark renderer: attributes are escaped, code is text, and a
  // scheme split by whitespace is percent-encoded into a relative path.
  const inertByConstruction = (v: (typeof MARKDOWN_VECTORS)[number]) => v.buildRejects || /breakout|code/.test(v.name);
  it.each(MARKDOWN_VECTORS.filter((v) => !inertByConstruction(v)).map((v) => [`${v.family}: ${v.name}`, v.payload]))(
    "flags the Markdown vector %s when links are not validated",
    (_, payload) => {
      expect(problemsOf(permissive.render(payload))).not.toEqual([]);
    },
  );

  it("accepts ordinary post HTML", () => {
    const html = render(
      '## Title\n\nText with [a link](https://example.org/) and ![an image](https://example.org/a.png).\n\n<div class="card"><span style="color:#1677ff">x</span><a href="/zh/">home</a></div>\n\n`<script>` in code',
    );
    expect(problemsOf(html)).toEqual([]);
  });

  it("decodes entities without semicolons and drops control characters as a browser does", () => {
    expect(problemsOf('<a href="&#0000106&#0000097vascript:x">x</a>')).not.toEqual([]);
    expect(problemsOf('<a href="&#x6A&#x61vascript:x">x</a>')).not.toEqual([]);
    expect(problemsOf('<a href=" \u0001java\tscript&colon;x">x</a>')).not.toEqual([]);
    expect(problemsOf('<img srcset="https://example.org/a.png 1x, javascript:x 2x">')).not.toEqual([]);
  });
});

describe("renderMarkdown makes every vector inert", () => {
  it.each(ALL_VECTORS.map((v) => [`${v.family}: ${v.name}`, v.payload]))("%s on its own", (_, payload) => {
    expect(problemsOf(render(payload))).toEqual([]);
  });

  it.each(HTML_VECTORS.map((v) => [`${v.family}: ${v.name}`, v.payload]))("%s inside an HTML block", (_, payload) => {
    // A <div> line opens an HTML block: markdown-it passes everything up to the blank line through raw.
    expect(problemsOf(render(`<div class="card">\n${payload}\n</div>`))).toEqual([]);
  });

  it.each(HTML_VECTORS.map((v) => [`${v.family}: ${v.name}`, v.payload]))("%s inline in a paragraph", (_, payload) => {
    expect(problemsOf(render(`Before ${payload.replace(/\n/g, " ")} after [a link](https://example.org/).`))).toEqual([]);
  });

  it.each(HTML_VECTORS.map((v) => [`${v.family}: ${v.name}`, v.payload]))("%s through the sanitizer directly", (_, payload) => {
    expect(problemsOf(sanitizePostHtml(payload, ORIGIN))).toEqual([]);
  });

  it("all vectors in one body, where an unclosed tag could swallow the next", () => {
    expect(problemsOf(render(vectorBody(ALL_VECTORS)))).toEqual([]);
    expect(problemsOf(render(ALL_VECTORS.map((v) => v.payload).join("\n")))).toEqual([]);
  });

  it("a summary rendered on its own is inert too", () => {
    const summary = "摘要 <img src=https://xss.test/x onerror=alert(1)> [x](javascript:alert(1)) <svg onload=window.__xss=1> &lt;script&gt;";
    const html = render(summary);
    expect(problemsOf(html)).toEqual([]);
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps the text of what it removes readable, not executable", () => {
    expect(render("`<script>window.__xss=1</script>`")).toContain("<code>&lt;script&gt;window.__xss=1&lt;/script&gt;</code>");
    expect(render('[x](https://example.org/ "a\\" onmouseover=\\"alert(1)")')).toContain('title="a&quot; onmouseover=&quot;alert(1)"');
  });
});

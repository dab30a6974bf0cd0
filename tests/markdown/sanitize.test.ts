import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { sanitizePostHtml } from "../../src/markdown/sanitize.ts";
import { seedSource } from "../helpers/seeds.ts";

const ORIGIN = "https://example.com";
const render = (md: string) => renderMarkdown(md, { siteOrigin: ORIGIN });

describe("sanitizing post HTML", () => {
  it.each([
    ["script tags", "<script>alert(1)</script>", /<script/i],
    ["event handlers", '<img src="https://x.test/a.png" onerror="alert(1)">', /onerror/i],
    ["odd-case handlers", '<a href="https://x.test" OnMouseOver="alert(1)">x</a>', /onmouseover/i],
    ["javascript: links", '<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ["entity-encoded javascript:", '<a href="&#106;avascript:alert(1)">x</a>', /avascript/i],
    ["Markdown javascript: links", "[x](javascript:alert(1))", /href="javascript/i],
    ["iframes", '<iframe src="https://evil.test"></iframe>', /<iframe/i],
    ["srcdoc frames", '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /srcdoc|<script/i],
    ["svg scripts", '<svg><script>alert(1)</script></svg>', /<svg|<script/i],
    ["forms", '<form action="https://evil.test"><input></form>', /<form|<input/i],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.test">', /<meta/i],
    ["base href", '<base href="https://evil.test/">', /<base/i],
    ["style expressions", '<span style="width: expression(alert(1))">x</span>', /expression/i],
    ["style urls", '<span style="background-image: url(javascript:alert(1))">x</span>', /url\(/i],
    ["data: images", '<img src="data:image/svg+xml;base64,PHN2Zz4=">', /data:/i],
  ])("removes %s", (_, input, forbidden) => {
    expect(render(input)).not.toMatch(forbidden);
  });

  it("keeps the harmless subscription card of seed 002 with its image and links", () => {
    const html = render(seedSource("002_0eb3deca79351a5b.txt").split("---\n# ")[1]!);
    expect(html).toContain('<div class="telegram-card">');
    expect(html).toMatch(/<img[^>]+class="telegram-card__qr"[^>]+src="https:\/\/ssl\.aicode\.cc\/mweb\/20251226\/17667324077992\.jpg"|<img[^>]+src="https:\/\/ssl\.aicode\.cc\/mweb\/20251226\/17667324077992\.jpg"[^>]+class="telegram-card__qr"/);
    expect(html).toContain('href="https://t.me/ai_news_plus"');
  });

  it("keeps plain typography in a styled span", () => {
    expect(render('<span style="color:#1677ff;font-weight:bold;">标题</span>')).toContain('style="color:#1677ff;font-weight:bold"');
  });

  it("marks external links noopener noreferrer and leaves internal ones alone", () => {
    const html = sanitizePostHtml('<a href="https://other.test/x">x</a> <a href="/zh/">home</a> <a href="https://example.com/en/">en</a>', ORIGIN);
    expect(html).toContain('<a href="https://other.test/x" rel="noopener noreferrer">x</a>');
    expect(html).toContain('<a href="/zh/">home</a>');
    expect(html).toContain('<a href="https://example.com/en/">en</a>');
  });
});

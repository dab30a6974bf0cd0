import { describe, expect, it } from "vitest";
import { rewriteHtml, textOf } from "../../src/editions/html.ts";

describe("rewriteHtml", () => {
  it("writes an untouched fragment back as it was, entities escaped again", () => {
    const html = '<p class="a">Fish &amp; chips <a href="https://example.org/?a=1&amp;b=2">x</a><br><img src="/m.png" alt="&quot;q&quot;"></p>';
    expect(rewriteHtml(html, () => undefined)).toBe(html);
  });

  it("replaces, unwraps, renames and rewrites text by element", () => {
    const html = '<div><a class="x" href="#">gone</a><span>kept</span><em>loud</em></div>';
    const out = rewriteHtml(html, (el) => {
      if (el.name === "a") return { replace: "" };
      if (el.name === "span") return { unwrap: true, after: "!" };
      if (el.name === "em") return { name: "strong", text: (t) => t.toUpperCase() };
      if (el.name === "div") return { name: "section", attribs: {} };
    });
    expect(out).toBe("<section>kept!<strong>LOUD</strong></section>");
  });

  it("takes back the spaces before an element that asks for it", () => {
    expect(rewriteHtml("<h3>Title\u00a0<a>#</a></h3>", (el) => (el.name === "a" ? { replace: "", trimBefore: true } : undefined))).toBe("<h3>Title</h3>");
  });

  it("sees an element's ancestors", () => {
    const seen: string[] = [];
    rewriteHtml("<ul><li><p><a>x</a></p></li></ul>", (el, ancestors) => void (el.name === "a" && seen.push(ancestors.map((a) => a.name).join(">"))));
    expect(seen).toEqual(["ul>li>p"]);
  });

  it("reads the text of a fragment", () => {
    expect(textOf("<p>中文 &amp; <b>English</b></p>")).toBe("中文 & English");
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/render.ts";

describe("line breaks in CJK text", () => {
  const render = (md: string) => renderMarkdown(md, { siteOrigin: "https://example.com" });
  it("joins two CJK characters without a space, and keeps the space between Latin words", () => {
    expect(render("产业发展\n说明文字")).toBe("<p>产业发展说明文字</p>\n");
    expect(render("new model\nreleased today")).toBe("<p>new model\nreleased today</p>\n");
  });
  it("reads characters past emphasis and code, and never across another break", () => {
    expect(render("**深度解读：**\n这是")).toBe("<p><strong>深度解读：</strong>这是</p>\n");
    expect(render("**粗体**\n`代码`\n一")).toBe("<p><strong>粗体</strong><code>代码</code>一</p>\n");
    expect(render("**粗体**\n`code`\n一")).toBe("<p><strong>粗体</strong>\n<code>code</code>\n一</p>\n");
    expect(render("한국어\n한국어")).toBe("<p>한국어\n한국어</p>\n");
    expect(render("Launch 🚀\n🔥 now")).toBe("<p>Launch 🚀\n🔥 now</p>\n");
  });
});

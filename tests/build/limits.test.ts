import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuild, type BuildRun } from "../helpers/build.ts";

/**
 * Content at the edges of what a news site produces, in one build: a 5 MB post, a post with
 * 10,000 list items, a tag on 200 posts (10 pages) and 1,000 distinct tags, each with its page
 * and feed. (`npm run bench`
 * builds up to 10,000 posts; this is about shapes, not scale.)
 */
describe("limits", () => {
  let build: BuildRun;
  let seconds: number;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "limits-"));
    mkdirSync(path.join(dir, "en/daily"), { recursive: true });
    mkdirSync(path.join(dir, "zh/deep-dive"), { recursive: true });
    const paragraph = "大模型推理成本持续下降，企业开始在生产环境中部署智能体。Inference costs keep falling as agents reach production.\n\n";
    const big = `## 长文\n\n${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph)))}最后一段。\n`;
    writeFileSync(path.join(dir, "zh/deep-dive/huge.md"), `---\ntitle: 五兆字节的长文\ndate: 2025-06-01\nslug: huge\n---\n${big}`);
    const items = Array.from({ length: 10_000 }, (_, i) => `- item ${i + 1}: [source](https://example.org/${i + 1})`).join("\n");
    writeFileSync(path.join(dir, "en/daily/many-items.md"), `---\ntitle: Ten thousand items\ndate: 2025-06-02\nslug: many-items\n---\n${items}\n`);
    const start = Date.UTC(2010, 0, 1);
    for (let i = 0; i < 200; i++) {
      const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      writeFileSync(path.join(dir, "en/daily", `p${i}.md`), `---\ntitle: Brief ${i}\ndate: ${day}\nslug: p${i}\ntags: [Common, ${[0, 1, 2, 3, 4].map((k) => `topic-${i * 5 + k}`).join(", ")}]\n---\nShort brief ${i}. [Source](https://example.org/p${i})\n`);
    }
    const started = performance.now();
    // A thousand tags would mean a thousand share images to draw: they are tested elsewhere.
    build = runBuild({ CONTENT_DIR: dir, BUILD_TIME: "2030-01-01", SHARE_IMAGES: "0" });
    seconds = (performance.now() - started) / 1000;
  }, 600_000);

  it("builds without error", () => {
    expect(build.stderr).not.toMatch(/^error/m);
    expect(build.code).toBe(0);
    console.log(`limits build: ${seconds.toFixed(1)} s for 202 posts incl. a 5 MB post`);
  });

  it("renders the 5 MB post to its last paragraph", () => {
    const html = readFileSync(path.join(build.outDir, "zh/deep-dive/huge/index.html"), "utf8");
    expect(Buffer.byteLength(html)).toBeGreaterThan(5 * 1024 * 1024);
    expect(html).toContain("<p>最后一段。</p>");
  });

  it("renders all 10,000 list items", () => {
    const html = build.page("/en/daily/many-items/");
    expect(html.match(/<li>item \d+/g)).toHaveLength(10_000);
  });

  it("paginates a tag with 200 posts and lists 1,000 distinct tags", () => {
    expect(build.has("/en/tags/common/page/10/")).toBe(true);
    expect(build.has("/en/tags/common/page/11/")).toBe(false);
    expect(build.page("/en/tags/").match(/rel="tag"/g)).toHaveLength(1001);
    expect(build.has("/en/tags/topic999/feed.xml")).toBe(true);
  });
});

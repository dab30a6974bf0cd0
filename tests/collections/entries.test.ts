import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildCollections } from "../../src/collections/context.ts";
import { tableOfContents } from "../../src/collections/entries.ts";
import { post } from "../helpers/content.ts";

describe("post bodies, rendered once", () => {
  it("reports a relative link that leads nowhere with its file and line", () => {
    const bad = post("en/daily/bad.md", "---\ntitle: Bad\ndate: 2026-03-02\n---\nIntro.\n\n- see [this](../nowhere/page)\n");
    const built = buildCollections([bad], config, new Date());
    expect(built.problems).toEqual([
      expect.objectContaining({ file: "content/en/daily/bad.md", line: 7, field: "link", message: expect.stringContaining('"../nowhere/page" leads to no page') }),
    ]);
  });
});

describe("tableOfContents", () => {
  const h = (level: number, id: string) => ({ level, id, text: id.toUpperCase() });
  it("takes the shallowest level present as the top, so sibling h3 sections stay siblings", () => {
    expect(tableOfContents([h(3, "a"), h(3, "b"), h(4, "b1"), h(3, "c")])).toEqual([
      { id: "a", text: "A", children: [] },
      { id: "b", text: "B", children: [{ id: "b1", text: "B1" }] },
      { id: "c", text: "C", children: [] },
    ]);
  });
  it("nests the next level under the top one and leaves deeper ones out", () => {
    expect(tableOfContents([h(3, "intro"), h(2, "a"), h(3, "a1"), h(4, "a1x"), h(2, "b")])).toEqual([
      { id: "intro", text: "INTRO", children: [] },
      { id: "a", text: "A", children: [{ id: "a1", text: "A1" }] },
      { id: "b", text: "B", children: [] },
    ]);
  });
});

describe("a post's table of contents and summary box", () => {
  const entry = (file: string, source: string) => buildCollections([post(file, source)], config, new Date()).collections.entries[0]!;

  it("maps a brief's sections and news items, and a post with fewer than three sections gets none", () => {
    const daily = entry("zh/daily/2026-03-02-brief.md", "---\ntitle: 日报\ndate: 2026-03-02\n---\n**政策**\n\n甲发布新模型\n说明：文字。\n\n乙完成融资\n说明：文字。\n");
    expect(daily.toc).toEqual([{ id: "政策", text: "政策", children: [{ id: "甲发布新模型", text: "甲发布新模型" }, { id: "乙完成融资", text: "乙完成融资" }] }]);
    expect(entry("en/weekly/2026-w10.md", "---\ntitle: W\ndate: 2026-03-02\n---\n## One\n\nText.\n\n## Two\n\nText.\n").toc).toEqual([]);
  });

  it("shows the summary box only when the editor's summary says something the opening does not", () => {
    const body = "OpenAI and Anthropic went head to head this week.\n\nMore text.\n";
    const written = (summary: string) => entry("en/weekly/2026-w10.md", `---\ntitle: W\ndate: 2026-03-02\nsummary: ${summary}\n---\n${body}`);
    expect(written("A week of agents and funding.").showSummary).toBe(true);
    expect(written("OpenAI and Anthropic went head to head this week.").showSummary).toBe(false);
    expect(written("OpenAI and Anthropic went head to head").showSummary).toBe(false);
    expect(written("OpenAI and Anthropic went head to head this week. Agents reached production.").showSummary).toBe(true);
    expect(entry("en/weekly/2026-w10.md", `---\ntitle: W\ndate: 2026-03-02\n---\n${body}`).showSummary).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildCollections } from "../../src/collections/context.ts";
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

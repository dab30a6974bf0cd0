import { describe, expect, it } from "vitest";
import { bodyDigest } from "../../src/content/digest.ts";
import { translationStates } from "../../src/desk/translations.ts";
import { post } from "../helpers/content.ts";

const ORIGINAL_BODY = "第一段。\n\n## 小节\n\n第二段。\n";
const original = (body = ORIGINAL_BODY, path = "zh/weekly/w06.md") => post(path, `---\ntitle: 周报\ndate: 2026-02-06\nweek: 2026-W06\nslug: w06\n---\n${body}`);
const translation = (record?: string, path = "en/weekly/w06.md") =>
  post(path, `---\ntitle: Weekly\ndate: 2026-02-06\nweek: 2026-W06\nslug: w06-en\n${record ?? ""}---\nFirst.\n`);
const recordOf = (source: string, digest: string, slug?: string) => `translationOf:\n  source: ${source}\n${slug ? `  slug: ${slug}\n` : ""}  digest: ${digest}\n`;

describe("translation states", () => {
  it("in step: the translation records the original's current body, seen from both posts", () => {
    const zh = original();
    const en = translation(recordOf("zh/weekly/w06.md", bodyDigest(zh.body)));
    const states = translationStates([zh, en], ["weekly"], "zh");
    expect(states.get(en)).toMatchObject({ state: "in step", original: zh, translation: en });
    expect(states.get(zh)).toBe(states.get(en));
  });

  it("stale: the original's body changed after the translation was made", () => {
    const zh = original(ORIGINAL_BODY.replace("第二段", "改过的第二段"));
    const en = translation(recordOf("zh/weekly/w06.md", bodyDigest(ORIGINAL_BODY)));
    expect(translationStates([zh, en], ["weekly"], "zh").get(en)?.state).toBe("stale");
  });

  it("finds a renamed original by the slug it recorded, else by its translation key", () => {
    const moved = original(ORIGINAL_BODY, "zh/weekly/renamed.md");
    const en = translation(recordOf("zh/weekly/w06.md", bodyDigest(ORIGINAL_BODY), "w06"));
    expect(translationStates([moved, en], ["weekly"], "zh").get(en)).toMatchObject({ state: "in step", original: moved });
  });

  it("finds an original renamed with a new slug by the translation key both carry", () => {
    const moved = post("zh/weekly/renamed.md", `---\ntitle: 周报\ndate: 2026-02-06\nweek: 2026-W06\nslug: renamed\ntranslationKey: w06\n---\n${ORIGINAL_BODY}`);
    const en = post("en/weekly/w06.md", `---\ntitle: Weekly\ndate: 2026-02-06\nweek: 2026-W06\nslug: w06-en\ntranslationKey: w06\n${recordOf("zh/weekly/w06.md", bodyDigest(ORIGINAL_BODY), "w06")}---\nFirst.\n`);
    expect(translationStates([moved, en], ["weekly"], "zh").get(en)).toMatchObject({ state: "in step", original: moved });
  });

  it("source missing: the recorded original is gone and nothing pairs", () => {
    const en = translation(recordOf("zh/weekly/deleted.md", "0123456789ab", "deleted"));
    expect(translationStates([en], ["weekly"], "zh").get(en)).toMatchObject({ state: "source missing", record: { source: "zh/weekly/deleted.md", slug: "deleted" } });
  });

  it("untracked: a pair where neither records a version; the default language's post is the original", () => {
    const zh = original();
    const en = translation();
    const state = translationStates([en, zh], ["weekly"], "zh").get(en);
    expect(state).toMatchObject({ state: "untracked", original: zh, translation: en });
  });

  it("missing or not expected, as the rhythm's translated kinds say", () => {
    const zh = original();
    expect(translationStates([zh], ["weekly"], "zh").get(zh)?.state).toBe("missing");
    expect(translationStates([zh], ["daily"], "zh").get(zh)?.state).toBe("not expected");
  });
});

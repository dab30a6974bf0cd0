import { describe, expect, it } from "vitest";
import { site, type Rhythm } from "../../src/config.ts";
import { bodyDigest } from "../../src/content/digest.ts";
import { parseDate } from "../../src/content/dates.ts";
import type { Post } from "../../src/content/schema.ts";
import { buildDesk, staleText, weeksEnding } from "../../src/desk/desk.ts";
import { deskHtml, deskText } from "../../src/desk/format.ts";
import type { History } from "../../src/desk/history.ts";
import { post } from "../helpers/content.ts";

const RHYTHM: Rhythm = { daily: { zh: "weekdays", en: "none" }, weekly: { zh: 1, en: 1 }, translated: ["weekly"] };
const at = (text: string) => parseDate(text, site.timeZone)!.instant;
const desk = (posts: Post[], now: string, options: { weeks?: string[]; rhythm?: Rhythm; history?: History; unreadable?: Set<string> } = {}) =>
  buildDesk(posts, { weeks: options.weeks ?? ["2026-W06"], now: at(now), config: { timeZone: site.timeZone, defaultLang: "zh", rhythm: options.rhythm ?? RHYTHM }, history: options.history, unreadable: options.unreadable });

const daily = (day: string, extra = "", lang = "zh") => post(`${lang}/daily/${day}.md`, `---\ntitle: 日报 ${day}\ndate: ${day}\n${extra}---\n正文。\n`);
const weekly = (lang: "zh" | "en", extra = "", body = "本周。\n") => post(`${lang}/weekly/w06.md`, `---\ntitle: ${lang} weekly\ndate: 2026-02-06\nweek: 2026-W06\nslug: w06-${lang}\n${extra}---\n${body}`);
const todo = (d: ReturnType<typeof desk>) => d.todo.map((item) => item.text);

describe("the desk", () => {
  it("shows each day's brief per language: published, scheduled with its go-live time, draft, missing, not yet due", () => {
    const posts = [daily("2026-02-02"), daily("2026-02-03", "scheduled: 2026-02-03T20:00:00+08:00\n"), daily("2026-02-04", "draft: true\n")];
    const d = desk(posts, "2026-02-03T12:00:00+08:00");
    const days = d.weeks[0]!.langs.zh.days;
    expect(days.map((day) => [day.date, day.dailies.map((p) => p.status), day.expected, day.upcoming])).toEqual([
      ["2026-02-02", ["published"], true, false],
      ["2026-02-03", ["scheduled"], true, false],
      ["2026-02-04", ["draft"], true, true],
      ["2026-02-05", [], true, true],
      ["2026-02-06", [], true, true],
      ["2026-02-07", [], false, true],
      ["2026-02-08", [], false, true],
    ]);
    expect(days[1]!.dailies[0]!.goesLive).toBe("2026-02-03T20:00:00+08:00");
    // Nothing is missing yet: Thursday and Friday are still to come, and the digest is due on Sunday.
    expect(todo(d)).toEqual([]);
    expect(deskText(d, RHYTHM)).toContain("scheduled for 2026-02-03T20:00:00+08:00");
    expect(deskText(d, RHYTHM)).toContain("Thu 2026-02-05  daily: not yet due");
  });

  it("lists each missing day and digest once the day or week has come, against the rhythm only", () => {
    const d = desk([daily("2026-02-06")], "2026-02-10T09:00:00+08:00");
    expect(todo(d)).toEqual(["2026-02-02 zh daily: missing", "2026-02-03 zh daily: missing", "2026-02-04 zh daily: missing", "2026-02-05 zh daily: missing", "zh weekly 2026-W06: missing", "en weekly 2026-W06: missing"]);
    const everyDay = desk([daily("2026-02-06")], "2026-02-10T09:00:00+08:00", { rhythm: { daily: { zh: "none", en: "every day" }, weekly: { zh: 0, en: 2 }, translated: [] } });
    expect(todo(everyDay)).toEqual([...["02", "03", "04", "05", "06", "07", "08"].map((day) => `2026-02-${day} en daily: missing`), "en weekly 2026-W06: missing"]);
  });

  it("counts a translation owed into a language as the digest that language expects, not a second todo", () => {
    const d = desk([weekly("zh")], "2026-02-10");
    expect(todo(d).filter((text) => text.includes("weekly"))).toEqual(["en weekly 2026-W06: translation missing of content/zh/weekly/w06.md"]);
  });

  it("says a translation is in step from both sides, and has nothing to do", () => {
    const zh = weekly("zh");
    const en = weekly("en", `translationOf:\n  source: zh/weekly/w06.md\n  digest: ${bodyDigest(zh.body)}\n`);
    const d = desk([zh, en], "2026-02-10", { rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" } } });
    expect(d.weeks[0]!.langs.zh.weekly[0]!.translation).toEqual({ state: "in step", file: "content/en/weekly/w06.md", isTranslation: false });
    expect(d.weeks[0]!.langs.en.weekly[0]!.translation).toEqual({ state: "in step", file: "content/zh/weekly/w06.md", isTranslation: true });
    expect(todo(d)).toEqual([]);
    expect(deskText(d, RHYTHM)).toContain("Nothing to do");
  });

  it("names a stale translation with both files, the day the original changed and its lines", () => {
    const zh = weekly("zh", "", "本周。\n\n新增一句。\n");
    const en = weekly("en", `translationOf:\n  source: zh/weekly/w06.md\n  digest: ${bodyDigest("本周。\n")}\n`);
    const history: History = {
      versions: () => [
        { commit: "b", date: at("2026-02-08T10:00:00+08:00"), body: "本周。\n\n新增一句。\n" },
        { commit: "a", date: at("2026-02-06T10:00:00+08:00"), body: "本周。\n" },
      ],
    };
    const d = desk([zh, en], "2026-02-10", { history, rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" } } });
    // The body starts on line 7 of the file: the added sentence is on line 9.
    expect(todo(d)).toEqual([
      "en weekly 2026-W06: translation stale since zh changed on 2026-02-08, line 9 of content/zh/weekly/w06.md; update content/en/weekly/w06.md, then npm run status -- --accept content/en/weekly/w06.md",
    ]);
    const noHistory = desk([zh, en], "2026-02-10", { rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" } } });
    expect(todo(noHistory)[0]).toBe("en weekly 2026-W06: translation stale: content/zh/weekly/w06.md changed after it was translated; update content/en/weekly/w06.md, then npm run status -- --accept content/en/weekly/w06.md");
  });

  it("says when no version of the original has the recorded digest, and when the original is gone", () => {
    const zh = weekly("zh");
    const en = weekly("en", `translationOf:\n  source: zh/weekly/w06.md\n  digest: 0123456789ab\n`);
    const history: History = { versions: () => [{ commit: "a", date: at("2026-02-06"), body: "本周。\n" }] };
    const d = desk([zh, en], "2026-02-10", { history, rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" } } });
    expect(todo(d)).toEqual([
      "en weekly 2026-W06: translation stale, source unknown: no version of content/zh/weekly/w06.md in git history is the one recorded; update content/en/weekly/w06.md, then npm run status -- --accept content/en/weekly/w06.md",
    ]);
    const orphan = weekly("en", `translationOf:\n  source: zh/weekly/old.md\n  slug: old-slug\n  digest: 0123456789ab\n`);
    const gone = desk([orphan], "2026-02-10", { rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" }, weekly: { zh: 0, en: 1 } } });
    expect(todo(gone)).toEqual([
      "en weekly 2026-W06: the original of content/en/weekly/w06.md is gone: no post at content/zh/weekly/old.md (last known slug old-slug); correct translationOf.source, or remove translationOf",
    ]);
    const broken = desk([orphan], "2026-02-10", { unreadable: new Set(["content/zh/weekly/old.md"]), rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" }, weekly: { zh: 0, en: 1 } } });
    expect(todo(broken)).toEqual([
      "en weekly 2026-W06: the original of content/en/weekly/w06.md, content/zh/weekly/old.md, does not read; npm run check says why",
    ]);
  });

  it("asks to record the version of an untracked pair's translation", () => {
    const d = desk([weekly("zh"), weekly("en")], "2026-02-10", { rhythm: { ...RHYTHM, daily: { zh: "none", en: "none" } } });
    expect(todo(d)).toEqual(["en weekly 2026-W06: content/en/weekly/w06.md records no version of content/zh/weekly/w06.md; once it is in step, npm run status -- --accept content/en/weekly/w06.md"]);
  });

  it("reports deep dives' missing translations by their day when the rhythm expects them", () => {
    const dive = post("zh/deep-dive/d.md", "---\ntitle: 深度\ndate: 2026-02-04\n---\n正文。\n");
    const d = desk([dive], "2026-02-10", { rhythm: { daily: { zh: "none", en: "none" }, weekly: { zh: 0, en: 0 }, translated: ["deep-dive"] } });
    expect(todo(d)).toEqual(["2026-02-04 en deep-dive: translation missing of content/zh/deep-dive/d.md"]);
  });

  it("shows the weeks asked, oldest first, across a year's end", () => {
    expect(weeksEnding("2026-W02", 3)).toEqual(["2025-W52", "2026-W01", "2026-W02"]);
    expect(desk([], "2026-02-10", { weeks: weeksEnding("2026-W06", 2) }).weeks.map((w) => [w.week, w.start, w.end])).toEqual([
      ["2026-W05", "2026-01-26", "2026-02-01"],
      ["2026-W06", "2026-02-02", "2026-02-08"],
    ]);
  });

  it("writes line ranges briefly, as lines of the original", () => {
    const stale = { since: "uncommitted", lines: [[3, 3], [10, 14], [20, 20], [30, 31]] as [number, number][], sourceUnknown: false };
    expect(staleText(stale, "zh", "content/zh/a.md")).toBe("translation stale since zh changed (not yet committed), lines 3, 10–14, 20, … of content/zh/a.md");
  });

  it("files a brief by the week of its day, whatever week it names", () => {
    const d = desk([daily("2026-02-09", "week: 2026-W06\n")], "2026-02-10T09:00:00+08:00", { weeks: ["2026-W06", "2026-W07"] });
    expect(d.weeks[1]!.langs.zh.days[0]!.dailies.map((p) => p.file)).toEqual(["content/zh/daily/2026-02-09.md"]);
    expect(todo(d)).not.toContain("2026-02-09 zh daily: missing");
  });

  it("calls today's missing brief due, and a draft whose day has come still to do", () => {
    const d = desk([daily("2026-02-02", "draft: true\n")], "2026-02-03T09:00:00+08:00");
    expect(todo(d)).toEqual(["2026-02-02 zh daily: still a draft: content/zh/daily/2026-02-02.md", "2026-02-03 zh daily: due today"]);
  });

  it("says a stale translation dated in another week from its original's side, once", () => {
    const zh = weekly("zh", "", "本周，改过。\n");
    const en = post("en/weekly/w06.md", `---\ntitle: Weekly\ndate: 2026-02-10\nweek: 2026-W07\nslug: w06-en\ntranslationOf:\n  source: zh/weekly/w06.md\n  digest: ${bodyDigest("本周。\n")}\n---\nThe week.\n`);
    const rhythm = { ...RHYTHM, daily: { zh: "none", en: "none" } } as const;
    const stale = "en weekly 2026-W06: translation stale: content/zh/weekly/w06.md changed after it was translated; update content/en/weekly/w06.md, then npm run status -- --accept content/en/weekly/w06.md";
    expect(todo(desk([zh, en], "2026-02-10", { rhythm })).filter((text) => text.includes("stale"))).toEqual([stale]);
    const both = todo(desk([zh, en], "2026-02-20", { rhythm, weeks: ["2026-W06", "2026-W07"] })).filter((text) => text.includes("stale"));
    expect(both).toEqual(["en weekly 2026-W07: translation stale: content/zh/weekly/w06.md changed after it was translated; update content/en/weekly/w06.md, then npm run status -- --accept content/en/weekly/w06.md"]);
  });

  it("escapes titles on the dev page", () => {
    const d = desk([post("zh/daily/x.md", '---\ntitle: "<img src=x onerror=alert(1)>"\ndate: 2026-02-02\n---\n正文。\n')], "2026-02-03");
    const html = deskHtml(d, RHYTHM);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });
});

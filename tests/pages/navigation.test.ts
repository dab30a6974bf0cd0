/**
 * Cross-language navigation between page models: where the language switch lands, the
 * translation note's nearest page, and the pointer lines that stand in for empty lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KINDS, LANGS, otherLang, site as config, type Kind, type Lang } from "../../src/config.ts";
import type { PostEntry } from "../../src/collections/entries.ts";
import type { WeekGroup } from "../../src/collections/weeks.ts";
import { nearbyPage, pointerTo, switchToListed, type PageBase } from "../../src/pages/page-type.ts";
import { buildSite, type Site } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";

const weekGroup = (lang: Lang, week: string): WeekGroup => ({ lang, week, digests: [], dailies: [], deepDives: [] });
const kinds = (counts: Partial<Record<Kind, number>>) =>
  Object.fromEntries(KINDS.map((kind) => [kind, Array.from({ length: counts[kind] ?? 0 }, () => ({}) as PostEntry)])) as Record<Kind, PostEntry[]>;

describe("the nearest page in the other language", () => {
  const context = (weeks: string[], counts: Partial<Record<Kind, number>>) => ({
    weeks: { zh: new Map(), en: new Map(weeks.map((w) => [w, weekGroup("en", w)])) },
    byKind: { zh: kinds({}), en: kinds(counts) },
  });

  it("is the same week's page, else the kind's list when it has posts, else the home", () => {
    expect(nearbyPage(context(["2026-W06"], { daily: 1 }), "en", "2026-W06", "daily")).toEqual({ lang: "en", url: "/en/weeks/2026-w06/", scope: "week" });
    expect(nearbyPage(context(["2026-W05"], { daily: 1 }), "en", "2026-W06", "daily")).toEqual({ lang: "en", url: "/en/daily/", scope: "kind" });
    expect(nearbyPage(context(["2026-W05"], { weekly: 1 }), "en", "2026-W06", "daily")).toEqual({ lang: "en", url: "/en/", scope: "home" });
  });

  it("switches to a listing only when it lists posts, else to the home with the note", () => {
    expect(switchToListed("zh", "/en/archive/", true)).toEqual({ lang: "en", url: "/en/archive/", exact: true });
    expect(switchToListed("zh", "/en/archive/", false)).toEqual({ lang: "en", url: "/en/#only-in-zh", exact: false });
  });

  it("points to the other language only from an empty list", () => {
    expect(pointerTo(0, "zh", "daily", 3, "/zh/daily/")).toEqual({ lang: "zh", kind: "daily", count: 3, url: "/zh/daily/" });
    expect(pointerTo(1, "zh", "daily", 3, "/zh/daily/")).toBeUndefined();
    expect(pointerTo(0, "zh", "daily", 0, "/zh/daily/")).toBeUndefined();
  });
});

describe("the seed site's pointers", () => {
  const blog = buildSite(realPosts(), config);

  it("has the English home point to the Chinese daily briefs and deep dives, with counts", () => {
    const en = blog.pages.homes.find((h) => h.lang === "en")!;
    expect(en.sections.map((s) => [s.kind, s.items.length, s.pointer])).toEqual([
      ["weekly", 2, undefined],
      ["daily", 0, { lang: "zh", kind: "daily", count: 2, url: "/zh/daily/" }],
      ["deep-dive", 0, { lang: "zh", kind: "deep-dive", count: 1, url: "/zh/deep-dive/" }],
    ]);
    expect(blog.pages.homes.find((h) => h.lang === "zh")!.sections.every((s) => !s.pointer)).toBe(true);
  });

  it("has the English week 6 point to that week's Chinese daily briefs", () => {
    const w06 = blog.pages.weeks.find((w) => w.url === "/en/weeks/2026-w06/")!;
    expect(w06.pointers).toEqual({ daily: { lang: "zh", kind: "daily", count: 2, url: "/zh/weeks/2026-w06/" } });
    expect(blog.pages.weeks.find((w) => w.url === "/zh/weeks/2026-w06/")!.pointers).toEqual({});
  });

  it("has an empty English kind list point to the Chinese one, and the Chinese list switch to the English home", () => {
    const list = (url: string) => blog.pages.kindLists.find((k) => k.url === url)!;
    expect(list("/en/deep-dive/").pointer).toEqual({ lang: "zh", kind: "deep-dive", count: 1, url: "/zh/deep-dive/" });
    expect(list("/en/weekly/").pointer).toBeUndefined();
    expect(list("/zh/deep-dive/").switchTo).toEqual({ lang: "en", url: "/en/#only-in-zh", exact: false });
    expect(list("/zh/weekly/").switchTo).toEqual({ lang: "en", url: "/en/weekly/", exact: true });
    expect(list("/en/daily/").switchTo).toEqual({ lang: "zh", url: "/zh/daily/", exact: true });
  });

  it("sends a week without its translation to the other language's archive", () => {
    expect(blog.pages.weeks.find((w) => w.url === "/zh/weeks/2026-w07/")!.switchTo.url).toBe("/en/archive/#only-in-zh");
  });
});

/** Every HTML page model of a site, by URL. */
function htmlPages(blog: Site): Map<string, PageBase> {
  const byUrl = new Map<string, PageBase>();
  for (const models of Object.values(blog.pages) as { url: string }[][]) {
    for (const model of models) if ("switchTo" in model) byUrl.set(model.url, model as PageBase);
  }
  return byUrl;
}

/** A page that would show a reader an empty list (or nothing but pointers back). */
function listsNothing(blog: Site, url: string): boolean {
  const p = blog.pages;
  const kindList = p.kindLists.find((k) => k.url === url);
  if (kindList) return kindList.items.length === 0;
  const home = p.homes.find((h) => h.url === url);
  if (home) return home.sections.every((s) => s.items.length === 0);
  const archive = p.archives.find((a) => a.url === url);
  if (archive) return archive.years.length === 0;
  const tagIndex = p.tagIndexes.find((t) => t.url === url);
  if (tagIndex) return tagIndex.tags.length === 0;
  return false;
}

describe("the language switch on any content", () => {
  const entry = fc.record({
    lang: fc.constantFrom(...LANGS),
    kind: fc.constantFrom(...KINDS),
    day: fc.integer({ min: 1, max: 28 }),
    translated: fc.boolean(),
    tag: fc.constantFrom("AI", "Agents", "芯片"),
  });

  it("lands on a page that exists and lists posts, unless the other language has none at all", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const posts = entries.flatMap((e, i) => {
          const source = (lang: Lang) =>
            `---\ntitle: P${i} ${lang}\ndate: 2026-02-${String(e.day).padStart(2, "0")}\nslug: p${i}\ntags: [${e.tag}]\ntranslationKey: k${i}\n---\nx\n`;
          const langs = e.translated ? LANGS : [e.lang];
          return langs.map((lang) => post(`${lang}/${e.kind}/p${i}.md`, source(lang)));
        });
        const blog = buildSite(posts, config);
        const pages = htmlPages(blog);
        for (const page of pages.values()) {
          const [target, fragment] = page.switchTo.url.split("#");
          const other = otherLang(page.lang);
          expect(page.switchTo.lang).toBe(other);
          expect(pages.has(target!), `${page.url} → ${page.switchTo.url}`).toBe(true);
          expect(page.switchTo.exact).toBe(!fragment);
          if (blog.context.byLang[other].length === 0) continue;
          expect(listsNothing(blog, target!), `${page.url} → ${page.switchTo.url}`).toBe(false);
        }
        for (const home of blog.pages.homes) {
          const other = otherLang(home.lang);
          for (const section of home.sections) {
            expect(section.pointer?.count ?? 0).toBe(section.items.length ? 0 : blog.context.byKind[other][section.kind].length);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

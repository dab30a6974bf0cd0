import { describe, expect, it } from "vitest";
import type { Post } from "../../src/content/schema.ts";
import { relationsOf, type RelatedItem } from "../../src/stories/relations.ts";
import { post } from "../helpers/content.ts";

interface Item extends RelatedItem<Post> {
  name: string;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function brief(lang: "zh" | "en", date: string, slug: string): Post {
  return post(`${lang}/daily/${date}-${slug}.md`, `---\ntitle: ${slug}\ndate: ${date}\n---\n正文\n`);
}
function digest(lang: "zh" | "en", week: string, slug: string, key?: string): Post {
  return post(`${lang}/weekly/${week.toLowerCase()}-${slug}.md`, `---\ntitle: ${slug}\ndate: 2026-02-06\nweek: ${week}\n${key ? `translationKey: ${key}\n` : ""}---\n正文\n`);
}
function deepDive(date: string, slug: string): Post {
  return post(`zh/deep-dive/${date}-${slug}.md`, `---\ntitle: ${slug}\ndate: ${date}\n---\n正文\n`);
}
function itemOf(p: Post, name: string): Item {
  const span = p.kind === "weekly" ? { start: day("2026-02-02"), end: day("2026-02-08") } : { start: day(p.day), end: day(p.day) };
  return { name, post: p, ...span, sources: [], entities: [], amounts: [] };
}
const names = (items: Item[]) => items.map((i) => i.name);

describe("whom an item links to in its story", () => {
  const zhDigest = digest("zh", "2026-W06", "zhou-bao", "w06");
  const enDigest = digest("en", "2026-W06", "digest", "w06");
  const feb4 = brief("zh", "2026-02-04", "a");
  const feb5 = brief("zh", "2026-02-05", "b");
  const feb5b = brief("zh", "2026-02-05", "c");
  const feb10 = brief("zh", "2026-02-10", "d");
  const feb11 = deepDive("2026-02-11", "e");
  const story = [itemOf(zhDigest, "zh-digest"), itemOf(enDigest, "en-digest"), itemOf(feb4, "feb4"), itemOf(feb5, "feb5"), itemOf(feb5b, "feb5b"), itemOf(feb10, "feb10"), itemOf(feb11, "feb11")];
  const isTranslationOf = (of: Post) => (other: Post) => other !== of && [zhDigest, enDigest].includes(of) && [zhDigest, enDigest].includes(other);
  const relations = (name: string) => {
    const item = story.find((i) => i.name === name)!;
    return relationsOf(item, story, isTranslationOf(item.post));
  };

  it("links a digest's item to the brief of its week that covered the story first, and to its translation", () => {
    const r = relations("zh-digest");
    expect(names(r.firstIn)).toEqual(["feb4"]);
    expect(names(r.translations)).toEqual(["en-digest"]);
    expect(names(r.followUps)).toEqual(["feb10", "feb11"]);
    expect(r.includedIn).toEqual([]);
  });

  it("links an English digest to the Chinese briefs when there are no English ones", () => {
    expect(names(relations("en-digest").firstIn)).toEqual(["feb4"]);
  });

  it("links a brief's item to the digest that picked it up, the brief that had it first, and what came after", () => {
    const r = relations("feb5");
    expect(names(r.includedIn)).toEqual(["zh-digest"]);
    expect(names(r.firstIn)).toEqual(["feb4"]);
    expect(names(r.followUps)).toEqual(["feb10", "feb11"]);
    expect(names(relations("feb4").firstIn)).toEqual([]);
    expect(names(r.sameDay)).toEqual(["feb5b"]);
  });

  it("calls a digest of an earlier week earlier coverage, not a digest that picked the story up", () => {
    const r = relations("feb10");
    expect(r.includedIn).toEqual([]);
    expect(names(r.firstIn)).toEqual(["zh-digest"]);
  });

  it("links a deep dive's section to the briefs and digests it builds on, nearest first", () => {
    expect(names(relations("feb11").buildsOn)).toEqual(["feb10", "zh-digest", "feb5"]);
  });

  it("never links an item to its own post", () => {
    const twice = [...story, { ...itemOf(feb4, "feb4-again") }];
    const r = relationsOf(twice.find((i) => i.name === "feb4")!, twice, () => false);
    expect([...r.firstIn, ...r.followUps, ...r.includedIn].some((i) => i.post === feb4)).toBe(false);
  });
});

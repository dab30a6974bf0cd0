/**
 * The search index's inputs in a whole build: every post page gives Pagefind its kind, week,
 * month, language, tags and entities as filters and its date-time as the sort, and the search
 * pages offer the menus assets/search.js fills from Pagefind's counts. Reads the shared build.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANG_TAGS, LANGS } from "../../src/config.ts";
import { seedBuild } from "../helpers/build.ts";
import { indexedPosts } from "../helpers/indexed-posts.ts";

describe("the search index's filters and sort", () => {
  const build = seedBuild();
  const posts = indexedPosts(build.outDir);

  it("builds", () => {
    expect(build.code, build.stderr).toBe(0);
    expect(new Set(posts.map((post) => post.lang))).toEqual(new Set(LANGS));
  });

  it("marks every post page with its kind, week, month and language as filters and its date-time as the sort", () => {
    for (const post of posts) {
      expect(post.attributes.filter, post.url).toBe("kind[data-kind], week[data-week], month[data-month], lang[data-lang]");
      expect(post.attributes.sort, post.url).toBe("date[data-published]");
      expect(post.attributes.meta, post.url).toContain("lang[data-lang]");
      expect(post.attributes.meta, post.url).toContain("published[data-published]");
      const [, lang, kind] = post.url.split("/");
      expect(post.lang, post.url).toBe(lang);
      expect(post.kind, post.url).toBe(kind);
      expect(post.week, post.url).toMatch(/^\d{4}-W\d{2}$/);
      // Sortable as text: one offset (the site's zone) for every post.
      expect(post.published, post.url).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(post.month, post.url).toBe(post.published.slice(0, 7));
    }
  });

  it("files each tag under the name the post's header shows", () => {
    for (const post of posts) {
      const html = build.page(post.url);
      const header = /<ul class="tags" aria-label="[^"]+">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
      const shown = [...header.matchAll(/rel="tag"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
      expect(post.tags, post.url).toEqual(shown);
    }
    expect(posts.some((post) => post.tags.length > 0)).toBe(true);
  });

  it("indexes both languages in one bundle", () => {
    const entry = JSON.parse(readFileSync(path.join(build.outDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    for (const lang of LANGS) {
      expect(entry.languages[LANG_TAGS[lang].toLowerCase()]?.page_count, lang).toBe(posts.filter((post) => post.lang === lang).length);
    }
  });

  it("gives each search page its language, sort and filter menus, labelled, with every entity's name in each language", () => {
    for (const lang of LANGS) {
      const html = build.page(`/${lang}/search/`);
      for (const id of ["search-lang", "search-sort", "search-kind", "search-period", "search-tag", "search-entity"]) {
        expect(html, `${lang} ${id}`).toMatch(new RegExp(`<label class="search-form__filter"><span class="search-form__label">[^<]+</span>\\s*<select id="${id}"`));
      }
      expect(html).toMatch(/<option value="all">/);
      expect(html).toMatch(/<option value="newest">/);
      for (const other of LANGS) expect(html).toContain(`data-lang-tag-${other}="${LANG_TAGS[other]}"`);
      const entityOptions = [...html.matchAll(/<option((?: data-name-\w+="[^"]*")+)>([^<]+)<\/option>/g)].map(([, attributes, shown]) => ({
        names: Object.fromEntries([...attributes!.matchAll(/data-name-(\w+)="([^"]*)"/g)].map(([, of, name]) => [of, name])),
        shown,
      }));
      expect(entityOptions.length).toBeGreaterThan(0);
      for (const { names, shown } of entityOptions) {
        expect(Object.keys(names).sort()).toEqual([...LANGS].sort());
        expect(shown).toBe(names[lang]);
      }
    }
  });
});

/**
 * The search page in Chromium: results as the site's cards (title link, kind, date, excerpt at
 * the site's font size), no layout shift while they arrive, a highlight that suits dark mode,
 * the query kept in the address, and result links below a path prefix; searching both
 * languages (results marked with their language), sorting by date, and filtering by kind,
 * week, month, tag and entity, also with no words.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prefixedBuild } from "../helpers/build.ts";
import { chromiumPath, newContext, openPage, serveSite, startSite, warnIfNoChromium, watchProblems, type LiveSite } from "../helpers/browser.ts";
import { indexedPosts, type IndexedPost } from "../helpers/indexed-posts.ts";

warnIfNoChromium();

const SEARCHES = [
  { lang: "zh", query: "智能体", kinds: ["周报", "日报", "深度"] },
  { lang: "en", query: "Claude", kinds: ["Weekly", "Daily", "Deep dive"] },
] as const;

/** Collects every layout shift from the start of the document, as Core Web Vitals count them. */
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: "layout-shift", buffered: true });
`;

interface Card {
  href: string;
  title: string;
  kind: string;
  datetime: string;
  date: string;
  excerpt: string;
  excerptFontSize: string;
  /** The language badge of a result in another language than the page's. */
  language: string;
  titleLang: string;
  hreflang: string;
}

/** Runs in the page: what each result card shows. */
const CARDS = `[...document.querySelectorAll(".search-result")].map((card) => {
  const excerpt = card.querySelector(".search-result__excerpt");
  const time = card.querySelector("time");
  return {
    href: card.querySelector(".card__title a")?.getAttribute("href") ?? "",
    title: card.querySelector(".card__title")?.textContent ?? "",
    kind: card.querySelector(".badge")?.textContent ?? "",
    datetime: time?.getAttribute("datetime") ?? "",
    date: time?.textContent ?? "",
    excerpt: excerpt?.textContent ?? "",
    excerptFontSize: excerpt ? getComputedStyle(excerpt).fontSize : "",
    language: card.querySelector(".search-result__lang")?.textContent ?? "",
    titleLang: card.querySelector(".card__title")?.getAttribute("lang") ?? "",
    hreflang: card.querySelector(".card__title a")?.getAttribute("hreflang") ?? "",
  };
})`;

const cardsOf = async (page: Page) => (await page.evaluate(CARDS)) as Card[];

/** The English digest of 2026-W06 that names Claude Opus. */
const EN_DIGEST = "/en/weekly/2026-w06-global-tech-and-ai-news/";

/** Waits until the status line has been written for the search in the address (and results, if any, are shown). */
async function settled(page: Page): Promise<void> {
  await page.locator(".search-status:not(:empty)").waitFor();
  await page.locator('.search-results:not([aria-busy="true"])').waitFor({ state: "attached" });
}

/** Changes a menu and waits for the address to show it and the results to follow. */
async function choose(page: Page, id: string, value: string, param: string): Promise<void> {
  await page.selectOption(`#${id}`, value);
  await page.waitForFunction(`(new URLSearchParams(location.search).get(${JSON.stringify(param)}) ?? "") === ${JSON.stringify(value)}`);
  await settled(page);
}

const optionsOf = (page: Page, id: string) => page.locator(`#${id} option`).allTextContents();
const sameItems = (a: string[], b: string[]) => expect([...a].sort()).toEqual([...b].sort());

describe.skipIf(!chromiumPath)("search in a browser", () => {
  let site: LiveSite;
  let posts: IndexedPost[];

  beforeAll(async () => {
    site = await startSite();
    posts = indexedPosts(site.build.outDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  for (const { lang, query, kinds } of SEARCHES) {
    it(`shows ${lang} results as cards with a title link, kind, date and a readable excerpt`, async () => {
      const context = await newContext(site.browser, site.server.origin, { width: 1280 });
      const page = await context.newPage();
      const problems = watchProblems(page, site.server.origin);
      try {
        await openPage(page, site.server.url(`/${lang}/search/?q=${encodeURIComponent(query)}`));
        const cards = await cardsOf(page);
        expect(cards.length).toBeGreaterThan(0);
        const bodySize = await page.evaluate("getComputedStyle(document.body).fontSize");
        for (const card of cards) {
          expect(card.href).toMatch(new RegExp(`^/${lang}/(weekly|daily|deep-dive)/[^/]+/$`));
          expect(card.title.trim()).not.toBe("");
          expect(kinds).toContain(card.kind);
          expect(card.datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(card.date).toMatch(lang === "zh" ? /^\d{4}年\d{1,2}月\d{1,2}日$/ : /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
          expect(card.excerpt.trim()).not.toBe("");
          expect(card.excerptFontSize).toBe(bodySize);
        }
        expect(await page.locator(".search-result mark").count()).toBeGreaterThan(0);
        // The live region says how many posts were found.
        expect(await page.getAttribute(".search-status", "role")).toBe("status");
        expect(await page.textContent(".search-status")).toContain(String(cards.length));
      } finally {
        await context.close();
      }
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    });
  }

  for (const width of [390, 1280]) {
    it(`does not shift the layout while results arrive (${width} px)`, async () => {
      const context = await newContext(site.browser, site.server.origin, { width });
      const page = await context.newPage();
      try {
        await page.addInitScript(RECORD_SHIFTS);
        // Pagefind's files arrive late, so the results come well after the page has painted.
        await page.route("**/pagefind/**", async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          await route.continue();
        });
        await openPage(page, site.server.url(`/zh/search/?q=${encodeURIComponent("智能体")}`));
        expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
        const shifts = (await page.evaluate(
          "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__shifts))))",
        )) as number[];
        const total = shifts.reduce((sum, value) => sum + value, 0);
        console.log(`search: cumulative layout shift ${total.toFixed(4)} at ${width} px`);
        expect(total).toBeLessThan(0.01);
      } finally {
        await context.close();
      }
    });
  }

  it("filters results by entity: every post about OpenAI, then the query among them", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 390 });
    const page = await context.newPage();
    const problems = watchProblems(page, site.server.origin);
    try {
      const timeline = [...site.build.page("/zh/topics/openai/").matchAll(/class="timeline__post"><a href="([^"]+)"/g)].map((m) => m[1]);
      expect(timeline.length).toBeGreaterThan(2);
      await openPage(page, site.server.url(`/zh/search/?entity=${encodeURIComponent("OpenAI")}`));
      expect(await page.inputValue("#search-entity")).toBe("OpenAI");
      expect((await cardsOf(page)).map((c) => c.href).sort()).toEqual([...timeline].sort());
      await openPage(page, site.server.url(`/zh/search/?q=${encodeURIComponent("智能体")}&entity=${encodeURIComponent("OpenAI")}`));
      const both = (await cardsOf(page)).map((c) => c.href);
      expect(both.length).toBeGreaterThan(0);
      for (const href of both) expect(timeline).toContain(href);
      // Choosing "any topic" searches every post again, and the address forgets the topic.
      await page.selectOption("#search-entity", "");
      await page.waitForFunction("!new URL(location.href).searchParams.has('entity')");
    } finally {
      await context.close();
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("marks matches in dark mode with a muted highlight, not the default yellow", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 390, colorScheme: "dark" });
    const page = await context.newPage();
    try {
      await openPage(page, site.server.url("/en/search/?q=Claude"));
      const { background, color } = (await page.evaluate(
        `(({ backgroundColor, color }) => ({ background: backgroundColor, color }))(getComputedStyle(document.querySelector(".search-result mark")))`,
      )) as { background: string; color: string };
      expect(background).not.toBe("rgb(255, 255, 0)");
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      // A dark background under light text: it reads as a highlight without glaring.
      expect(Math.max(r, g, b)).toBeLessThan(128);
      expect(color).not.toBe("rgb(0, 0, 0)");
    } finally {
      await context.close();
    }
  });

  it("keeps the query in the address as the reader types, and clears it with the field", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 1280 });
    const page = await context.newPage();
    const query = () => new URL(page.url()).searchParams.get("q");
    try {
      await openPage(page, site.server.url("/en/search/"));
      const input = page.getByLabel("Search terms", { exact: true });
      // The field has the focus on a search page opened without a query.
      expect(await page.evaluate(`document.activeElement?.id`)).toBe("search-input");
      await input.pressSequentially("Claude", { delay: 30 });
      await page.waitForFunction(`new URLSearchParams(location.search).get("q") === "Claude"`);
      await page.locator(".search-result").first().waitFor();
      expect(await page.textContent(".search-status")).toMatch(/^\d+ posts? found$/);
      // Reloading the address shows the same search.
      await openPage(page, page.url());
      expect(await input.inputValue()).toBe("Claude");
      expect(await page.locator(".search-result").count()).toBeGreaterThan(0);

      await input.fill("");
      await page.waitForFunction(`!new URLSearchParams(location.search).has("q")`);
      expect(query()).toBeNull();
      expect(await page.locator(".search-result").count()).toBe(0);
      expect(await page.textContent(".search-status")).toBe("");
    } finally {
      await context.close();
    }
  });

  it("finds the English W06 digest from the Chinese page once both languages are chosen, with its language shown", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 390 });
    const page = await context.newPage();
    const problems = watchProblems(page, site.server.origin);
    try {
      // A Latin name from the Chinese page: by default only Chinese posts, which name it too.
      await openPage(page, site.server.url("/zh/search/?q=Opus"));
      const own = await cardsOf(page);
      expect(own.length).toBeGreaterThan(0);
      for (const card of own) {
        expect(card.href).toMatch(/^\/zh\//);
        expect(card.language).toBe("");
      }
      expect(await page.inputValue("#search-lang")).toBe("");

      await choose(page, "search-lang", "all", "lang");
      const both = await cardsOf(page);
      const digest = both.find((card) => card.href === EN_DIGEST);
      expect(digest, both.map((card) => card.href).join(", ")).toBeDefined();
      // Marked as English for readers and screen readers; its date in the page's own format.
      expect(digest!.language).toBe("English");
      expect(digest!.titleLang).toBe("en");
      expect(digest!.hreflang).toBe("en");
      expect(digest!.date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      for (const card of both.filter((c) => c.href.startsWith("/zh/"))) expect([card.language, card.titleLang]).toEqual(["", ""]);
      expect(await page.textContent(".search-status")).toContain(String(both.length));
      sameItems(both.map((card) => card.href).filter((href) => href.startsWith("/zh/")), own.map((card) => card.href));

      // The address holds the choice: reloading it searches both languages again.
      await openPage(page, page.url());
      expect(await page.inputValue("#search-lang")).toBe("all");
      expect((await cardsOf(page)).map((card) => card.href)).toContain(EN_DIGEST);
    } finally {
      await context.close();
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("offers both languages when the English page finds nothing, then finds a Chinese name in the Chinese posts", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 1280 });
    const page = await context.newPage();
    const problems = watchProblems(page, site.server.origin);
    try {
      // 智谱 (Zhipu AI) is named in a Chinese brief; the English posts call it otherwise, if at all.
      await openPage(page, site.server.url(`/en/search/?q=${encodeURIComponent("智谱")}`));
      expect(await cardsOf(page)).toEqual([]);
      expect(await page.textContent(".search-status")).toMatch(/^No posts found\. Try other words\. Search posts in both languages$/);
      const offer = page.locator(".search-status a");
      expect(new URL((await offer.getAttribute("href"))!).searchParams.get("lang")).toBe("all");

      await offer.click();
      await page.waitForFunction(`new URLSearchParams(location.search).get("lang") === "all"`);
      await page.locator(".search-result").first().waitFor();
      await settled(page);
      const cards = await cardsOf(page);
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(card.href).toMatch(/^\/zh\//);
        expect([card.language, card.titleLang, card.hreflang]).toEqual(["中文", "zh-CN", "zh-CN"]);
        expect(card.date).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
      }
      const naming = posts.filter((post) => post.entities.includes("智谱")).map((post) => post.url);
      expect(naming.length).toBeGreaterThan(0);
      expect(cards.map((card) => card.href)).toEqual(expect.arrayContaining(naming));
      expect(await page.inputValue("#search-lang")).toBe("all");
      expect(await page.textContent(".search-status")).toBe(cards.length === 1 ? "1 post found" : `${cards.length} posts found`);
    } finally {
      await context.close();
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("lists every post of a kind with an empty query, offering only kinds, weeks, months and tags that have posts", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 390 });
    const page = await context.newPage();
    const problems = watchProblems(page, site.server.origin);
    const zh = () => posts.filter((post) => post.lang === "zh");
    const count = (values: string[]) => values.reduce<Record<string, number>>((n, v) => ({ ...n, [v]: (n[v] ?? 0) + 1 }), {});
    try {
      await openPage(page, site.server.url("/zh/search/"));
      // Menus list what the Chinese posts have, with counts, from Pagefind's filters.
      const kinds = count(zh().map((post) => post.kind));
      const kindNames: Record<string, string> = { weekly: "周报", daily: "日报", "deep-dive": "深度" };
      await page.waitForFunction(`document.querySelectorAll("#search-kind option").length === ${Object.keys(kinds).length + 1}`);
      expect(await optionsOf(page, "search-kind")).toEqual(["全部类型", ...["weekly", "daily", "deep-dive"].filter((k) => kinds[k]).map((k) => `${kindNames[k]}（${kinds[k]}）`)]);
      const weeks = count(zh().map((post) => post.week));
      const months = count(zh().map((post) => post.month));
      expect(await page.locator("#search-period optgroup").evaluateAll((groups) => groups.map((g) => g.getAttribute("label")))).toEqual(["按月", "按周"]);
      sameItems(
        await optionsOf(page, "search-period"),
        [
          "不限时间",
          ...Object.entries(months).map(([month, n]) => `${month.slice(0, 4)}年${Number(month.slice(5))}月（${n}）`),
          ...Object.entries(weeks).map(([week, n]) => `${week.slice(0, 4)} 年第 ${Number(week.slice(6))} 周（${n}）`),
        ],
      );
      sameItems(await optionsOf(page, "search-tag"), ["全部标签", ...Object.entries(count(zh().flatMap((post) => post.tags))).map(([tag, n]) => `${tag}（${n}）`)]);
      // Nothing is listed before a word or a filter is chosen.
      expect(await page.locator(".search-result").count()).toBe(0);

      // On a phone the filters fold under one button.
      expect(await page.locator("#search-kind").isVisible()).toBe(false);
      await page.getByText("筛选", { exact: true }).click();
      await choose(page, "search-kind", "daily", "kind");
      const dailies = zh().filter((post) => post.kind === "daily");
      const cards = await cardsOf(page);
      sameItems(cards.map((card) => card.href), dailies.map((post) => post.url));
      for (const card of cards) expect(card.kind).toBe("日报");
      expect(new URL(page.url()).searchParams.has("q")).toBe(false);
      expect(await page.textContent(".search-status")).toBe(`找到 ${dailies.length} 篇文章`);
      // The other kinds stay offered while one is chosen.
      expect((await optionsOf(page, "search-kind")).length).toBe(Object.keys(kinds).length + 1);
      expect(await page.textContent('.search-filters__count [aria-hidden="true"]')).toBe("1");
      expect(await page.textContent(".search-filters__count .visually-hidden")).toBe("（已选 1 项）");
      expect(await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).toBe(true);

      // The English page offers only the kinds its posts have.
      await openPage(page, site.server.url("/en/search/"));
      const enKinds = count(posts.filter((post) => post.lang === "en").map((post) => post.kind));
      const kindLabels: Record<string, string> = { weekly: "Weekly", daily: "Daily", "deep-dive": "Deep dive" };
      await page.waitForFunction(`document.querySelectorAll("#search-kind option").length === ${Object.keys(enKinds).length + 1}`);
      expect(await optionsOf(page, "search-kind")).toEqual(["All kinds", ...["weekly", "daily", "deep-dive"].filter((k) => enKinds[k]).map((k) => `${kindLabels[k]} (${enKinds[k]})`)]);
    } finally {
      await context.close();
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("filters by week, month and tag from the address, in both languages", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 1280 });
    const page = await context.newPage();
    const problems = watchProblems(page, site.server.origin);
    const hrefs = async () => (await cardsOf(page)).map((card) => card.href);
    try {
      const lastWeek = [...new Set(posts.map((post) => post.week))].sort().at(-1)!;
      await openPage(page, site.server.url(`/zh/search/?lang=all&week=${lastWeek}`));
      await settled(page);
      sameItems(await hrefs(), posts.filter((post) => post.week === lastWeek).map((post) => post.url));
      expect(await page.inputValue("#search-period")).toBe(`week:${lastWeek}`);

      const month = posts[0]!.month;
      await openPage(page, site.server.url(`/en/search/?lang=all&month=${month}`));
      await settled(page);
      sameItems(await hrefs(), posts.filter((post) => post.month === month).map((post) => post.url));
      expect(await page.locator("#search-period option:checked").textContent()).toMatch(/^[A-Z][a-z]+ \d{4} \(\d+\)$/);

      const tag = posts.find((post) => post.lang === "zh" && post.tags.some((t) => !posts.some((p) => p.lang === "en" && p.tags.includes(t))))!.tags.find((t) => !posts.some((p) => p.lang === "en" && p.tags.includes(t)))!;
      await openPage(page, site.server.url(`/en/search/?lang=all&tag=${encodeURIComponent(tag)}`));
      await settled(page);
      sameItems(await hrefs(), posts.filter((post) => post.tags.includes(tag)).map((post) => post.url));
      expect(await page.inputValue("#search-tag")).toBe(tag);
    } finally {
      await context.close();
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("sorts newest first on request, across both languages, and remembers the order", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 1280 });
    const page = await context.newPage();
    const problems = watchProblems(page, site.server.origin);
    const published = new Map(posts.map((post) => [post.url, post.published]));
    const times = async () => (await cardsOf(page)).map((card) => Date.parse(published.get(card.href)!));
    const isSorted = (values: number[], newestFirst: boolean) => values.every((v, i) => i === 0 || (newestFirst ? values[i - 1]! >= v : values[i - 1]! <= v));
    try {
      await openPage(page, site.server.url("/en/search/?q=AI&lang=all"));
      const byRelevance = await cardsOf(page);
      expect(new Set(byRelevance.map((card) => card.href.split("/")[1]))).toEqual(new Set(["zh", "en"]));

      await choose(page, "search-sort", "newest", "sort");
      const newest = await times();
      expect(newest.length).toBe(byRelevance.length);
      expect(isSorted(newest, true)).toBe(true);

      // Remembered: the same search opened without ?sort= is newest first again, and says so in the address.
      await openPage(page, site.server.url("/en/search/?q=AI&lang=all"));
      expect(await page.inputValue("#search-sort")).toBe("newest");
      expect(new URL(page.url()).searchParams.get("sort")).toBe("newest");
      expect(await times()).toEqual(newest);

      await choose(page, "search-sort", "oldest", "sort");
      expect(isSorted(await times(), false)).toBe(true);
      // Relevance again is forgotten as an order.
      await choose(page, "search-sort", "", "sort");
      await openPage(page, site.server.url("/en/search/?q=AI&lang=all"));
      expect(await page.inputValue("#search-sort")).toBe("");
    } finally {
      await context.close();
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("links results below the site's path prefix", async () => {
    const build = prefixedBuild();
    expect(build.code, build.stderr).toBe(0);
    // Served as a GitHub project page: the site lives below /blog/.
    const root = mkdtempSync(path.join(tmpdir(), "prefixed-serve-"));
    symlinkSync(build.outDir, path.join(root, "blog"));
    const server = await serveSite(root);
    const context = await newContext(site.browser, server.origin, { width: 1280 });
    const page = await context.newPage();
    const problems = watchProblems(page, server.origin);
    try {
      await openPage(page, server.url("/blog/en/search/?q=pictures"));
      const hrefs = (await cardsOf(page)).map((card) => card.href);
      expect(hrefs).toContain("/blog/en/daily/pictures/");
      for (const href of hrefs) expect(href).toMatch(/^\/blog\/en\//);
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });
});

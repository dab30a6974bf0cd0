/**
 * The search page in Chromium: results as the site's cards (title link, kind, date, excerpt at
 * the site's font size), no layout shift while they arrive, a highlight that suits dark mode,
 * the query kept in the address, and result links below a path prefix.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prefixedBuild } from "../helpers/build.ts";
import { chromiumPath, newContext, openPage, serveSite, startSite, warnIfNoChromium, watchProblems, type LiveSite } from "../helpers/browser.ts";

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
  };
})`;

const cardsOf = async (page: Page) => (await page.evaluate(CARDS)) as Card[];

describe.skipIf(!chromiumPath)("search in a browser", () => {
  let site: LiveSite;

  beforeAll(async () => {
    site = await startSite();
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

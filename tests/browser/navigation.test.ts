/**
 * A reader's paths through the built site in a real Chromium: language switcher, week
 * cross-links, search, keyboard focus.
 */
import { readdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromiumPath, newContext, pagesOf, startSite, warnIfNoChromium, watchProblems, type LiveSite, type PageProblems } from "../helpers/browser.ts";

warnIfNoChromium();

const ZH_WEEKLY = "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/";
const EN_WEEKLY = "/en/weekly/2026-w06-global-tech-and-ai-news/";
const ZH_DAILY_UNTRANSLATED = "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/";

describe.skipIf(!chromiumPath)("reading the site in a browser", () => {
  let site: LiveSite;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  const pathOf = (p: Page) => decodeURI(new URL(p.url()).pathname);

  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });
  beforeEach(async () => {
    context = await newContext(site.browser, site.server.origin, { width: 1280 });
    page = await context.newPage();
    problems = watchProblems(page, site.server.origin);
  });
  afterEach(async () => {
    await context.close();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });

  it("switches from a post to its translation", async () => {
    await page.goto(site.server.url(ZH_WEEKLY));
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await Promise.all([page.waitForURL(`**${EN_WEEKLY}`), page.click("a.lang-switch")]);
    expect(pathOf(page)).toBe(EN_WEEKLY);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    // …and back.
    await Promise.all([page.waitForURL(`**${ZH_WEEKLY}`), page.click("a.lang-switch")]);
    expect(pathOf(page)).toBe(ZH_WEEKLY);
  });

  it("switches from an untranslated post to the other language's week hub, with a visible note", async () => {
    await page.goto(site.server.url(ZH_DAILY_UNTRANSLATED));
    await expect(page.locator("#only-in-en").count()).resolves.toBe(0);
    await Promise.all([page.waitForURL("**/en/weeks/2026-w06/**"), page.click("a.lang-switch")]);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/en/weeks/2026-w06/");
    expect(url.hash).toBe("#only-in-zh");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    const note = page.locator("#only-in-zh");
    expect(await note.isVisible()).toBe(true);
    expect((await note.textContent())?.trim()).toMatch(/no English edition/);
    // Without the fragment the note stays hidden.
    await page.goto(site.server.url("/en/weeks/2026-w06/"));
    expect(await page.locator("#only-in-zh").isVisible()).toBe(false);
  });

  it("never switches language onto a missing page or an empty list, from any page type", async () => {
    // Each page's switch target, then each distinct target once.
    const sources = new Map<string, string[]>();
    for (const { lang, name, url } of pagesOf()) {
      await page.goto(site.server.url(url), { waitUntil: "domcontentloaded" });
      const switcher = page.locator("a.lang-switch");
      if (!(await switcher.count())) continue;
      const target = new URL((await switcher.getAttribute("href"))!, page.url()).href;
      sources.set(target, [...(sources.get(target) ?? []), `${lang} ${name}`]);
    }
    expect(sources.size).toBeGreaterThan(10);
    for (const [target, from] of sources) {
      const where = `${from.join(", ")} → ${decodeURI(target)}`;
      const response = await page.goto(target);
      expect(response?.status(), where).toBe(200);
      expect(await page.getAttribute("html", "lang"), where).toBe(from[0]!.startsWith("zh") ? "en" : "zh-CN");
      expect(await page.locator(".empty").count(), where).toBe(0);
      const hash = new URL(target).hash;
      if (hash) expect(await page.locator(hash).isVisible(), where).toBe(true);
    }
  });

  it("points from the English home to the Chinese daily briefs instead of an empty box", async () => {
    await page.goto(site.server.url("/en/"));
    const pointer = page.locator("#latest-daily ~ .pointer a");
    expect((await pointer.textContent())?.trim()).toMatch(/^2 daily briefs in Chinese/);
    await Promise.all([page.waitForURL("**/zh/daily/"), pointer.click()]);
    expect(await page.locator("article.card--daily").count()).toBe(2);
  });

  it("links every post from the archive of its language", async () => {
    const files = readdirSync(site.build.outDir, { recursive: true, encoding: "utf8" });
    for (const lang of ["zh", "en"]) {
      const posts = files
        .filter((f) => new RegExp(`^${lang}/(weekly|daily|deep-dive)/(?!page/)[^/]+/index\\.html$`).test(f))
        .map((f) => `/${f.replace(/index\.html$/, "")}`)
        .sort();
      expect(posts.length).toBeGreaterThan(0);
      await page.goto(site.server.url(`/${lang}/archive/`));
      const hrefs = await page.locator(".archive__posts a").evaluateAll((links) =>
        links.map((link) => decodeURI((link as unknown as { getAttribute(name: string): string | null }).getAttribute("href") ?? "")),
      );
      expect(hrefs.sort(), lang).toEqual(posts);
    }
  });

  it("goes from a weekly digest to a daily brief of its week and back", async () => {
    await page.goto(site.server.url(ZH_WEEKLY));
    const daily = page.locator('aside.week-links a[href^="/zh/daily/"]').first();
    const dailyHref = decodeURI((await daily.getAttribute("href"))!);
    await Promise.all([page.waitForURL(`**${dailyHref}`), daily.click()]);
    expect(pathOf(page)).toBe(dailyHref);
    expect(await page.locator("article.post--daily").count()).toBe(1);

    const back = page.locator(`aside.week-links a[href="${ZH_WEEKLY}"]`);
    expect(await back.count()).toBe(1);
    await Promise.all([page.waitForURL(`**${ZH_WEEKLY}`), back.click()]);
    expect(pathOf(page)).toBe(ZH_WEEKLY);
    expect(await page.locator("article.post--weekly").count()).toBe(1);
  });

  for (const { lang, query } of [
    { lang: "zh", query: "智能体" },
    { lang: "en", query: "Claude" },
  ] as const) {
    it(`searches from the ${lang} home and opens a ${lang} result`, async () => {
      await page.goto(site.server.url(`/${lang}/`));
      await Promise.all([page.waitForURL(`**/${lang}/search/`), page.click("a.site-search")]);
      expect(pathOf(page)).toBe(`/${lang}/search/`);
      await page.getByLabel(lang === "zh" ? "搜索关键词" : "Search terms").fill(query);
      await page.locator(".search-result").first().waitFor({ timeout: 20_000 });
      const hrefs = await page.locator(".search-results a[href]").evaluateAll((links) =>
        links.map((link) => (link as unknown as { getAttribute(name: string): string | null }).getAttribute("href") ?? ""),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, `result ${href} is in another language`).toMatch(new RegExp(`^/${lang}/`));

      const first = page.locator(".search-result .card__title a").first();
      const target = decodeURI((await first.getAttribute("href"))!).replace(/#.*$/, "");
      await Promise.all([page.waitForURL((url) => decodeURI(url.pathname) === target), first.click()]);
      expect(pathOf(page)).toMatch(new RegExp(`^/${lang}/(weekly|daily|deep-dive)/[^/]+/$`));
      expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
    });
  }

  for (const width of [1280, 390]) {
    it(`reaches the skip link, navigation (through the menu button on a phone), language switcher and search by Tab, each with a visible focus ring (${width} px)`, async () => {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(site.server.url("/zh/"));
      interface Focused {
        selector: string;
        href: string;
        outline: string;
        outlineWidth: number;
        boxShadow: string;
        visible: boolean;
      }
      const seen: Focused[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press("Tab");
        // Measured once the focused element's transitions (the skip link slides in) have ended
        // and its box is the same in two frames running.
        const focused = (await page.evaluate(`(async () => {
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          await frame();
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          for (let last = ""; ; ) {
            await Promise.all(el.getAnimations().map((animation) => animation.finished));
            await frame();
            const now = JSON.stringify(el.getBoundingClientRect());
            if (now === last) break;
            last = now;
          }
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return {
            selector: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : ""),
            href: el.getAttribute("href") || "",
            outline: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth) || 0,
            boxShadow: style.boxShadow,
            visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
          };
        })()`)) as Focused | null;
        if (focused) seen.push(focused);
        if (focused?.selector.startsWith("a.lang-switch")) break;
        // On a phone the menu is folded under its button: a keyboard user opens it with Enter.
        if (focused?.selector === "summary") await page.keyboard.press("Enter");
      }
      const hrefs = seen.map((f) => f.href);
      expect(seen[0]?.selector).toBe("a.skip-link");
      expect(hrefs).toEqual(
        expect.arrayContaining(["#main", "/zh/weekly/", "/zh/daily/", "/zh/deep-dive/", "/zh/archive/", "/zh/tags/", "/zh/search/"]),
      );
      expect(seen.some((f) => f.selector.startsWith("a.site-search"))).toBe(true);
      expect(seen.some((f) => f.selector === "summary")).toBe(width < 768);
      expect(seen.at(-1)?.selector).toMatch(/^a\.lang-switch/);
      for (const focused of seen) {
        const ring = (focused.outline !== "none" && focused.outlineWidth >= 2) || (focused.boxShadow !== "none" && focused.boxShadow !== "");
        expect(ring, `${focused.selector} ${focused.href} has no focus indicator`).toBe(true);
        expect(focused.visible, `${focused.selector} ${focused.href} is focused off screen`).toBe(true);
      }
      // The skip link leads to the main content.
      await page.goto(site.server.url("/zh/"));
      await page.keyboard.press("Tab");
      expect(await page.evaluate("document.activeElement.className")).toBe("skip-link");
      await page.keyboard.press("Enter");
      // A same-page navigation reaches page.url() a moment after the key press.
      await page.waitForURL((url) => url.hash === "#main", { timeout: 5_000 });
      expect(new URL(page.url()).hash).toBe("#main");
    });
  }
});

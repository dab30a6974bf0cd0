/**
 * A reader's paths through the built site in a real Chromium: language switcher, week
 * cross-links, search, keyboard focus.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromiumPath, newContext, startSite, warnIfNoChromium, watchProblems, type LiveSite, type PageProblems } from "../helpers/browser.ts";

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
      await Promise.all([page.waitForURL(`**/${lang}/search/`), page.click("a.site-nav__search")]);
      expect(pathOf(page)).toBe(`/${lang}/search/`);
      const input = page.locator(".pagefind-ui__search-input");
      await input.waitFor();
      await input.fill(query);
      await page.locator(".pagefind-ui__result").first().waitFor({ timeout: 20_000 });
      const hrefs = await page.locator(".pagefind-ui__results a[href]").evaluateAll((links) =>
        links.map((link) => (link as unknown as { getAttribute(name: string): string | null }).getAttribute("href") ?? ""),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, `result ${href} is in another language`).toMatch(new RegExp(`^/${lang}/`));

      const first = page.locator(".pagefind-ui__result-link").first();
      const target = decodeURI((await first.getAttribute("href"))!).replace(/#.*$/, "");
      await Promise.all([page.waitForURL((url) => decodeURI(url.pathname) === target), first.click()]);
      expect(pathOf(page)).toMatch(new RegExp(`^/${lang}/(weekly|daily|deep-dive)/[^/]+/$`));
      expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
    });
  }

  for (const width of [1280, 390]) {
    it(`reaches the skip link, navigation, language switcher and search by Tab, each with a visible focus ring (${width} px)`, async () => {
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
      }
      const hrefs = seen.map((f) => f.href);
      expect(seen[0]?.selector).toBe("a.skip-link");
      expect(hrefs).toEqual(
        expect.arrayContaining(["#main", "/zh/weekly/", "/zh/daily/", "/zh/deep-dive/", "/zh/archive/", "/zh/tags/", "/zh/search/"]),
      );
      expect(seen.some((f) => f.selector.startsWith("a.site-nav__search"))).toBe(true);
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

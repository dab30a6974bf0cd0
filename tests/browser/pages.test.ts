/**
 * Every page type in Chromium at phone and desktop widths: no console errors, no failed
 * requests for the site's own files, and a full-page screenshot of each under
 * test-results/screenshots/ for a human to look at.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, newContext, openPage, pagesOf, startSite, warnIfNoChromium, watchProblems, type LiveSite } from "../helpers/browser.ts";
import { ROOT } from "../helpers/seeds.ts";

warnIfNoChromium();

const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

describe.skipIf(!chromiumPath)("every page type in a browser", () => {
  let site: LiveSite;

  beforeAll(async () => {
    site = await startSite();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await site?.close();
  });

  for (const width of [390, 1280]) {
    it(`loads without console errors or failed requests and is screenshotted at ${width} px`, async () => {
      const context = await newContext(site.browser, site.server.origin, { width });
      const page = await context.newPage();
      const problems = watchProblems(page, site.server.origin);
      const written: string[] = [];
      try {
        for (const { lang, name, url } of pagesOf()) {
          await openPage(page, site.server.url(url));
          // Pages are what they claim: the right language, a title, one h1.
          expect(await page.getAttribute("html", "lang"), url).toBe(lang === "zh" ? "zh-CN" : "en");
          expect(await page.title(), url).not.toBe("");
          expect(await page.locator("h1").count(), url).toBe(1);
          const file = path.join(SCREENSHOTS, `${lang}-${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          written.push(path.basename(file));
          // Nothing wider than the viewport: no sideways scrolling on a phone.
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - innerWidth")) as number;
          expect(overflow, `${url} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        }
        // An unknown address answers 404 with the site's not-found page.
        const missing = site.server.url("/zh/no-such-page/");
        const response = await page.goto(missing);
        expect(response?.status()).toBe(404);
        expect(await page.locator("h1").textContent()).toContain("页面不存在");
        problems.failedRequests = problems.failedRequests.filter((failure) => failure !== `${missing}: HTTP 404`);
        problems.consoleErrors = problems.consoleErrors.filter((error) => !(error.includes("404") && error.endsWith(`(${missing})`)));
      } finally {
        await context.close();
      }
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
      expect(written.length).toBeGreaterThanOrEqual(20);
    });
  }
});

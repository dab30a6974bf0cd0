/**
 * The newsroom's pages in Chromium (the shared newsroom build): a corrected post, a part of a
 * series and the series pages fit a phone, load cleanly and pass axe-core in both colour schemes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { newsroomBuild } from "../helpers/build.ts";
import { axeSource, chromiumPath, launchBrowser, newContext, openPage, serveSite, warnIfNoChromium, watchProblems, type SiteServer } from "../helpers/browser.ts";

warnIfNoChromium();

const PAGES = ["/zh/daily/2026-03-03-corrected/", "/zh/daily/series-agents-2/", "/en/deep-dive/series-agents-1/", "/zh/series/智能体的一年/", "/en/series/a-year-of-agents/"];

describe.skipIf(!chromiumPath)("corrections and series in a browser", () => {
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveSite(newsroomBuild().outDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [colorScheme, width] of [["light", 1280], ["dark", 390]] as const) {
    it(`fit the screen and have no accessibility violations (${colorScheme}, ${width} px)`, { timeout: 120_000 }, async () => {
      const context = await newContext(browser, server.origin, { width, colorScheme });
      const page = await context.newPage();
      const problems = watchProblems(page, server.origin);
      const violations: string[] = [];
      try {
        for (const url of PAGES) {
          await openPage(page, server.url(url));
          expect(await page.locator("h1").count(), url).toBe(1);
          expect((await page.evaluate("document.documentElement.scrollWidth - innerWidth")) as number, url).toBeLessThanOrEqual(0);
          await page.addScriptTag({ content: axeSource() });
          const found = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => v.id + ": " + v.help + " " + v.nodes.map((n) => n.target.join(" ")).join(", ")))`)) as string[];
          violations.push(...found.map((v) => `${url}: ${v}`));
        }
        // The corrections box reads as a note above the text, not as part of the header's meta line.
        await openPage(page, server.url(PAGES[0]!));
        const box = await page.locator(".post__corrections").boundingBox();
        const body = await page.locator(".post__body").boundingBox();
        expect(box!.y + box!.height).toBeLessThanOrEqual(body!.y);
      } finally {
        await context.close();
      }
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
      expect(violations, violations.join("\n")).toEqual([]);
    });
  }
});

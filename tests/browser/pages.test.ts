/**
 * Every page type in Chromium, in both languages, light and dark colour schemes, phone and
 * desktop widths: no console errors or failed requests for the site's own files, no sideways
 * scrolling, no axe-core violation (WCAG 2 A/AA and best practices). Two passes, light at
 * 1280 px and dark at 390 px, give every scheme and every width the whole set of checks
 * (the site's colours do not change with the width, nor its layout with the scheme); each
 * pass visits every page once for all of them, and the two run side by side.
 * With SCREENSHOTS=1 (`npm run screenshots`) all four combinations run and each page is saved
 * as a full-page screenshot under test-results/screenshots/ for a human to look at.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeSource, chromiumPath, newContext, openPage, pagesOf, startSite, warnIfNoChromium, watchProblems, type LiveSite } from "../helpers/browser.ts";
import { ROOT } from "../helpers/seeds.ts";

warnIfNoChromium();

const SCREENSHOTS = process.env.SCREENSHOTS === "1" ? path.join(ROOT, "test-results", "screenshots") : undefined;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

const PASSES: { colorScheme: "light" | "dark"; width: number }[] = SCREENSHOTS
  ? [{ colorScheme: "light", width: 1280 }, { colorScheme: "light", width: 390 }, { colorScheme: "dark", width: 1280 }, { colorScheme: "dark", width: 390 }]
  : [{ colorScheme: "light", width: 1280 }, { colorScheme: "dark", width: 390 }];

// Runs in the page: axe on the whole document, violations only, in a form that survives serialisation.
const RUN_AXE = `axe.run(document, { resultTypes: ["violations"] }).then((results) =>
  results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
  })))`;

describe.skipIf(!chromiumPath)("every page type in a browser", () => {
  let site: LiveSite;
  let axe: string;

  beforeAll(async () => {
    site = await startSite();
    axe = axeSource();
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await site?.close();
  });

  for (const { colorScheme, width } of PASSES) {
    it.concurrent(`loads cleanly, fits the screen and has no accessibility violations (${colorScheme}, ${width} px)`, { timeout: 300_000 }, async () => {
      const context = await newContext(site.browser, site.server.origin, { width, colorScheme });
      const page = await context.newPage();
      const problems = watchProblems(page, site.server.origin);
      const violations: string[] = [];
      let visited = 0;
      try {
        for (const { lang, name, url } of pagesOf()) {
          await openPage(page, site.server.url(url));
          // Pages are what they claim: the right language, a title, one h1.
          expect(await page.getAttribute("html", "lang"), url).toBe(lang === "zh" ? "zh-CN" : "en");
          expect(await page.title(), url).not.toBe("");
          expect(await page.locator("h1").count(), url).toBe(1);
          // Nothing wider than the viewport: no sideways scrolling on a phone.
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - innerWidth")) as number;
          expect(overflow, `${url} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
          if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-${name}-${colorScheme}-${width}.png`), fullPage: true });
          visited++;
          await page.addScriptTag({ content: axe });
          for (const v of (await page.evaluate(RUN_AXE)) as Violation[]) {
            violations.push(`${url} [${colorScheme}, ${width} px] ${v.id} (${v.impact}): ${v.help}`);
            for (const node of v.nodes.slice(0, 5)) violations.push(`    ${node.target}\n      ${node.summary.replace(/\n/g, "\n      ")}`);
          }
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
      expect(violations, violations.join("\n")).toEqual([]);
      expect(visited).toBeGreaterThanOrEqual(20);
    });
  }
});

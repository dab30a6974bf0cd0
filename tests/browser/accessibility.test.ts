/**
 * axe-core's default rules (WCAG 2 A/AA and best practices) on every page type, in both
 * languages, light and dark colour schemes, phone and desktop widths. Expect no violation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeSource, chromiumPath, newContext, openPage, pagesOf, startSite, warnIfNoChromium, type LiveSite } from "../helpers/browser.ts";

warnIfNoChromium();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

// Runs in the page: axe on the whole document, violations only, in a form that survives serialisation.
const RUN_AXE = `axe.run(document, { resultTypes: ["violations"] }).then((results) =>
  results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
  })))`;

describe.skipIf(!chromiumPath)("accessibility (axe-core)", () => {
  let site: LiveSite;
  let source: string;

  beforeAll(async () => {
    site = await startSite();
    source = axeSource();
  });
  afterAll(async () => {
    await site?.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      it(`has no violations on any page type (${colorScheme}, ${width} px)`, async () => {
        const context = await newContext(site.browser, site.server.origin, { width, colorScheme });
        const page = await context.newPage();
        const counts: Record<string, number> = {};
        const found: string[] = [];
        try {
          for (const { lang, name, url } of pagesOf()) {
            await openPage(page, site.server.url(url));
            await page.addScriptTag({ content: source });
            const violations = (await page.evaluate(RUN_AXE)) as Violation[];
            counts[`${lang} ${name}`] = violations.length;
            for (const v of violations) {
              found.push(`${url} [${colorScheme}, ${width} px] ${v.id} (${v.impact}): ${v.help}`);
              for (const node of v.nodes.slice(0, 5)) found.push(`    ${node.target}\n      ${node.summary.replace(/\n/g, "\n      ")}`);
            }
          }
        } finally {
          await context.close();
        }
        if (found.length) {
          console.log(`axe violations per page (${colorScheme}, ${width} px): ${JSON.stringify(counts)}\n${found.join("\n")}`);
        }
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  }
});

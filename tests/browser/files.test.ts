/**
 * Every file copied to the site (assets/), opened directly in Chromium as a reader could open
 * it from a link: none runs a script. The page's Content-Security-Policy does not apply to a
 * file opened on its own, so what is tested is the file itself.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBuild, siteFiles } from "../helpers/build.ts";
import { chromiumPath, launchBrowser, serveSite } from "../helpers/browser.ts";

/**
 * Scripts Chromium compiled in the document's own world while the URL was open (Playwright's
 * helpers run in worlds of their own): any at all means the file ran code.
 */
async function scriptsRunBy(page: Page, url: string): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const scripts: string[] = [];
  session.on("Debugger.scriptParsed", (event: { url: string; scriptId: string; executionContextAuxData?: { isDefault?: boolean } }) => {
    if (event.executionContextAuxData?.isDefault) scripts.push(event.url || `inline script ${event.scriptId}`);
  });
  await session.send("Debugger.enable");
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(100);
  await session.detach();
  return scripts;
}

describe.skipIf(!chromiumPath)("files copied to the site", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("notices a script when a file runs one (the check can fail)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostile-file-"));
    writeFileSync(path.join(dir, "hostile.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title = "ran"</script></svg>');
    const server = await serveSite(dir);
    try {
      const page = await browser.newPage();
      expect(await scriptsRunBy(page, server.url("/hostile.svg"))).not.toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it("run no script when opened directly", { timeout: 60_000 }, async () => {
    const build = seedBuild();
    const files = siteFiles(build.outDir).filter((file) => file.startsWith("assets/"));
    expect(files.length).toBeGreaterThan(5);
    const server = await serveSite(build.outDir);
    try {
      for (const file of files) {
        const page = await browser.newPage();
        expect(await scriptsRunBy(page, server.url(`/${file}`)), file).toEqual([]);
        await page.close();
      }
    } finally {
      await server.close();
    }
  });
});

/**
 * The hostile fixtures of tests/helpers/xss.ts, built and opened in Chromium: every page,
 * feed and search result loads without running any script (no dialog, no window.__xss)
 * and without any handler attribute or script URL in its DOM. The page's own
 * Content-Security-Policy is bypassed, so what is tested is the markup, not the CSP.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileBuild, type BuildRun } from "../helpers/build.ts";
import { chromiumPath, launchBrowser, newContext, serveSite, warnIfNoChromium, type SiteServer } from "../helpers/browser.ts";
import { HOSTILE_POSTS, XSS_MARKER } from "../helpers/xss.ts";

warnIfNoChromium();

/** Time a page gets after "load" for handlers, timers and refreshes to fire. */
const SETTLE_MS = 500;

/**
 * Runs in the page: every element with a handler attribute, srcdoc/formaction, a
 * javascript:/vbscript:/data: URL, or an element no post may bring (outside the search page's
 * own form and its "more results" button); every script that is not the site's own or JSON-LD.
 */
const DOM_PROBLEMS = `(() => {
  const problems = [];
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc" || name === "formaction") problems.push("attribute " + name + ": " + describe(el));
      if (["href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "srcset"].includes(name)) {
        for (const candidate of name === "srcset" ? attr.value.split(",").map((c) => c.trim().split(/\\s+/)[0]) : [attr.value]) {
          let protocol = "";
          try { protocol = new URL(candidate, document.baseURI).protocol; } catch { continue; }
          if (["javascript:", "vbscript:", "data:"].includes(protocol)) problems.push("URL " + protocol + " in " + name + ": " + describe(el));
        }
      }
    }
  }
  const body = document.body;
  if (body) {
    for (const el of body.querySelectorAll("script, style, iframe, frame, object, embed, applet, form, input, button, textarea, select, meta, base, link, template, svg, math, noembed, xmp")) {
      if (el.closest("main > form.search-form") || el.matches("main > .search-output > button.search-more")) continue;
      problems.push("element in body: " + describe(el));
    }
  }
  for (const el of document.querySelectorAll("script")) {
    if (el.type === "application/ld+json") continue;
    const src = el.getAttribute("src") || "";
    let own = false;
    try { const url = new URL(src, location.href); own = url.origin === location.origin && /^\\/(assets|pagefind)\\/[\\w.-]+\\.js$/.test(url.pathname); } catch {}
    if (!own || el.textContent.trim()) problems.push("script: " + describe(el));
  }
  for (const el of document.querySelectorAll("base")) problems.push("base: " + describe(el));
  return problems;
})()`;

/** A site path as a URL path: each segment percent-encoded ("#", "'" and "&" included). */
const encodePath = (sitePath: string) => sitePath.split("/").map(encodeURIComponent).join("/");

/** A browser tab with what ran in it since its last visit. */
interface Tab {
  page: Page;
  dialogs: string[];
  errors: string[];
}

interface Visit {
  url: string;
  dialogs: string[];
  flag: string;
  dom: string[];
  errors: string[];
}

describe.skipIf(!chromiumPath)("hostile posts in a browser", () => {
  let build: BuildRun;
  let server: SiteServer;
  let browser: Browser;
  let context: BrowserContext;
  let main: Tab;
  let page: Page;

  async function openTab(): Promise<Tab> {
    const tab: Tab = { page: await context.newPage(), dialogs: [], errors: [] };
    tab.page.on("dialog", (dialog) => {
      tab.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    tab.page.on("pageerror", (error) => tab.errors.push(error.message));
    return tab;
  }

  beforeAll(async () => {
    build = hostileBuild();
    if (build.code !== 0) throw new Error(`build failed (exit ${build.code}):\n${build.stderr}`);
    server = await serveSite(build.outDir);
    browser = await launchBrowser();
    context = await newContext(browser, server.origin, { width: 1280 });
    main = await openTab();
    page = main.page;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** Opens a URL, lets it settle, and reports what ran and what the DOM holds. */
  async function visit(url: string, ready?: (page: Page) => Promise<void>, tab: Tab = main): Promise<Visit> {
    const { page, dialogs, errors } = tab;
    dialogs.length = 0;
    errors.length = 0;
    await page.goto(server.url(url), { waitUntil: "load" });
    if (ready) await ready(page);
    await page.waitForTimeout(SETTLE_MS);
    // Redirect pages (the root, old URLs) lead to another page of the same site, which is
    // checked in turn once it has settled; a busy machine may not have left yet.
    const requested = decodeURIComponent(new URL(url, server.origin).pathname);
    const moved = () => decodeURIComponent(new URL(page.url()).pathname) !== requested;
    const refreshing = await page.evaluate(`!!document.querySelector('meta[http-equiv="refresh" i]')`).catch(() => true);
    if (refreshing && !moved()) await page.waitForURL(() => moved(), { timeout: 10_000 });
    if (moved()) {
      await page.waitForLoadState("load");
      await page.waitForTimeout(SETTLE_MS);
      redirected.push(url);
    }
    if (new URL(page.url()).origin !== server.origin) throw new Error(`${url} left the site for ${page.url()}`);
    const flag = (await page.evaluate("typeof window.__xss")) as string;
    const dom = (await page.evaluate(DOM_PROBLEMS)) as string[];
    return { url, dialogs: [...dialogs], flag, dom, errors: [...errors] };
  }
  const redirected: string[] = [];

  const clean = (v: Visit) => ({ url: v.url, dialogs: [] as string[], flag: "undefined", dom: [] as string[], errors: [] as string[] });

  it("notices a script that runs (the harness is not blind)", async () => {
    main.dialogs.length = 0;
    await page.setContent('<img src="https://xss.test/x" onerror="window.__xss=1"><script>alert(1)</script>');
    await page.waitForTimeout(SETTLE_MS);
    expect(await page.evaluate("typeof window.__xss")).toBe("number");
    expect(main.dialogs).toEqual(["alert: 1"]);
    expect(((await page.evaluate(DOM_PROBLEMS)) as string[]).length).toBeGreaterThan(0);
  });

  it("runs nothing on any page of the site: posts, their tag and author pages, lists, hubs, aliases", async () => {
    const pages = readdirSync(build.outDir, { recursive: true, encoding: "utf8" })
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))
      .map((f) => `/${f.replace(/(^|\/)index\.html$/, "$1")}`)
      .sort();
    for (const url of Object.values(HOSTILE_POSTS)) expect(pages).toContain(url);
    expect(pages).toEqual(expect.arrayContaining(["/zh/", "/en/", "/zh/daily/", "/en/weekly/", "/zh/tags/script-window-xss-1-script/", "/zh/topics/evil/", "/en/topics/evil/", "/en/tags/svgonload-alert-1/"]));
    // Four tabs share the pages: each page still gets its full settle time on its own.
    const tabs = [main, ...(await Promise.all([openTab(), openTab(), openTab()]))];
    const visits: Visit[] = [];
    let next = 0;
    await Promise.all(
      tabs.map(async (tab) => {
        // Alias pages redirect at once: the page they lead to is checked.
        while (next < pages.length) visits.push(await visit(encodePath(pages[next++]!), undefined, tab));
      }),
    );
    await Promise.all(tabs.slice(1).map((tab) => tab.page.close()));
    expect(visits.length).toBe(pages.length);
    expect(visits).toEqual(visits.map(clean));
    expect(redirected.map((url) => decodeURIComponent(url)).sort()).toEqual(pages.filter((url) => url === "/" || url.startsWith("/old/") || url === "/en/tags/svgonload-alert-1/"));
  });

  it("runs nothing in the feeds, which Chromium shows as the feed itself, styled by feed.css", async () => {
    const feeds = readdirSync(build.outDir, { recursive: true, encoding: "utf8" })
      .map((f) => f.split(path.sep).join("/"))
      .filter((f) => (f.endsWith(".xml") && !f.endsWith("sitemap.xml")) || f.endsWith("feed.json"))
      .map((f) => `/${f}`);
    expect(feeds.length).toBeGreaterThan(10);
    const visits: Visit[] = [];
    for (const url of feeds) {
      const v = await visit(encodePath(url));
      visits.push(v);
      // The Atom and RSS feeds stay XML documents (no transform into a page) that show the hostile titles as text.
      if (url.endsWith("/en/feed.xml") || url.endsWith("/en/rss.xml")) {
        expect(await page.evaluate("document.documentElement.localName"), url).toBe(url.endsWith("rss.xml") ? "rss" : "feed");
        const titles = (await page.evaluate(`[...document.querySelectorAll("entry > title, item > title")].map((t) => t.textContent.trim())`)) as string[];
        expect(titles, url).toContain(`"><svg onload=alert(1)> Weekly </title><script>window.__xss=1</script> ${XSS_MARKER}`);
      }
    }
    expect(visits).toEqual(visits.map(clean));
  });

  it("runs nothing when search shows the hostile posts, their titles and excerpts", async () => {
    const visits: Visit[] = [];
    const searches: [string, number, string][] = [
      [`/zh/search/?q=${XSS_MARKER}`, 2, "<script>window.__xss=1</script>前置数据 <img src=https://xss.test/x onerror=alert(1)> xssprobe"],
      [`/en/search/?q=${XSS_MARKER}`, 3, `"><svg onload=alert(1)> Weekly </title><script>window.__xss=1</script> ${XSS_MARKER}`],
      ["/en/search/?q=script", 1, ""],
      ["/en/search/?q=onerror", 1, ""],
      ["/zh/search/?q=alert", 1, ""],
    ];
    for (const [url, atLeast, title] of searches) {
      const v = await visit(url, async (p) => {
        await p.locator(".search-result__excerpt").first().waitFor();
      });
      visits.push(v);
      expect(await page.locator(".search-result").count(), url).toBeGreaterThanOrEqual(atLeast);
      if (title) expect(await page.locator(".search-result .card__title").allTextContents(), url).toContain(title);
      // Excerpts show the hostile text as text: nothing but <mark> inside them.
      const tags = (await page.evaluate(
        `[...document.querySelectorAll(".search-result__excerpt *")].map((el) => el.tagName.toLowerCase())`,
      )) as string[];
      expect(tags.filter((t) => t !== "mark"), url).toEqual([]);
    }
    const shown = (await page.locator(".search-result__excerpt").allTextContents()).join(" ");
    expect(shown).toMatch(/alert/);
    expect(visits).toEqual(visits.map(clean));
  });
});

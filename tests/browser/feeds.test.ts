/**
 * Atom and RSS opened in Chromium, as a person who follows a feed link sees them. No XSLT
 * (Chromium is removing it): the feed's own elements, styled by assets/feed.css through an
 * xml-stylesheet instruction, under the site's real Content-Security-Policy (read from the
 * built _headers, not bypassed). Light at 390 px and dark at 1280 px cover each scheme and
 * width; with SCREENSHOTS=1 all four run and screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, startSite, warnIfNoChromium, watchProblems, type LiveSite } from "../helpers/browser.ts";
import { parseFeedTwice } from "../helpers/feeds.ts";
import { ROOT } from "../helpers/seeds.ts";

warnIfNoChromium();

const SCREENSHOTS = process.env.SCREENSHOTS === "1" ? path.join(ROOT, "test-results", "screenshots") : undefined;
const PASSES: { width: number; colorScheme: "light" | "dark" }[] = SCREENSHOTS
  ? [{ width: 390, colorScheme: "light" }, { width: 390, colorScheme: "dark" }, { width: 1280, colorScheme: "light" }, { width: 1280, colorScheme: "dark" }]
  : [{ width: 390, colorScheme: "light" }, { width: 1280, colorScheme: "dark" }];

interface Shown {
  root: string;
  note: string;
  title: string;
  entries: { title: string; titleShown: boolean; date: string; summaryShown: boolean }[];
  /** Parts that must stay hidden but are on screen. */
  extra: string[];
  overflow: number;
}

/** Runs in the feed's document: what the stylesheet puts on screen. */
const SHOWN = `(() => {
  const shown = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== "hidden";
  // The characters of an element's text that fit in its box: a date's box shows the day and clips the time.
  const fits = (el) => {
    const text = el.firstChild;
    const width = el.getBoundingClientRect().width;
    const range = document.createRange();
    range.setStart(text, 0);
    let n = 0;
    for (; n < text.length; n++) {
      range.setEnd(text, n + 1);
      if (range.getBoundingClientRect().width > width + 0.5) break;
    }
    return text.data.slice(0, n);
  };
  const root = document.documentElement;
  const title = root.querySelector("feed > title, channel > title");
  return {
    root: root.localName,
    note: getComputedStyle(root, "::before").content,
    title: shown(title) ? title.textContent.trim() : "",
    entries: [...root.querySelectorAll("entry, item")].map((entry) => {
      const title = entry.querySelector(":scope > title");
      return {
        title: title.textContent.trim(),
        titleShown: shown(title),
        date: fits(entry.querySelector(":scope > published, :scope > pubDate")),
        summaryShown: shown(entry.querySelector(":scope > summary, :scope > description")),
      };
    }),
    extra: [...root.querySelectorAll("content, encoded, id, guid, category, generator, updated, lastBuildDate, entry > link, item > link, language")]
      .filter(shown)
      .map((el) => el.localName),
    overflow: root.scrollWidth - innerWidth,
  };
})()`;

describe.skipIf(!chromiumPath)("feeds in a browser, without XSLT", () => {
  let site: LiveSite;
  let policy: string;

  beforeAll(async () => {
    site = await startSite();
    policy = /^\s*Content-Security-Policy: (.+)$/m.exec(site.build.page("/_headers"))![1]!;
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await site?.close();
  });

  const feeds = [
    { url: "/zh/feed.xml", format: "atom", root: "feed", date: "2026-02-06" },
    { url: "/zh/rss.xml", format: "rss", root: "rss", date: "Fri, 06 Feb 2026" },
  ] as const;

  for (const { width, colorScheme } of PASSES) {
    it(`shows the note, the feed's title and each entry's title, day and summary at ${width} px, ${colorScheme}`, async () => {
      const origin = site.server.origin;
      const context = await site.browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme });
      // The site's own responses carry its Content-Security-Policy, as the host sends it from _headers; other origins are offline.
      await context.route(
        () => true,
        async (route) => {
          if (new URL(route.request().url()).origin !== origin) return route.abort();
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
        },
      );
      const page = await context.newPage();
      const problems = watchProblems(page, origin);
      try {
        for (const feed of feeds) {
          const response = await page.goto(site.server.url(feed.url), { waitUntil: "load" });
          expect(response?.headers()["content-security-policy"]).toBe(policy);
          const shown = (await page.evaluate(SHOWN)) as Shown;
          const titles = parseFeedTwice(site.build.page(feed.url), feed.format).entries.map((e) => e.title.trim());

          // Still the feed document (an XSL transform would have made it an HTML page), styled by feed.css.
          expect(shown.root, feed.url).toBe(feed.root);
          expect(shown.note, feed.url).toContain("这是一个订阅源：把本页地址复制到 RSS 阅读器即可订阅。");
          expect(shown.note, feed.url).toContain("This is a feed: copy this page's address into a feed reader to subscribe.");
          expect(shown.title, feed.url).toBe("AI 新闻");
          expect(shown.entries.map((e) => e.title), feed.url).toEqual(titles);
          expect(shown.entries.every((e) => e.titleShown && e.summaryShown), feed.url).toBe(true);
          expect(shown.entries.find((e) => e.title === "AI架构突破与软件股震荡")!.date, feed.url).toBe(feed.date);
          expect(shown.extra, feed.url).toEqual([]);
          expect(shown.overflow, `${feed.url} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
          if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `feed-${feed.format}-${width}-${colorScheme}.png`) });
        }
      } finally {
        await context.close();
      }
      // A browser asks for /favicon.ico on any document that names no icon, and a feed cannot name one.
      const favicon = `${origin}/favicon.ico`;
      problems.failedRequests = problems.failedRequests.filter((failure) => !failure.startsWith(favicon));
      problems.consoleErrors = problems.consoleErrors.filter((error) => !error.endsWith(`(${favicon})`));
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    });
  }
});

/**
 * The W06 Chinese digest's email and WeChat editions (and the long brief's email, which has
 * a cover) as a reader sees them in Chromium: on a phone (390 px), at the email's own width
 * (600 px) and on a desktop (1280 px). Nothing scrolls sideways, the email frame is never wider
 * than 600 px, every headline is on screen, images fit their column, the preheader is hidden.
 * The files are opened as they are written; other origins (remote images) are offline.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { editionOf } from "../../src/editions/edition.ts";
import { emailHtml } from "../../src/editions/email.ts";
import { wechatHtml } from "../../src/editions/wechat.ts";
import { chromiumPath, launchBrowser, warnIfNoChromium } from "../helpers/browser.ts";
import { editionBlog, pageOf, squeeze } from "../helpers/editions.ts";
import { ROOT } from "../helpers/seeds.ts";

warnIfNoChromium();

const DIGEST = "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md";
const LONG_BRIEF = "content/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang.md";
const WIDTHS = [390, 600, 1280];

interface Shown {
  overflow: number;
  text: string;
  /** The email's frame: the table whose width="600" is for Outlook. */
  frame: number;
  /** Images wider than the element they sit in. */
  wideImages: string[];
  preheaderHeight: number;
}

/** Runs in the page: what a reader sees of it. */
const SHOWN = `(() => {
  const frame = document.querySelector('table[width="600"]');
  const wideImages = [...document.images].filter((img) => img.getBoundingClientRect().width > img.parentElement.getBoundingClientRect().width + 0.5).map((img) => img.src);
  const hidden = document.body.firstElementChild;
  return {
    overflow: document.documentElement.scrollWidth - innerWidth,
    text: document.body.innerText,
    frame: frame ? frame.getBoundingClientRect().width : 0,
    wideImages,
    preheaderHeight: hidden && hidden.localName === "div" ? hidden.getBoundingClientRect().height : -1,
  };
})()`;

describe.skipIf(!chromiumPath)("the editions in a browser", () => {
  let browser: Browser;
  const documents: { name: string; html: string; headlines: string[]; email: boolean }[] = [];

  beforeAll(async () => {
    const { blog, config } = editionBlog();
    const digest = pageOf(blog, DIGEST);
    const brief = pageOf(blog, LONG_BRIEF);
    const headlines = (page: typeof digest) => page.items.map((item) => squeeze(item.headline));
    documents.push(
      { name: "digest email", html: emailHtml(editionOf(digest, config)), headlines: headlines(digest), email: true },
      { name: "digest wechat", html: wechatHtml(editionOf(digest, config)), headlines: headlines(digest), email: false },
      { name: "long brief email", html: emailHtml(editionOf(brief, config)), headlines: headlines(brief), email: true },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it(`shows every headline without scrolling sideways at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
      await context.route(() => true, (route) => route.abort());
      try {
        for (const doc of documents) {
          const page = await context.newPage();
          await page.setContent(doc.html, { waitUntil: "load" });
          const shown = (await page.evaluate(SHOWN)) as Shown;
          expect(shown.overflow, `${doc.name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
          const text = squeeze(shown.text);
          expect(doc.headlines.length).toBeGreaterThan(0);
          expect(doc.headlines.filter((headline) => !text.includes(headline)), doc.name).toEqual([]);
          expect(shown.wideImages, doc.name).toEqual([]);
          if (doc.email) {
            expect(shown.frame, `${doc.name}: frame at ${width} px`).toBeLessThanOrEqual(600);
            // As wide as the screen less a margin of 8 px each side, up to 600 px.
            expect(shown.frame, doc.name).toBe(Math.min(600, width - 16));
            expect(shown.preheaderHeight, `${doc.name}: preheader`).toBe(0);
            expect(text, doc.name).toContain("退订");
          } else {
            expect(text).toContain("参考链接");
          }
          if (process.env.SCREENSHOTS === "1") {
            await page.screenshot({ path: path.join(ROOT, "test-results", "screenshots", `edition-${doc.name.replace(/ /g, "-")}-${width}.png`), fullPage: true });
          }
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }
});

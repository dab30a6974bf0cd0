/**
 * Reading posts in Chromium, as a reader on a phone or a desktop does: news items set apart,
 * one summary, a map of every long post, back to top, no stray spaces in Chinese, a header
 * on one row that stays in reach, reserved space for covers, and a clean printout.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, newContext, openPage, startSite, warnIfNoChromium, type LiveSite } from "../helpers/browser.ts";
import { ROOT } from "../helpers/seeds.ts";

warnIfNoChromium();

const STYLED_DAILY = "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/";
const LONG_DAILY = "/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/";
const ZH_POSTS = [
  STYLED_DAILY,
  LONG_DAILY,
  "/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao/",
  "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/",
  "/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu/",
];

describe.skipIf(!chromiumPath)("reading a post", () => {
  let site: LiveSite;
  const contexts = new Map<number, BrowserContext>();
  /** A fresh tab at a width; tabs of one width share a context. */
  const open = async (url: string, width: number): Promise<Page> => {
    if (!contexts.has(width)) contexts.set(width, await newContext(site.browser, site.server.origin, { width }));
    const page = await contexts.get(width)!.newPage();
    await openPage(page, site.server.url(url));
    return page;
  };

  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await site?.close();
  });

  it("sets news items apart: the headline on its own, each labelled line below the one before, the source after the bullets", async () => {
    const page = await open(STYLED_DAILY, 390);
    expect(await page.locator(".news-item").count()).toBeGreaterThanOrEqual(8);
    const first = page.locator(".news-item").first();
    const box = async (selector: string) => (await first.locator(selector).first().boundingBox())!;
    const headline = await box("h3");
    const explanation = await box(".news-field >> nth=0");
    const background = await box(".news-field >> nth=1");
    const list = await box("ul");
    const source = await box(".news-source");
    expect(await first.locator("h3").textContent()).toContain("江苏省拟立法促进人工智能产业发展");
    expect(explanation.y).toBeGreaterThanOrEqual(headline.y + headline.height);
    expect(background.y).toBeGreaterThanOrEqual(explanation.y + explanation.height);
    expect(source.y).toBeGreaterThanOrEqual(list.y + list.height);
    expect(await first.locator(".news-source a").textContent()).toBe("扬子晚报");
    // Labels are muted: another colour than the text they label.
    const colour = (selector: string) => first.locator(selector).first().evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
    expect(await colour(".news-field .news-label")).not.toBe(await colour(".news-field"));
  });

  it("never shows the summary twice, and a brief's card summary is its headlines", async () => {
    for (const url of ZH_POSTS) {
      const page = await open(url, 1280);
      const summary = page.locator(".post__summary");
      if ((await summary.count()) === 0) continue;
      const squash = (s: string | null) => (s ?? "").replace(/[\s\p{P}]/gu, "");
      const first = squash(await page.locator(".post__body > p, .post__body > .news-item p").first().textContent());
      expect(first.startsWith(squash(await summary.textContent())), url).toBe(false);
    }
    expect(await (await open(STYLED_DAILY, 390)).locator(".post__summary").count()).toBe(0);
    const list = await open("/zh/daily/", 1280);
    const card = list.locator(`.card:has(a[href="${STYLED_DAILY}"]) .card__summary`);
    expect(await card.textContent()).toBe("江苏省拟立法促进人工智能产业发展；工信部发布开源AI智能体安全风险预警；国内基础大模型密集发布新技术");
  });

  it("maps the long daily: collapsed on a phone, open beside the text on a wide screen, every entry a working link", async () => {
    const phone = await open(LONG_DAILY, 390);
    const toc = phone.locator("nav.toc");
    expect(await toc.locator("a").count()).toBeGreaterThanOrEqual(30);
    expect(await toc.locator("details").getAttribute("open")).toBeNull();
    expect(await toc.locator("ol").first().isVisible()).toBe(false);
    await toc.locator("summary").click();
    expect(await toc.locator("ol").first().isVisible()).toBe(true);
    // Sections on top, items nested under them, no numbers added to headings that carry their own.
    expect(await toc.locator(":scope details > ol > li").count()).toBe(8);
    expect(await toc.locator("ol").first().evaluate((ol) => ol.ownerDocument.defaultView!.getComputedStyle(ol).listStyleType)).toBe("none");

    const desktop = await open(LONG_DAILY, 1280);
    const wide = desktop.locator("nav.toc");
    expect(await wide.locator("ol").first().isVisible()).toBe(true);
    const [tocBox, bodyBox] = [(await wide.boundingBox())!, (await desktop.locator(".post__body").boundingBox())!];
    expect(tocBox.x).toBeGreaterThanOrEqual(bodyBox.x + bodyBox.width);
    const target = wide.locator("a").nth(5);
    const id = decodeURIComponent((await target.getAttribute("href"))!.slice(1));
    await target.click();
    const heading = desktop.locator(`[id="${id}"]`);
    await desktop.waitForFunction(`Math.abs(document.getElementById(${JSON.stringify(id)}).getBoundingClientRect().top) < innerHeight / 2`);
    // The heading is not hidden under the sticky header.
    const headingTop = (await heading.boundingBox())!.y;
    const headerBottom = (await desktop.locator(".site-header").boundingBox())!.height;
    expect(headingTop).toBeGreaterThanOrEqual(headerBottom - 1);
  });

  it("takes the reader back to the top from the end of a long post", async () => {
    const page = await open(LONG_DAILY, 390);
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
    const back = page.locator(".back-to-top a");
    await back.waitFor({ state: "visible" });
    await back.click();
    await page.waitForFunction("window.scrollY === 0");
    expect(await page.evaluate("window.scrollY")).toBe(0);
  });

  it("leaves no space where a line break in the source fell between two Chinese characters", async () => {
    const CJK = "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]";
    let checked = 0;
    for (const url of ZH_POSTS) {
      const source = readFileSync(path.join(ROOT, "content", url.replace(/\/$/, ".md")), "utf8");
      const pairs = [...source.matchAll(new RegExp(`(${CJK})\\n(${CJK})`, "gu"))].map((m) => `${m[1]} ${m[2]}`);
      const text = await (await open(url, 1280)).locator(".post__body").innerText();
      expect(pairs.filter((pair) => text.includes(pair)), url).toEqual([]);
      checked += pairs.length;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("keeps the phone header on one row with search in reach, also after scrolling", async () => {
    for (const url of [STYLED_DAILY, "/en/", "/zh/archive/"]) {
      const page = await open(url, 390);
      const header = (await page.locator(".site-header").boundingBox())!;
      expect(header.height, url).toBeLessThanOrEqual(64);
      await page.evaluate("window.scrollTo(0, 3000)");
      const search = page.locator(".site-search");
      expect(await search.isVisible()).toBe(true);
      expect((await search.boundingBox())!.y).toBeLessThan(64);
    }
    const page = await open(STYLED_DAILY, 390);
    await page.locator(".site-menu summary").click();
    await page.locator(".site-nav a", { hasText: "归档" }).click();
    await page.waitForURL("**/zh/archive/");
  });

  it("keeps a cover's space before the image arrives (remote images never load in tests)", async () => {
    const page = await open(LONG_DAILY, 390);
    const cover = (await page.locator(".post__cover img").boundingBox())!;
    expect(cover.height).toBeGreaterThan(cover.width / 2);
  });

  it("prints the text, with the page's address and date once at the top and no screen furniture", async () => {
    const page = await open(LONG_DAILY, 1280);
    await page.emulateMedia({ media: "print" });
    for (const selector of [".site-menu", ".site-search", ".lang-switch", "nav.toc", ".week-links", ".post__sources", ".back-to-top", ".telegram-card", ".post-nav"]) {
      const visible = await page.locator(selector).evaluateAll((els) => els.some((el) => el.ownerDocument.defaultView!.getComputedStyle(el).display !== "none"));
      expect(visible, selector).toBe(false);
    }
    expect(await page.locator(".post__print-url").textContent()).toMatch(/^https?:\/\/.+\/zh\/daily\/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang\/$/);
    expect(await page.locator(".post__print-url").isVisible()).toBe(true);
    expect(await page.locator(".post__meta time").isVisible()).toBe(true);
  });

  it("copies a news item's address from its # link and says so, with the item's story links under it", async () => {
    const context = await newContext(site.browser, site.server.origin, { width: 1280 });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.origin });
    const page = await context.newPage();
    await openPage(page, site.server.url(ZH_POSTS[3]!));
    const item = page.locator("li.news-item").first();
    await item.hover();
    await item.locator(".heading-anchor").click();
    await expect.poll(() => page.evaluate<string>("navigator.clipboard.readText()")).toBe(`${site.server.origin}${ZH_POSTS[3]}#${encodeURI("openai发布gpt-5-3-codex")}`);
    expect(await page.locator(".copy-status").textContent()).toBe("已复制本条链接");
    expect(decodeURIComponent(await page.evaluate<string>("location.hash"))).toBe("#openai发布gpt-5-3-codex");
    const story = item.locator(".item-story");
    expect(await story.textContent()).toMatch(/^首发于 2月6日日报/);
    const [itemBox, storyBox] = [(await item.boundingBox())!, (await story.boundingBox())!];
    expect(storyBox.y + storyBox.height).toBeLessThanOrEqual(itemBox.y + itemBox.height + 1);
    await context.close();
  });
});

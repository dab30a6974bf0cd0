/**
 * The editions of the blog's own posts: the W06 digests in both languages and the briefs of
 * Feb 6. Each carries every news item's headline and every source URL the post page has,
 * no script or stylesheet, and only absolute links.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { editionOf, type Edition } from "../../src/editions/edition.ts";
import { emailHtml, emailText } from "../../src/editions/email.ts";
import { textOf } from "../../src/editions/html.ts";
import { wechatHtml } from "../../src/editions/wechat.ts";
import type { PostPage } from "../../src/pages/posts/post.ts";
import { editionBlog, elementsOf, pageOf, squeeze, urlsOf } from "../helpers/editions.ts";

const DIGESTS = [
  "content/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao.md",
  "content/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu.md",
  "content/en/weekly/2026-w06-global-tech-and-ai-news.md",
  "content/en/weekly/2026-w06-multidimensional-upgrades.md",
];
const BRIEFS = ["content/zh/daily/2026-02-06-ai-hang-ye-dong-tai.md", "content/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang.md"];

interface Made {
  page: PostPage;
  edition: Edition;
  email: string;
  text: string;
  wechat: string;
}

let made: Map<string, Made>;

beforeAll(() => {
  const { blog, config } = editionBlog();
  made = new Map(
    [...DIGESTS, ...BRIEFS].map((file) => {
      const page = pageOf(blog, file);
      const edition = editionOf(page, config);
      return [file, { page, edition, email: emailHtml(edition), text: emailText(edition), wechat: wechatHtml(edition) }];
    }),
  );
});

/** Every http(s) URL a document shows, as a link or as text. */
const shownUrls = (html: string) => new Set([...urlsOf(html), ...(textOf(html).match(/https?:\/\/[^\s<>"]+/g) ?? [])]);

it("the posts have news items to check: every post but the two prose digests", () => {
  expect([...made].filter(([, m]) => m.page.items.length > 0).map(([file]) => file)).toEqual([DIGESTS[0], DIGESTS[2], ...BRIEFS]);
});

describe.each([...DIGESTS, ...BRIEFS])("the editions of %s", (file) => {
  it("carry every news item's headline and every source URL, and every link the body cites", () => {
    const { page, email, text, wechat } = made.get(file)!;
    // The prose digests ("multidimensional upgrades") have no items; their body's own links must still all be there.
    const headlines = page.items.map((item) => squeeze(item.headline));
    const cited = urlsOf(page.html).filter((url) => /^https?:\/\//.test(url));
    const sources = [...new Set([...page.items.flatMap((item) => item.sources), ...cited])];
    const outputs: [name: string, shown: string, urls: string[]][] = [
      ["email", squeeze(textOf(email)), urlsOf(email)],
      ["text", squeeze(text), text.match(/https?:\/\/[^\s\]]+/g) ?? []],
      ["wechat", squeeze(textOf(wechat)), [...shownUrls(wechat)]],
    ];
    for (const [name, shown, urls] of outputs) {
      expect(headlines.filter((headline) => !shown.includes(headline)), `${name}: headlines missing`).toEqual([]);
      expect(sources.filter((url) => !urls.includes(url)), `${name}: sources missing`).toEqual([]);
    }
  });

  it("carry no script or stylesheet, and the WeChat one no class or id", () => {
    const { email, wechat } = made.get(file)!;
    for (const html of [email, wechat]) expect(html).not.toMatch(/<script|<style|<link\b|<iframe|\son[a-z]+=/i);
    expect(wechat).not.toMatch(/\sclass=|\sid=/);
    expect(elementsOf(wechat).some((e) => "class" in e.attribs || "id" in e.attribs)).toBe(false);
  });

  it("link and show images only by absolute URLs", () => {
    const { email, wechat, edition } = made.get(file)!;
    const relative = (urls: string[]) => urls.filter((url) => !/^https?:\/\//.test(url));
    expect(relative(urlsOf(email)), "email").toEqual([edition.footer.unsubscribeUrl]);
    expect(relative(urlsOf(wechat)), "wechat").toEqual([]);
    // The site's own links are on its https address; some sources cite http:// pages as they are.
    const own = [...urlsOf(email), ...shownUrls(wechat)].filter((url) => url.includes("example.com"));
    expect(own.filter((url) => !url.startsWith("https://example.com/"))).toEqual([]);
    for (const img of [...elementsOf(email), ...elementsOf(wechat)].filter((e) => e.name === "img")) {
      expect(img.attribs.src).toMatch(/^https:\/\//);
      expect(img.attribs.style).toMatch(/max-width: ?100%/);
    }
  });
});

describe("the week's links", () => {
  it("a digest's editions link its week's briefs by absolute URL", () => {
    const { page, email, text, wechat } = made.get(DIGESTS[0]!)!;
    const briefs = page.weekDailies.map((link) => `https://example.com${link.url}`);
    expect(briefs).toHaveLength(2);
    for (const url of briefs) {
      expect(urlsOf(email)).toContain(url);
      expect(text).toContain(url);
      expect(textOf(wechat)).toContain(url);
    }
    expect(squeeze(textOf(email))).toContain("本周日报");
  });

  it("a brief's editions link its week's digests", () => {
    const { page, email } = made.get(BRIEFS[0]!)!;
    expect(page.weekDigests.length).toBeGreaterThan(0);
    for (const link of page.weekDigests) expect(urlsOf(email)).toContain(`https://example.com${link.url}`);
  });

  it("the long brief shows its cover", () => {
    const { email, wechat } = made.get(BRIEFS[1]!)!;
    const cover = "https://ssl.aicode.cc/n8n/2026/02-05/23-36-00-4KXnMVuY.png";
    expect(urlsOf(email)).toContain(cover);
    expect(urlsOf(wechat)).toContain(cover);
  });
});

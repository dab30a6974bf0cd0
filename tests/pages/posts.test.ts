import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { buildSite } from "../../src/site/site.ts";
import { post, realPosts } from "../helpers/content.ts";

const blog = buildSite(realPosts(), config);
const page = (url: string) => blog.pages.posts.find((p) => p.url === url)!;

const W06_ZH_A = "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/";
const W06_ZH_B = "/zh/weekly/2026-w06-ren-gong-zhi-neng-zhou-bao-duo-wei-sheng-ji-qu/";
const DAILY_A = "/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/";
const DAILY_B = "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/";
const DEEP = "/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao/";

describe("cross-links between a week's digest and its briefs", () => {
  it("lists both 2026-02-06 daily briefs on each W06 digest", () => {
    for (const url of [W06_ZH_A, W06_ZH_B]) {
      expect(page(url).weekDailies.map((l) => l.url).sort()).toEqual([DAILY_A, DAILY_B].sort());
    }
  });

  it("links each brief back to the W06 digests", () => {
    expect(page(DAILY_A).weekDigests.map((l) => l.url)).toEqual([W06_ZH_A, W06_ZH_B]);
  });

  it("puts the 2026-02-10 deep dive in W07, whose hub it links since W07 has no digest", () => {
    expect(page(DEEP).weekDigests).toEqual([]);
    expect(page(DEEP).weekHub).toBe("/zh/weeks/2026-w07/");
    const hub = blog.pages.weeks.find((w) => w.url === "/zh/weeks/2026-w07/")!;
    expect(hub.deepDives.map((p) => p.url)).toEqual([DEEP]);
    expect(hub.prevWeek).toBe("/zh/weeks/2026-w06/");
    expect(hub.nextWeek).toBeUndefined();
  });

  it("keeps previous/next inside one language and kind", () => {
    expect(page(W06_ZH_A).prev).toEqual({ url: W06_ZH_B, title: "2026年W06人工智能周报：多维升级驱动AI生态加速演进" });
    expect(page(W06_ZH_B).next?.url).toBe(W06_ZH_A);
    expect(page(DEEP).prev).toBeUndefined();
    for (const p of blog.pages.posts) {
      for (const neighbour of [p.prev, p.next].filter(Boolean)) {
        expect(neighbour!.url.startsWith(`/${p.lang}/${p.post.kind}/`)).toBe(true);
      }
    }
  });
});

describe("translations and the language switcher", () => {
  it("pairs the W06 digests with their English editions by translationKey", () => {
    expect(page(W06_ZH_A).alternates).toEqual({ zh: W06_ZH_A, en: "/en/weekly/2026-w06-global-tech-and-ai-news/" });
    expect(page(W06_ZH_A).switchTo).toEqual({ lang: "en", url: "/en/weekly/2026-w06-global-tech-and-ai-news/", exact: true });
  });

  it("sends an untranslated post to the other language's week hub with a note", () => {
    expect(page(DAILY_A).switchTo).toEqual({ lang: "en", url: "/en/weeks/2026-w06/#only-in-zh", exact: false });
    expect(page(DAILY_A).alternates).toEqual({ zh: DAILY_A });
  });

  it("falls back to the other language's home when neither that week nor that kind has posts there", () => {
    expect(page(DEEP).switchTo.url).toBe("/en/#only-in-zh");
    expect(page(DEEP).untranslated).toEqual({ lang: "en", url: "/en/", scope: "home" });
  });

  it("names the nearest page for the translation note only when there is no translation", () => {
    expect(page(DAILY_A).untranslated).toEqual({ lang: "en", url: "/en/weeks/2026-w06/", scope: "week" });
    expect(page(W06_ZH_A).untranslated).toBeUndefined();
  });

  it("pairs posts by the same path under zh/ and en/", () => {
    const zh = post("zh/daily/same.md", "---\ntitle: 中文\ndate: 2026-03-02\n---\nx\n");
    const en = post("en/daily/same.md", "---\ntitle: English\ndate: 2026-03-02\n---\nx\n");
    const built = buildSite([zh, en], config);
    expect(built.pages.posts.find((p) => p.lang === "zh")!.switchTo).toMatchObject({ exact: true, url: "/en/daily/2026-03-02-english/" });
  });
});

describe("the subscribe line that ends a post", () => {
  it("offers the feeds of the post's language and kind, and every feed", () => {
    expect(page(DAILY_A).subscribe).toEqual({
      feeds: [
        { url: "/zh/feed.xml", label: "全部中文文章", title: "全部中文文章的 Atom 订阅源" },
        { url: "/zh/daily/feed.xml", label: "日报", title: "日报的 Atom 订阅源" },
      ],
      more: "/zh/feeds/",
    });
    const en = page("/en/weekly/2026-w06-global-tech-and-ai-news/").subscribe;
    expect(en.feeds.map((f) => [f.url, f.label])).toEqual([["/en/feed.xml", "All posts in English"], ["/en/weekly/feed.xml", "Weekly digests"]]);
    expect(en.more).toBe("/en/feeds/");
  });

  it("adds the email sign-up when the site has one, and never otherwise", () => {
    expect(page(DEEP).subscribe.email).toBeUndefined();
    const withEmail = buildSite(realPosts(), { ...config, emailSubscribeUrl: "https://buttondown.com/ainews" });
    expect(withEmail.pages.posts.every((p) => p.subscribe.email === "https://buttondown.com/ainews")).toBe(true);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shareImageHtml, lightTokens } from "../../scripts/share-image.ts";
import { LANGS, site as config } from "../../src/config.ts";
import { DEFAULT_SHARE_IMAGE, defaultShareImage, newsArticle, newsArticleJsonLd } from "../../src/pages/metadata.ts";
import { buildSite } from "../../src/site/site.ts";
import { post } from "../helpers/content.ts";
import { ROOT } from "../helpers/seeds.ts";

/** Width and height from a PNG's signature and IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const withCover = post(
  "zh/daily/cover.md",
  "---\ntitle: 有封面的日报\ndate: 2026-02-06\nslug: cover\ncover: { src: /assets/c.png, alt: 封面说明 }\n---\n正文。\n",
);
const without = post("en/daily/plain.md", "---\ntitle: A plain brief\ndate: 2026-02-06\nslug: plain\n---\nBody.\n");
const blog = buildSite([withCover, without], config);
const page = (slug: string) => blog.pages.posts.find((p) => p.url.endsWith(`/${slug}/`))!;

describe("the default share image", () => {
  it("is the committed 1200×630 PNG at the path the pages name", () => {
    const file = path.join(ROOT, DEFAULT_SHARE_IMAGE.src);
    expect(pngSize(readFileSync(file))).toEqual({ width: DEFAULT_SHARE_IMAGE.width, height: DEFAULT_SHARE_IMAGE.height });
    expect(DEFAULT_SHARE_IMAGE).toEqual({ src: "/assets/share.png", width: 1200, height: 630 });
  });

  it("has alt text in each language naming the site in both languages and the tagline", () => {
    expect(defaultShareImage("zh", config)).toEqual({ ...DEFAULT_SHARE_IMAGE, alt: "AI 新闻 · AI News：人工智能周报、日报与深度报告" });
    expect(defaultShareImage("en", config).alt).toBe("AI 新闻 · AI News: Weekly digests, daily briefs and deep dives on artificial intelligence");
  });

  it("is handed to the templates once per language in the site index", () => {
    for (const lang of LANGS) expect(blog.shareImage[lang]).toEqual(defaultShareImage(lang, config));
  });

  it("is rendered from local fonts and the stylesheet's light colours, with nothing fetched", () => {
    const css = readFileSync(path.join(ROOT, "assets/site.css"), "utf8");
    const tokens = lightTokens(css);
    expect(tokens).toMatchObject({ bg: "#ffffff", accent: "#0b57d0", weekly: "#2f6fdb", daily: "#2a9459", deep: "#7c4ddb" });
    const html = shareImageHtml(css);
    expect(html).not.toMatch(/https?:|@import|@font-face|url\(/);
    for (const text of ["AI 新闻", "AI News", config.description.zh, config.description.en, "周报", "Deep dive", tokens.accent!]) {
      expect(html).toContain(text);
    }
  });
});

describe("a post's share image", () => {
  it("is drawn beside the post's page, 1200×630, its alt text the kind, title and site", () => {
    expect(page("cover").shareImage).toMatchObject({ src: "/zh/daily/cover/share.png", width: 1200, height: 630, alt: "日报：有封面的日报（AI 新闻）" });
    expect(page("plain").shareImage!.alt).toBe("Daily: A plain brief (AI News)");
  });
});

describe("newsArticle", () => {
  it("gives a post with a cover its share image, then the cover, as absolute images", () => {
    expect(newsArticle(page("cover"), config).image).toEqual(["https://example.com/zh/daily/cover/share.png", "https://example.com/assets/c.png"]);
  });

  it("gives a post without a cover its share image", () => {
    expect(newsArticle(page("plain"), config).image).toEqual(["https://example.com/en/daily/plain/share.png"]);
  });

  it("gives every page the site's default image when share images are off", () => {
    const off = buildSite([withCover, without], { ...config, shareImages: false });
    expect(off.pages.posts.every((p) => p.shareImage === undefined)).toBe(true);
    expect(off.pages.tags.every((p) => p.shareImage === undefined)).toBe(true);
    expect(newsArticle(off.pages.posts.find((p) => p.url.endsWith("/plain/"))!, config).image).toEqual(["https://example.com/assets/share.png"]);
  });

  it("puts the image below a path prefix", () => {
    const prefixed = { ...config, url: "https://user.github.io/blog/" };
    expect(newsArticle(page("plain"), prefixed).image).toEqual(["https://user.github.io/blog/en/daily/plain/share.png"]);
    expect(newsArticle(page("cover"), prefixed).image).toEqual(["https://user.github.io/blog/zh/daily/cover/share.png", "https://user.github.io/blog/assets/c.png"]);
  });

  it("keeps an absolute cover URL as it is", () => {
    const remote = post("zh/daily/remote.md", "---\ntitle: 远程封面\ndate: 2026-02-06\nslug: remote\ncover: https://img.example.org/a.png\n---\n正文。\n");
    expect(newsArticle(buildSite([remote], config).pages.posts[0]!, config).image).toEqual(["https://example.com/zh/daily/remote/share.png", "https://img.example.org/a.png"]);
  });

  it("serializes as script-safe JSON with the rest of the article", () => {
    const json = newsArticleJsonLd(page("plain"), config);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toMatchObject({
      "@type": "NewsArticle",
      headline: "A plain brief",
      inLanguage: "en",
      url: "https://example.com/en/daily/plain/",
      image: ["https://example.com/en/daily/plain/share.png"],
    });
  });
});

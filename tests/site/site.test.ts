import { describe, expect, it } from "vitest";
import { LANGS, site as config, type Lang } from "../../src/config.ts";
import { PAGE_TYPES } from "../../src/pages/index.ts";
import { inEveryLang, sitemapLine, switchToSame, type PageBase, type PageType } from "../../src/pages/page-type.ts";
import { buildSite } from "../../src/site/site.ts";
import { realPosts } from "../helpers/content.ts";

const aboutUrl = (lang: Lang) => `/${lang}/about/`;

/** A trivial page type, registered beside the built-in ones: a page per language and a feed of the newest weekly digest. */
const aboutPages: PageType<"abouts", PageBase & { digests: number }> = {
  name: "abouts",
  pages: (context) =>
    LANGS.map((lang) => ({ lang, url: aboutUrl(lang), alternates: inEveryLang(aboutUrl), switchTo: switchToSame(lang, aboutUrl), digests: context.byKind[lang].weekly.length })),
  sitemap: sitemapLine,
  feeds: (collections) => [
    { url: "/zh/about/feed.xml", format: "atom", lang: "zh", scope: "kind", title: "About", description: "About", pageUrl: aboutUrl("zh"), entries: collections.byKind.zh.weekly.slice(0, 1) },
  ],
};

describe("buildSite: a loop over the registered page types", () => {
  const posts = realPosts();

  it("builds every registered page type under its name, and only those", () => {
    const site = buildSite(posts, config);
    expect(Object.keys(site.pages)).toEqual(PAGE_TYPES.map((type) => type.name));
    expect(site.pages.posts).toHaveLength(posts.length);
  });

  it("gives a newly registered page type its pages, sitemap lines and feeds, with no other change", () => {
    const before = buildSite(posts, config);
    const after = buildSite(posts, config, { pageTypes: [...PAGE_TYPES, aboutPages] });
    expect(after.pages.abouts.map((page) => [page.url, page.digests])).toEqual([
      ["/zh/about/", 2],
      ["/en/about/", 2],
    ]);
    expect(after.sitemap).toContain("<loc>https://example.com/zh/about/</loc>");
    expect(after.sitemap.replace(/ {2}<url>\n {4}<loc>https:\/\/example\.com\/(zh|en)\/about\/<\/loc>[\s\S]*?<\/url>\n/g, "")).toBe(before.sitemap);
    // Its feed is rendered and listed on the feeds page like every other.
    expect(after.pages.feedFiles.find((file) => file.url === "/zh/about/feed.xml")?.body).toContain("<title type=\"text\">About</title>");
    const listedFeeds = after.pages.feedIndexes.find((page) => page.lang === "zh")!.groups.flatMap((group) => group.feeds.map((feed) => feed.url));
    expect(listedFeeds).toContain("/zh/about/feed.xml");
    expect(after.pages.posts).toEqual(before.pages.posts);
  });

  it("leaves pages of types without a sitemap line (redirects, 404s) out of the sitemap", () => {
    const site = buildSite(posts, config);
    expect(site.sitemap).not.toContain("404.html");
    expect(site.sitemap).toContain("<loc>https://example.com/zh/search/</loc>");
  });

  it("refuses two page types with one name: their templates would paginate over the same models", () => {
    expect(() => buildSite(posts, config, { pageTypes: [...PAGE_TYPES, { ...aboutPages, name: "posts" }] })).toThrow(/two page types are named "posts"/);
  });

  it("names the post whose old URL is the address of another page, instead of letting the redirect overwrite it", () => {
    const [first, ...rest] = posts;
    const moved = { ...first!, aliases: ["/en/tags/", "/zh/weeks/"] };
    const site = buildSite([moved, ...rest], config);
    expect(site.problems).toContainEqual({ file: moved.sourcePath, field: "aliases", message: "/en/tags/ would overwrite en/tags/index.html (tagIndexes: /en/tags/); choose an old URL that no page or file of the site has" });
    expect(site.problems.filter((p) => p.field === "aliases")).toHaveLength(1);
  });

  it("refuses two page types that write one file: a bug, not a content problem", () => {
    const shadow = { ...aboutPages, name: "shadow", pages: () => [{ url: "/zh/search/" }] } as unknown as PageType;
    expect(() => buildSite(posts, config, { pageTypes: [...PAGE_TYPES, shadow] })).toThrow("searches (/zh/search/) and shadow (/zh/search/) both write zh/search/index.html; each file of the site needs one owner");
  });
});

import { describe, expect, it } from "vitest";
import { absolutizeHtml, absoluteUrl, resolveUrl } from "../../src/feeds/absolute.ts";

const SITE = "https://user.github.io/blog/";
const PAGE = "/zh/daily/post/";

describe("absolutizeHtml", () => {
  it("makes every href, src and srcset candidate absolute", () => {
    const html = [
      '<a href="/zh/tags/ai/">t</a>',
      '<a href="#要点">f</a>',
      '<img src="a.png" srcset="a.png 1x, /b.png 2x, ../c.png 3x" alt="">',
      '<picture><source srcset="/s.webp 1x,/t.webp 2x" type="image/webp"><img src="/s.png" alt=""></picture>',
    ].join("");
    expect(absolutizeHtml(html, PAGE, SITE)).toBe(
      [
        '<a href="https://user.github.io/blog/zh/tags/ai/">t</a>',
        '<a href="https://user.github.io/blog/zh/daily/post/#要点">f</a>',
        '<img src="https://user.github.io/blog/zh/daily/post/a.png" srcset="https://user.github.io/blog/zh/daily/post/a.png 1x, https://user.github.io/blog/b.png 2x, https://user.github.io/blog/zh/daily/c.png 3x" alt="">',
        '<picture><source srcset="https://user.github.io/blog/s.webp 1x,https://user.github.io/blog/t.webp 2x" type="image/webp"><img src="https://user.github.io/blog/s.png" alt=""></picture>',
      ].join(""),
    );
  });

  it("leaves URLs with a scheme and everything else in the markup alone", () => {
    const html = '<p title="src=&quot;/x&quot;">a</p><a href="https://x.test/a,b?c=1&amp;d=2">x</a><a href="mailto:a@x.test">m</a><img srcset="https://x.test/c,d.png 2x" alt="">';
    expect(absolutizeHtml(html, PAGE, SITE)).toBe(html);
  });
});

describe("resolveUrl", () => {
  const page = "https://example.com/zh/x/";
  it("resolves site paths below the site URL and the rest against the page", () => {
    expect(resolveUrl("/a.png", page, "https://example.com/")).toBe("https://example.com/a.png");
    expect(resolveUrl("a.png", page, "https://example.com/")).toBe("https://example.com/zh/x/a.png");
    expect(resolveUrl("?q=1", page, "https://example.com/")).toBe("https://example.com/zh/x/?q=1");
    expect(resolveUrl("//cdn.test/a.png", page, "https://example.com/")).toBe("https://cdn.test/a.png");
    expect(resolveUrl("", page, "https://example.com/")).toBe(page);
    expect(resolveUrl("https://x.test/", page, "https://example.com/")).toBe("https://x.test/");
  });

  it("keeps a site path below a path prefix", () => {
    expect(absoluteUrl("/zh/", SITE)).toBe("https://user.github.io/blog/zh/");
  });
});

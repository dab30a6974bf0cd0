import { describe, expect, it } from "vitest";
import { sourceKey } from "../../src/stories/source-url.ts";

describe("the key of a cited page", () => {
  it.each([
    ["tracking parameters", "https://www.theverge.com/ai/123/openai-ships?utm_source=twitter&utm_medium=social", "https://www.theverge.com/ai/123/openai-ships"],
    ["click ids and share parameters", "https://example.org/news/1?fbclid=abc&gclid=x&spm=a2c.1&from=timeline", "https://example.org/news/1"],
    ["www. and the scheme", "http://www.example.org/news/1", "https://example.org/news/1"],
    ["a trailing slash", "https://example.org/news/1/", "https://example.org/news/1"],
    ["a fragment", "https://example.org/news/1#comments", "https://example.org/news/1"],
    ["the order of query parameters", "https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"],
    ["the host's case", "https://EXAMPLE.org/news/1", "https://example.org/news/1"],
    ["an explicit default port", "https://example.org:443/news/1", "https://example.org/news/1"],
    ["a WeChat reader's session", "https://mp.weixin.qq.com/s?__biz=MzA&mid=2&idx=1&sn=abc&chksm=zz&scene=21#wechat_redirect", "https://mp.weixin.qq.com/s?__biz=MzA&mid=2&idx=1&sn=abc"],
    ["the name of X and its share parameters", "https://twitter.com/sama/status/123?s=46&t=abc", "https://x.com/sama/status/123"],
    ["a short YouTube link", "https://youtu.be/dQw4w9WgXcQ?si=xyz", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["an AMP or mobile page", "https://www.storyboard18.com/amp/digital/anthropic-fast-mode.htm", "https://m.storyboard18.com/digital/anthropic-fast-mode.htm"],
    ["the case of percent-encoding", "https://example.org/%e6%96%b0", "https://example.org/新"],
  ])("does not change with %s", (_, a, b) => {
    expect(sourceKey(a)).toBeDefined();
    expect(sourceKey(a)).toBe(sourceKey(b));
  });

  it.each([
    ["two articles on one host", "https://openai.com/index/gpt-5-3-codex-system-card", "https://openai.com/index/introducing-openai-frontier"],
    ["a parameter that names the article", "https://example.org/news?id=1", "https://example.org/news?id=2"],
    ["two WeChat articles", "https://mp.weixin.qq.com/s?__biz=MzA&mid=2&idx=1&sn=abc", "https://mp.weixin.qq.com/s?__biz=MzA&mid=3&idx=1&sn=def"],
    ["the case of a path", "https://example.org/Post", "https://example.org/post"],
  ])("tells apart %s", (_, a, b) => {
    expect(sourceKey(a)).not.toBe(sourceKey(b));
  });

  it("gives no key to front pages, which many stories come from, or to links that are not web pages", () => {
    const wechat = ["https://mp.weixin.qq.com/s?src=11&timestamp=1700000000&ver=1&signature=abc", "https://mp.weixin.qq.com/mp/appmsgalbum?__biz=MzA3&album_id=1"];
    for (const href of ["https://36kr.com/", "https://www.qbitai.com", "mailto:news@example.org", "/zh/daily/x/", "#item", "ftp://example.org/file", ...wechat]) {
      expect(sourceKey(href), href).toBeUndefined();
    }
    expect(sourceKey("https://blog.example.org/?p=123")).toBe("blog.example.org?p=123");
    expect(sourceKey("https://example.org/新闻/1")).toBe(sourceKey("https://example.org/%E6%96%B0%E9%97%BB/1"));
  });
});

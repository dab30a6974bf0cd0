import { describe, expect, it } from "vitest";
import { mapSrcset, srcsetCandidates } from "../../src/feeds/srcset.ts";

const urls = (srcset: string) => srcsetCandidates(srcset).map((c) => c.url);

describe("srcsetCandidates", () => {
  it("reads each candidate's URL, with or without descriptors", () => {
    expect(urls("a.png 1x, /b.png 2x")).toEqual(["a.png", "/b.png"]);
    expect(urls("/s.webp")).toEqual(["/s.webp"]);
    expect(urls("small.jpg 480w,large.jpg 1080w")).toEqual(["small.jpg", "large.jpg"]);
    expect(urls("  a.png  1x ,\n b.png\t2x , ")).toEqual(["a.png", "b.png"]);
  });

  it("follows the HTML standard on commas: inside a URL they stay, after it they end the candidate", () => {
    expect(urls("https://x.test/c,d.png 3x")).toEqual(["https://x.test/c,d.png"]);
    expect(urls("a.png,b.png")).toEqual(["a.png,b.png"]);
    expect(urls("a.png, b.png")).toEqual(["a.png", "b.png"]);
    expect(urls("a.png,, b.png 2x")).toEqual(["a.png", "b.png"]);
  });

  it("finds nothing in an empty value", () => {
    expect(urls("")).toEqual([]);
    expect(urls(" , ")).toEqual([]);
  });
});

describe("mapSrcset", () => {
  it("replaces each URL and keeps descriptors and separators", () => {
    expect(mapSrcset("a.png 1x, /b.png 2x", (u) => `[${u}]`)).toBe("[a.png] 1x, [/b.png] 2x");
    expect(mapSrcset("a.png,, b.png", (u) => u.toUpperCase())).toBe("A.PNG,, B.PNG");
    expect(mapSrcset("", (u) => `[${u}]`)).toBe("");
  });
});

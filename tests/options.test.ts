import { describe, expect, it } from "vitest";
import { buildOptions, SettingError } from "../src/options.ts";

describe("build options from the environment", () => {
  it("gives the dev server its own address, so nothing in npm start leads to the production host", () => {
    const options = buildOptions({ ELEVENTY_RUN_MODE: "serve" });
    expect(options.config.url).toBe("http://localhost:8080/");
    expect(options.pathPrefix).toBe("/");
    expect(options.includeUnpublished).toBe(true);
    expect(buildOptions({ ELEVENTY_RUN_MODE: "serve", PORT: "8081" })).toMatchObject({ devPort: 8081, config: { url: "http://localhost:8081/" } });
  });

  it("keeps the dev server's pages (drafts included) out of _site/, where a deploy takes the site from, and on localhost", () => {
    expect(buildOptions({ ELEVENTY_RUN_MODE: "serve" })).toMatchObject({ outputDir: ".cache/dev-site", devHost: "localhost" });
    expect(buildOptions({})).toMatchObject({ outputDir: "_site", devServer: false });
    expect(buildOptions({ ELEVENTY_RUN_MODE: "serve", DEV_HOST: "0.0.0.0", OUTPUT_DIR: "out" })).toMatchObject({ outputDir: "out", devHost: "0.0.0.0" });
  });

  it("draws share images, fetches covers and caches them in .cache/ unless the environment says otherwise", () => {
    expect(buildOptions({})).toMatchObject({ config: { shareImages: true }, fetchCovers: true, shareImageCache: ".cache/share-images" });
    expect(buildOptions({ SHARE_IMAGES: "0", FETCH_COVERS: "0", SHARE_IMAGE_CACHE: "/tmp/cards" })).toMatchObject({ config: { shareImages: false }, fetchCovers: false, shareImageCache: "/tmp/cards" });
  });

  it("uses SITE_URL when one is given, in the dev server too", () => {
    expect(buildOptions({ ELEVENTY_RUN_MODE: "serve", SITE_URL: "https://user.github.io/blog/" })).toMatchObject({ pathPrefix: "/blog/", config: { url: "https://user.github.io/blog/" } });
    expect(buildOptions({}).config.url).toBe("https://example.com/");
  });

  it("rejects a SITE_URL that is not a plain http(s) URL", () => {
    expect(() => buildOptions({ SITE_URL: "ftp://example.com/" })).toThrow(SettingError);
  });

  it("takes the pages per run of Eleventy from PAGES_PER_RUN and names a value that is not a number of pages", () => {
    expect(buildOptions({}).pagesPerRun).toBeUndefined();
    expect(buildOptions({ PAGES_PER_RUN: "500" }).pagesPerRun).toBe(500);
    for (const bad of ["0", "-3", "2.5", "many"]) expect(() => buildOptions({ PAGES_PER_RUN: bad })).toThrow(/PAGES_PER_RUN: ".*" is not a number of pages; expected a whole number/);
  });
});

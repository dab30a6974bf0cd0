/**
 * Share images of a whole build (the shared build of the blog's content): every post page's
 * og:image is a file of the site, 1200×630, drawn from that post's card with its title on it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOptions } from "../../src/options.ts";
import { cardColours, cardTree, type PageShareImage } from "../../src/share/card.ts";
import { readCover } from "../../src/share/covers.ts";
import { renderCardPng } from "../../src/share/render.ts";
import { loadBlog } from "../../src/site/plugin.ts";
import { seedBuild } from "../helpers/build.ts";
import { differingPixels, readPng } from "../helpers/png.ts";
import { ROOT } from "../helpers/seeds.ts";

const build = seedBuild();
const options = buildOptions({ ...process.env, OUTPUT_DIR: build.outDir }, ROOT);
const posts = loadBlog(options).pages.posts;
const colours = cardColours(readFileSync(path.join(ROOT, "assets/site.css"), "utf8"));

const ogImage = (html: string) => /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1];

/** The card drawn as the build drew it (its cover too, when the build could read it), with or without its title. */
async function drawn(image: PageShareImage, withTitle: boolean) {
  const cover = image.card.cover
    ? await readCover(image.card.cover, { files: new Map(), cacheDir: path.join(ROOT, options.shareImageCache, "covers"), fetchRemote: true, timeoutMs: 8000 })
    : undefined;
  return readPng(await renderCardPng(cardTree(image.card, colours, cover && "dataUri" in cover ? cover.dataUri() : undefined, withTitle)));
}

describe("share images", () => {
  it("are reported by the build", () => {
    expect(build.stdout).toMatch(/^share images: \d+ \(\d+ drawn, \d+ from the cache\) in [\d.]+ s$/m);
  });

  it("give every post page an og:image in the site, 1200×630, that shows the post's title", async () => {
    expect(posts.length).toBe(7);
    for (const page of posts) {
      const image = ogImage(build.page(page.url));
      expect(image, page.url).toBe(`${options.config.url}${page.url.slice(1)}share.png`);
      const file = readPng(path.join(build.outDir, `${page.url}share.png`));
      expect([file.width, file.height], page.url).toEqual([1200, 630]);
      // Exactly this post's card, and its title is what sets it apart from the card without one.
      const [withTitle, without] = await Promise.all([drawn(page.shareImage!, true), drawn(page.shareImage!, false)]);
      expect(differingPixels(file, withTitle), page.url).toBe(0);
      expect(differingPixels(file, without), page.url).toBeGreaterThan(5000);
      expect(page.shareImage!.card.title).toBe(page.post.title);
    }
  });

  it("are drawn for tag and entity pages too, and never for a page with none of its own", () => {
    const images = (dir: string) => readdirSync(path.join(build.outDir, dir), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("share.png"));
    expect(images("zh/tags").length).toBe(2);
    expect(images("en/topics").length).toBeGreaterThan(40);
    expect(ogImage(build.page("/zh/"))).toBe(`${options.config.url}assets/share.png`);
  });
});

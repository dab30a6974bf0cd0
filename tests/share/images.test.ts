import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { cardColours, cardTree, pageShareImage, postCard, tagCard } from "../../src/share/card.ts";
import { checkCover, readCover } from "../../src/share/covers.ts";
import { writeShareImages } from "../../src/share/images.ts";
import { renderCardPng } from "../../src/share/render.ts";
import { differingPixels, readPng } from "../helpers/png.ts";
import { ROOT } from "../helpers/seeds.ts";

const colours = cardColours(readFileSync(path.join(ROOT, "assets/site.css"), "utf8"));
const date = new Date("2026-02-06T01:00:00Z");
const PNG_COVER = readFileSync(path.join(ROOT, "assets/share.png"));
// The first bytes of a WebP file: RIFF, its size, WEBP, a VP8 chunk.
const WEBP = Buffer.from("524946462400000057454250565038201800000030010009d012a0100010002003425a400037000fefb94000000", "hex");

const temp = () => mkdtempSync(path.join(tmpdir(), "share-"));

describe("covers", () => {
  it("draw PNG and JPEG covers, and say why another format or a broken file is left out", () => {
    expect(checkCover(PNG_COVER)).toEqual({ mime: "image/png", digest: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(checkCover(readFileSync(path.join(ROOT, "tests/fixtures/import/plain/salty_egg.jpg")))).toMatchObject({ mime: "image/jpeg" });
    expect(checkCover(WEBP)).toEqual({ problem: "is WEBP; share images draw PNG, JPEG and GIF covers" });
    expect(checkCover(Buffer.from("not an image"))).toEqual({ problem: "is not an image this build can read" });
  });

  it("are read from the site's files, and a missing one is a problem, not an error", async () => {
    const options = { files: new Map([["/media/a/cover.png", path.join(ROOT, "assets/share.png")]]), cacheDir: temp(), fetchRemote: false, timeoutMs: 2000 };
    const cover = await readCover("/media/a/cover.png", options);
    expect("dataUri" in cover && cover.dataUri()).toBe(`data:image/png;base64,${PNG_COVER.toString("base64")}`);
    expect(await readCover("/media/a/missing.png", options)).toEqual({ problem: "is not a file of the site" });
    expect(await readCover("https://example.org/c.png", options)).toEqual({ problem: "is on another site, and fetching covers is off" });
  });

  it("are fetched once from the web, kept, and an unreachable one is a problem", async () => {
    let requests = 0;
    const server = createServer((request, response) => {
      requests++;
      if (request.url === "/c.png") response.writeHead(200, { "content-type": "image/png" }).end(PNG_COVER);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const nobody = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/c.png`;
    await new Promise((resolve) => closed.close(resolve));
    const options = { files: new Map(), cacheDir: temp(), fetchRemote: true, timeoutMs: 2000 };
    try {
      expect(await readCover(`${base}/c.png`, options)).toHaveProperty("dataUri");
      expect(await readCover(`${base}/gone.png`, options)).toEqual({ problem: "could not be fetched (HTTP 404)" });
    } finally {
      server.close();
    }
    // Kept from the first fetch: the server is gone.
    expect(await readCover(`${base}/c.png`, options)).toHaveProperty("dataUri");
    expect(requests).toBe(2);
    expect(await readCover(nobody, options)).toEqual({ problem: "could not be fetched (ECONNREFUSED)" });
  });
});

describe("writeShareImages", () => {
  it("writes each page's image beside it, draws an unchanged card once, and notes a cover it cannot draw", async () => {
    const [outputDir, cacheDir, mediaDir] = [temp(), temp(), temp()];
    mkdirSync(path.join(mediaDir, "a"));
    writeFileSync(path.join(mediaDir, "a/cover.png"), PNG_COVER);
    const files = new Map([["/media/a/cover.png", path.join(mediaDir, "a/cover.png")]]);
    const withCover = pageShareImage(postCard({ lang: "zh", kind: "daily", title: "有封面", date, cover: { src: "/media/a/cover.png" } }, config), "/zh/daily/a/", "content/zh/daily/a.md");
    const missing = pageShareImage(postCard({ lang: "en", kind: "weekly", title: "Lost cover", date, cover: { src: "/media/gone.png" } }, config), "/en/weekly/b/", "content/en/weekly/b.md");
    const tag = pageShareImage(tagCard("zh", { name: "芯片", count: 2 }, config), "/zh/tags/chips/");
    const options = { outputDir, cacheDir, colours, files, fetchCovers: false, workers: 1 };

    const first = await writeShareImages([withCover, missing, tag], options);
    expect(first).toMatchObject({ images: 3, drawn: 3, reused: 0 });
    expect(first.notes).toEqual(["content/en/weekly/b.md: cover /media/gone.png is not a file of the site; its share image shows the title only"]);
    for (const src of ["/zh/daily/a/share.png", "/en/weekly/b/share.png", "/zh/tags/chips/share.png"]) {
      const image = readPng(path.join(outputDir, src));
      expect([image.width, image.height]).toEqual([1200, 630]);
    }
    // The cover is on the right; the post without one that could be read is text only.
    const coverless = readPng(await renderCardPng(cardTree(withCover.card, colours)));
    expect(differingPixels(readPng(path.join(outputDir, "/zh/daily/a/share.png")), coverless, { x: 800, y: 100, width: 380, height: 400 })).toBeGreaterThan(10_000);
    expect(differingPixels(readPng(path.join(outputDir, "/en/weekly/b/share.png")), readPng(await renderCardPng(cardTree(missing.card, colours))))).toBe(0);

    const again = await writeShareImages([withCover, missing, tag], { ...options, outputDir: temp() });
    expect(again).toMatchObject({ drawn: 0, reused: 3 });
    const retitled = pageShareImage({ ...tag.card, title: "半导体" }, "/zh/tags/chips/");
    expect(await writeShareImages([withCover, retitled], { ...options, outputDir: temp() })).toMatchObject({ drawn: 1, reused: 1 });
  });
});

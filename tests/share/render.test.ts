import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { cardColours, cardTree, CARD_SIZE, postCard } from "../../src/share/card.ts";
import { renderCardPng } from "../../src/share/render.ts";
import { differingPixels, readPng } from "../helpers/png.ts";
import { ROOT } from "../helpers/seeds.ts";

const colours = cardColours(readFileSync(path.join(ROOT, "assets/site.css"), "utf8"));
const date = new Date("2026-02-06T01:00:00Z");
const draw = async (title: string, lang: "zh" | "en" = "zh", withTitle = true) => readPng(await renderCardPng(cardTree(postCard({ lang, kind: "daily", title, date }, config), colours, undefined, withTitle)));

/** Where the title is drawn: between the badge row and the site's name. */
const TITLE_BAND = { x: 0, y: 160, width: CARD_SIZE.width, height: 330 };
/** The site's name and host at the foot. */
const FOOT = { x: 0, y: 500, width: CARD_SIZE.width, height: 100 };

describe("renderCardPng", () => {
  it("draws a 1200×630 PNG whose title is visible in Chinese and in English", async () => {
    for (const [title, lang] of [["芯片出口新规落地，英伟达下调指引", "zh"], ["Nvidia cuts its guidance after new export rules", "en"]] as const) {
      const [withTitle, without] = await Promise.all([draw(title, lang), draw(title, lang, false)]);
      expect([withTitle.width, withTitle.height]).toEqual([1200, 630]);
      // A title of this length covers thousands of pixels; the rest of the card is the same.
      expect(differingPixels(withTitle, without, TITLE_BAND)).toBeGreaterThan(5000);
      expect(differingPixels(withTitle, without, FOOT)).toBe(0);
    }
  });

  it("draws different titles differently, and the same card the same, byte for byte", async () => {
    const a = await renderCardPng(cardTree(postCard({ lang: "zh", kind: "daily", title: "甲", date }, config), colours));
    const b = await renderCardPng(cardTree(postCard({ lang: "zh", kind: "daily", title: "甲", date }, config), colours));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(differingPixels(readPng(a), await draw("乙"), TITLE_BAND)).toBeGreaterThan(0);
  });

  it("stops a title too long for the card after four lines of whole characters, the foot untouched", async () => {
    const long = "英伟达发布新一代推理芯片，云厂商排队采购，".repeat(12);
    const longer = await draw(long + "后面还有更多的字");
    const clamped = await draw(long);
    const empty = await draw(long, "zh", false);
    // What does not fit is not drawn: more text changes nothing.
    expect(differingPixels(longer, clamped)).toBe(0);
    expect(differingPixels(clamped, empty, FOOT)).toBe(0);
    const word = await draw("Supercalifragilisticexpialidocious".repeat(8), "en");
    expect(differingPixels(word, await draw("", "en"), FOOT)).toBe(0);
  });

  it("draws characters outside the Basic Multilingual Plane and mixed scripts without failing", async () => {
    const image = await draw("𠮷野家 × GPT‑5：“引号”与 emoji 🚀 的标题");
    expect(image.width).toBe(1200);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site as config } from "../../src/config.ts";
import { cardAlt, cardColours, pageShareImage, postCard, shareImagesOf, tagCard, topicCard } from "../../src/share/card.ts";
import { ROOT } from "../helpers/seeds.ts";

const date = new Date("2026-02-06T01:00:00Z");

describe("the cards", () => {
  it("give a post its kind, its date in the site's time zone and language, its title and cover", () => {
    expect(postCard({ lang: "zh", kind: "weekly", title: "第 6 周", date, cover: { src: "/media/a.png" } }, config)).toEqual({
      lang: "zh", label: "周报", tone: "weekly", title: "第 6 周", meta: "2026年2月6日", site: "AI 新闻", host: "example.com", cover: "/media/a.png",
    });
    expect(postCard({ lang: "en", kind: "deep-dive", title: "Chips", date }, config)).toMatchObject({ label: "Deep dive", tone: "deep", meta: "Feb 6, 2026", site: "AI News" });
  });

  it("give tag and entity pages their name and how many posts they hold", () => {
    expect(tagCard("en", { name: "Agents", count: 3 }, config)).toMatchObject({ label: "Tags", title: "Agents", meta: "3 posts", tone: "accent" });
    expect(topicCard("zh", { name: "英伟达", type: "organization", count: 1 }, config)).toMatchObject({ label: "机构", title: "英伟达", meta: "1 篇" });
  });

  it("say in the alt text what the image shows", () => {
    expect(cardAlt(postCard({ lang: "zh", kind: "daily", title: "芯片", date }, config))).toBe("日报：芯片（AI 新闻）");
  });

  it("take the site's light colours from its stylesheet, and defaults for tokens it lacks", () => {
    const colours = cardColours(readFileSync(path.join(ROOT, "assets/site.css"), "utf8"));
    expect(colours).toMatchObject({ bg: "#ffffff", accent: "#0b57d0", tones: { daily: { stripe: "#2a9459", fg: "#11613a", bg: "#e1f3e8" } } });
    expect(cardColours("").tones.weekly.stripe).toBe("#0b57d0");
  });
});

describe("shareImagesOf", () => {
  it("lists each page's own image once: the later pages of a tag share its first page's", () => {
    const card = tagCard("en", { name: "Agents", count: 40 }, config);
    const image = pageShareImage(card, "/en/tags/agents/");
    expect(image).toMatchObject({ src: "/en/tags/agents/share.png", width: 1200, height: 630 });
    const images = shareImagesOf({ tags: [{ shareImage: image }, { shareImage: image }], homes: [{}] });
    expect(images).toEqual([image]);
  });
});

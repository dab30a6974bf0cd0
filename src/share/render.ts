import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import satori, { type SatoriOptions } from "satori";
import { CARD_SIZE, type CardNode } from "./card.ts";

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC from an npm package, regular and bold: every Chinese and Latin glyph a title
 * needs, the same on every machine (no system font is read, nothing is fetched).
 */
export const FONT_FILES = {
  400: require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
  700: require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
} as const;

/** The versions of the renderer and its font: a new one draws differently, so cached images are drawn again. */
export const RENDERER_VERSIONS = ["satori", "@resvg/resvg-js", "@expo-google-fonts/noto-sans-sc"].map(
  (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
);

let fonts: SatoriOptions["fonts"] | undefined;

/** The fonts, read once per thread (two 10 MB files). */
function cardFonts(): SatoriOptions["fonts"] {
  fonts ??= ([400, 700] as const).map((weight) => ({ name: "Noto Sans SC", data: readFileSync(FONT_FILES[weight]), weight, style: "normal" as const }));
  return fonts;
}

/** A card's PNG: satori lays it out as SVG with the glyphs as paths, resvg draws it. */
export async function renderCardPng(tree: CardNode): Promise<Uint8Array> {
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { ...CARD_SIZE, fonts: cardFonts() });
  // The text is already paths: loading the machine's fonts would only cost time (60 ms an image).
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}

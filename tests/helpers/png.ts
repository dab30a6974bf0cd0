import { readFileSync } from "node:fs";
import { PNG } from "pngjs";

/** A decoded PNG: its size and RGBA pixels. */
export type Pixels = { width: number; height: number; data: Buffer };

export function readPng(source: string | Uint8Array): Pixels {
  const png = PNG.sync.read(typeof source === "string" ? readFileSync(source) : Buffer.from(source));
  return { width: png.width, height: png.height, data: png.data };
}

/** How many pixels differ between two images of one size, within an optional box. */
export function differingPixels(a: Pixels, b: Pixels, box = { x: 0, y: 0, width: a.width, height: a.height }): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count++;
    }
  }
  return count;
}

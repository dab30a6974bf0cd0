import { renameSync, writeFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { parentPort } from "node:worker_threads";
import type { CardNode } from "./card.ts";
import { renderCardPng } from "./render.ts";

/** A card to draw into `file`; the reply carries `id` and an error message if it failed. */
export interface RenderRequest {
  id: number;
  tree: CardNode;
  file: string;
}

export interface RenderReply {
  id: number;
  error?: string;
}

/**
 * resvg keeps each drawing's pixels (3 MB) outside the JS heap until its object is collected,
 * and V8, seeing a small heap, never collects: 10,000 images would hold 30 GB. A collection
 * every few images frees them (their finalizers run before the next message).
 */
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
const COLLECT_EVERY = 8;
let drawn = 0;

parentPort!.on("message", async ({ id, tree, file }: RenderRequest) => {
  try {
    const png = await renderCardPng(tree);
    if (++drawn % COLLECT_EVERY === 0) {
      collectGarbage();
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Written whole, then renamed: a build running beside this one never reads half an image.
    const temp = `${file}.${process.pid}.${id}.tmp`;
    writeFileSync(temp, png);
    renameSync(temp, file);
    parentPort!.postMessage({ id } satisfies RenderReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});

import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { cardTree, type CardColours, type PageShareImage } from "./card.ts";
import { readCover, type CoverProblem, type ReadCover } from "./covers.ts";
import { RENDERER_VERSIONS } from "./render.ts";
import type { RenderReply, RenderRequest } from "./worker.ts";

/**
 * The design's own source: an edit of cardTree draws every image again. (The site's colours,
 * names and a post's title are part of the card itself.)
 */
const DESIGN = createHash("sha256").update(readFileSync(new URL("./card.ts", import.meta.url))).digest("hex");

export interface ShareImageOptions {
  /** Where the images are written, below their `src`. */
  outputDir: string;
  /** Drawn images by content hash, kept between builds: an unchanged card is copied, not drawn. */
  cacheDir: string;
  colours: CardColours;
  /** The site's own files by URL, for covers on the site. */
  files: ReadonlyMap<string, string>;
  /** Fetch covers given as http(s) URLs (once; they are cached too). */
  fetchCovers: boolean;
  /** Threads that draw; default: the cores but one, at least one. */
  workers?: number;
  /** Cached images unused this long are deleted (days). */
  keepDays?: number;
}

export interface ShareImageReport {
  images: number;
  drawn: number;
  reused: number;
  seconds: number;
  /** Covers left out of their images, one line each: file, cover, why. */
  notes: string[];
}

/**
 * Writes each page's share image into the output folder: copied from the cache when the same
 * card was drawn before, else drawn in worker threads (35–60 ms an image on one core) and cached.
 * A cover that cannot be read leaves its image text-only and a note; nothing here fails the build
 * except a renderer that cannot draw at all.
 */
export async function writeShareImages(images: readonly PageShareImage[], options: ShareImageOptions): Promise<ShareImageReport> {
  const started = performance.now();
  mkdirSync(options.cacheDir, { recursive: true });
  const covers = await readCovers(images, options);
  const notes: string[] = [];
  const tasks: DrawTask[] = [];
  const pending = new Map<string, (typeof tasks)[number]>();
  const made = new Set<string>();
  const outputOf = (src: string) => {
    const file = path.join(options.outputDir, decodeURI(src));
    const dir = path.dirname(file);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    return file;
  };
  let reused = 0;
  const now = new Date();
  for (const image of images) {
    const cover = image.card.cover ? covers.get(image.card.cover) : undefined;
    if (cover && "problem" in cover) notes.push(`${image.source ?? image.src}: cover ${image.card.cover} ${cover.problem}; its share image shows the title only`);
    const drawn = cover && "dataUri" in cover ? cover : undefined;
    const key = createHash("sha256")
      .update(JSON.stringify([DESIGN, RENDERER_VERSIONS, image.card, options.colours, drawn?.digest ?? null]))
      .digest("hex")
      .slice(0, 32);
    const cached = path.join(options.cacheDir, `${key}.png`);
    const output = outputOf(image.src);
    if (existsSync(cached)) {
      copyFileSync(cached, output);
      utimesSync(cached, now, now);
      reused++;
      continue;
    }
    const task = pending.get(cached);
    if (task) task.outputs.push(output);
    else {
      const fresh: DrawTask = { draw: () => ({ tree: cardTree(image.card, options.colours, drawn?.dataUri()), file: cached }), file: cached, outputs: [output] };
      pending.set(cached, fresh);
      tasks.push(fresh);
    }
  }
  await drawAll(tasks, options.workers ?? Math.max(1, availableParallelism() - 1));
  pruneCache(options.cacheDir, options.keepDays ?? 30);
  pruneCache(path.join(options.cacheDir, "covers"), options.keepDays ?? 30);
  return { images: images.length, drawn: tasks.length, reused, seconds: (performance.now() - started) / 1000, notes };
}

/** Covers fetched at once, at most. */
const FETCHES_AT_ONCE = 8;

/** Every distinct cover, checked; fetches run a few at a time. */
async function readCovers(images: readonly PageShareImage[], options: ShareImageOptions): Promise<Map<string, ReadCover | CoverProblem>> {
  const srcs = [...new Set(images.flatMap((image) => (image.card.cover ? [image.card.cover] : [])))];
  const coverOptions = { files: options.files, cacheDir: path.join(options.cacheDir, "covers"), fetchRemote: options.fetchCovers, timeoutMs: 8000 };
  const read = new Map<string, ReadCover | CoverProblem>();
  let next = 0;
  const fetcher = async () => {
    while (next < srcs.length) {
      const src = srcs[next++]!;
      read.set(src, await readCover(src, coverOptions));
    }
  };
  await Promise.all(Array.from({ length: FETCHES_AT_ONCE }, fetcher));
  return read;
}

/** An image to draw into the cache, then copy to each page that shows it; its tree is made when it is sent. */
interface DrawTask {
  draw: () => Omit<RenderRequest, "id">;
  file: string;
  outputs: string[];
}

/** Draws the tasks in worker threads, two requests in flight per thread, then copies each image to its pages. */
async function drawAll(tasks: DrawTask[], threads: number): Promise<void> {
  if (tasks.length === 0) return;
  const workers = Array.from({ length: Math.min(threads, Math.ceil(tasks.length / 4)) }, () => new Worker(new URL("./worker.mjs", import.meta.url)));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (worker: Worker) => {
        if (next >= tasks.length) return;
        const id = next++;
        worker.postMessage({ id, ...tasks[id]!.draw() } satisfies RenderRequest);
      };
      for (const worker of workers) {
        worker.on("error", reject);
        worker.on("message", ({ id, error }: RenderReply) => {
          if (error) return reject(new Error(`share image ${tasks[id]!.outputs[0]}: ${error}`));
          for (const output of tasks[id]!.outputs) copyFileSync(tasks[id]!.file, output);
          if (++done === tasks.length) return resolve();
          send(worker);
        });
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Deletes cached images no build has used for `days` days, so the cache follows the site. */
function pruneCache(dir: string, days: number): void {
  if (!existsSync(dir)) return;
  const before = Date.now() - days * 86_400_000;
  for (const name of readdirSync(dir)) {
    // Only what this module wrote: images and fetched covers, named by their hash.
    if (!/^[0-9a-f]{32}(?:\.png)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).mtimeMs < before) unlinkSync(file);
    } catch {
      // Another build pruned it first.
    }
  }
}

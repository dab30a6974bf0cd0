import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";

/**
 * A cover that can be drawn: a digest of its bytes for the image's hash, and its data URI
 * (satori fetches nothing), read again from disk only when the image is drawn, so a build
 * never holds every cover at once.
 */
export interface ReadCover {
  digest: string;
  dataUri: () => string;
}

/** Why a cover is left out of its share image; the image shows the text only. */
export interface CoverProblem {
  problem: string;
}

/** The formats satori and resvg both draw. */
const DRAWN_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", gif: "image/gif" };

export interface CoverOptions {
  /** The site's own files by URL ("/media/a/cover.png" → its path on disk). */
  files: ReadonlyMap<string, string>;
  /** Where fetched covers are kept between builds; a cover is fetched once. */
  cacheDir: string;
  /** Fetch covers given as http(s) URLs; off, they are left out. */
  fetchRemote: boolean;
  /** How long a fetch may take. */
  timeoutMs: number;
}

const digestOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 32);

/** The cover in a file, or why it cannot be drawn. */
export function coverFromFile(file: string): ReadCover | CoverProblem {
  const checked = checkCover(readFileSync(file));
  if ("problem" in checked) return checked;
  return { digest: checked.digest, dataUri: () => `data:${checked.mime};base64,${readFileSync(file).toString("base64")}` };
}

/** Whether bytes are a cover the renderer draws: its type and digest, or why not. */
export function checkCover(bytes: Uint8Array): { mime: string; digest: string } | CoverProblem {
  let type: string | undefined;
  try {
    type = imageSize(bytes).type;
  } catch {
    return { problem: "is not an image this build can read" };
  }
  const mime = type && DRAWN_TYPES[type];
  if (!mime) return { problem: `is ${type?.toUpperCase() ?? "an unknown format"}; share images draw PNG, JPEG and GIF covers` };
  return { mime, digest: digestOf(bytes) };
}

/** A cover from the site's own files or the web; never throws: a missing or unreachable cover is a problem to report. */
export async function readCover(src: string, options: CoverOptions): Promise<ReadCover | CoverProblem> {
  if (/^https?:\/\//i.test(src)) return remoteCover(src, options);
  const file = options.files.get(decodeURI(src.split(/[?#]/)[0]!));
  if (!file) return { problem: "is not a file of the site" };
  return coverFromFile(file);
}

async function remoteCover(url: string, options: CoverOptions): Promise<ReadCover | CoverProblem> {
  const cached = path.join(options.cacheDir, createHash("sha256").update(url).digest("hex").slice(0, 32));
  if (existsSync(cached)) {
    // Touched on every use: the cache keeps what the site still shows.
    const now = new Date();
    utimesSync(cached, now, now);
    return coverFromFile(cached);
  }
  if (!options.fetchRemote) return { problem: "is on another site, and fetching covers is off" };
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: "follow" });
    if (!response.ok) return { problem: `could not be fetched (HTTP ${response.status})` };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const { cause, message } = error as { cause?: { code?: string; message?: string }; message: string };
    const reason = cause?.code ?? cause?.message ?? message;
    return { problem: `could not be fetched (${reason})` };
  }
  const checked = checkCover(bytes);
  if ("problem" in checked) return checked;
  // Only a drawable cover is kept: a fetch that failed is tried again by the next build.
  mkdirSync(options.cacheDir, { recursive: true });
  writeFileSync(`${cached}.${process.pid}.tmp`, bytes);
  renameSync(`${cached}.${process.pid}.tmp`, cached);
  return coverFromFile(cached);
}

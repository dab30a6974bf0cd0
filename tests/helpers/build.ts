import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./seeds.ts";

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
  /** The HTML (or any file) written at a site URL such as /zh/. */
  page: (url: string) => string;
  has: (url: string) => boolean;
}

/** Runs `npm run build`'s script exactly as an editor would, into a fresh output folder. */
export function runBuild(env: Record<string, string> = {}): BuildRun {
  const outDir = mkdtempSync(path.join(tmpdir(), "site-"));
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: ROOT,
    env: { ...process.env, OUTPUT_DIR: outDir, ...env },
    encoding: "utf8",
  });
  const fileFor = (url: string) => path.join(outDir, decodeURI(url), url.endsWith("/") ? "index.html" : "");
  return {
    code: result.status ?? 1,
    stdout: result.stdout,
    stderr: result.stderr,
    outDir,
    page: (url) => readFileSync(fileFor(url), "utf8"),
    has: (url) => existsSync(fileFor(url)),
  };
}

/** Every file (not folder) of a built site, as sorted forward-slash paths relative to it. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Builds once per test run, side by side, what several test files read: the blog's own
 * content twice (two builds must be byte-identical; the second writes its pages in many small
 * runs of Eleventy, which must not change a byte) and the hostile fixtures of
 * tests/helpers/xss.ts, the blog's content with URL-heavy extra posts below a path prefix, and
 * the blog's content with the newsroom fixtures (registry of tags, series, corrections).
 * Tests that need other content or settings still run their own build.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT } from "./helpers/seeds.ts";
import { NEWSROOM_BUILD_TIME, PREFIXED_BUILD_TIME, PREFIXED_SITE_URL, writeNewsroomContent, writePrefixedContent, type BuildResult } from "./helpers/build.ts";
import { HOSTILE_BUILD_TIME, writeHostileContent } from "./helpers/xss.ts";

declare module "vitest" {
  export interface ProvidedContext {
    seedBuilds: [BuildResult, BuildResult];
    hostileBuild: BuildResult & { contentDir: string };
    prefixedBuild: BuildResult;
    newsroomBuild: BuildResult & { contentDir: string };
  }
}

function build(env: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = mkdtempSync(path.join(tmpdir(), "shared-site-"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, env: { ...process.env, OUTPUT_DIR: outDir, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr, outDir }));
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const hostileContent = writeHostileContent();
  const prefixedContent = writePrefixedContent();
  const newsroomContent = writeNewsroomContent();
  const [first, again, hostile, prefixed, newsroom] = await Promise.all([
    build(),
    build({ PAGES_PER_RUN: "37" }),
    build({ CONTENT_DIR: hostileContent, BUILD_TIME: HOSTILE_BUILD_TIME }),
    build({ CONTENT_DIR: prefixedContent, SITE_URL: PREFIXED_SITE_URL, BUILD_TIME: PREFIXED_BUILD_TIME }),
    build({ CONTENT_DIR: newsroomContent, BUILD_TIME: NEWSROOM_BUILD_TIME }),
  ]);
  project.provide("seedBuilds", [first, again]);
  project.provide("hostileBuild", { ...hostile, contentDir: hostileContent });
  project.provide("prefixedBuild", prefixed);
  project.provide("newsroomBuild", { ...newsroom, contentDir: newsroomContent });
  return () => {
    for (const dir of [first.outDir, again.outDir, hostile.outDir, hostileContent, prefixed.outDir, prefixedContent, newsroom.outDir, newsroomContent]) rmSync(dir, { recursive: true, force: true });
  };
}

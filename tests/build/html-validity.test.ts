/**
 * Every HTML file of a fresh build passes the Nu HTML Checker (vnu.jar, the W3C validator)
 * without errors. Needs Java; without it the test is skipped and says so.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { newsroomBuild, seedBuild, type BuildRun } from "../helpers/build.ts";
import { ROOT } from "../helpers/seeds.ts";

const VNU = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
const hasJava = spawnSync("java", ["-version"], { encoding: "utf8" }).status === 0;
if (!hasJava) console.warn("HTML validity test skipped: no java found (install a Java 11+ runtime)");

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** vnu on every .html file under the dirs, in one run: its exit status and its errors. */
function runVnu(...dirs: string[]): { status: number | null; errors: VnuMessage[] } {
  // A short run: the quick (C1) compiler alone does it with half the CPU; the schema needs a deep stack.
  const result = spawnSync("java", ["-Xss4m", "-XX:TieredStopAtLevel=1", "-jar", VNU, "--format", "json", "--errors-only", "--skip-non-html", ...dirs], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // vnu prints its JSON report on stderr and exits 1 when it finds errors.
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(result.stderr) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu did not report JSON (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  return { status: result.status, errors: messages.filter((m) => m.type === "error" || m.type === "non-document-error" || m.subType === "fatal") };
}

function format(m: VnuMessage, dir: string): string {
  const file = m.url ? path.relative(dir, decodeURI(m.url.replace(/^file:/, ""))) : "?";
  return `${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, "⏎")}` : ""}`;
}

describe.skipIf(!hasJava)("HTML validity (Nu HTML Checker)", () => {
  let build: BuildRun;
  let newsroom: BuildRun;

  beforeAll(() => {
    build = seedBuild();
    newsroom = newsroomBuild();
  });

  it("finds no errors in any page of the built site, nor of the newsroom build (corrections, series)", () => {
    expect(build.code, build.stderr).toBe(0);
    expect(newsroom.code, newsroom.stderr).toBe(0);
    const { status, errors } = runVnu(build.outDir, newsroom.outDir);
    const report = errors.map((m) => format(m, build.outDir));
    if (errors.length) console.error(`vnu: ${errors.length} error${errors.length === 1 ? "" : "s"}\n${report.join("\n")}`);
    expect(report, `vnu found ${errors.length} errors`).toEqual([]);
    expect(status).toBe(0);
  });

  it("does report errors (the check is live)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vnu-"));
    try {
      writeFileSync(path.join(dir, "bad.html"), '<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a">a</p><p id="a">b</p></body></html>');
      writeFileSync(path.join(dir, "skipped.css"), "not html");
      const { status, errors } = runVnu(dir);
      expect(status).not.toBe(0);
      expect(errors.map((m) => format(m, dir))).toEqual([expect.stringMatching(/^bad\.html:1:\d+: Duplicate ID “a”/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

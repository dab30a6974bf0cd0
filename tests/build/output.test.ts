import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { siteFiles } from "../helpers/build.ts";
import { ROOT } from "../helpers/seeds.ts";

const BUILD = [process.execPath, "--import", "tsx", "scripts/build.ts"] as const;

/** `npm run build` of a content folder into one fixed output folder, as an editor runs it again and again. */
function build(content: string, out: string) {
  const result = spawnSync(BUILD[0], BUILD.slice(1), { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: out, BUILD_TIME: "2026-03-05" }, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a folder with its bytes, to compare a site before and after. */
const snapshot = (dir: string) => new Map(siteFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]));

describe("a failed build keeps the last good site", () => {
  let base: string;
  let content: string;
  let out: string;
  let lastGood: Map<string, string>;
  beforeAll(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), "atomic-")));
    content = path.join(base, "content");
    out = path.join(base, "public", "_site");
    mkdirSync(path.join(content, "en/daily"), { recursive: true });
    writeFileSync(path.join(content, "en/daily/first.md"), "---\ntitle: First news\ndate: 2026-03-02\n---\nThe first brief.\n");
    const first = build(content, out);
    expect(first.code, first.stderr).toBe(0);
    lastGood = snapshot(out);
  }, 120_000);

  it("leaves the site byte for byte when the link check fails, and says so", { timeout: 120_000 }, () => {
    writeFileSync(path.join(content, "en/daily/broken.md"), "---\ntitle: Broken link\ndate: 2026-03-03\n---\n<a href=\"/en/gone/\">gone</a>\n");
    const failed = build(content, out);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("build failed: 1 broken internal link; ");
    expect(failed.stderr).toContain(" was left as it was");
    expect(snapshot(out)).toEqual(lastGood);
    expect(readdirSync(path.dirname(out))).toEqual(["_site"]);
  });

  it("refuses a post linked from outside the project before anything is written", { timeout: 120_000 }, () => {
    writeFileSync(path.join(base, "npmrc.md"), "---\ntitle: Token\ndate: 2026-03-02\n---\n//registry/:_authToken=secret\n");
    const link = path.join(content, "en/daily/token.md");
    symlinkSync(path.join(base, "npmrc.md"), link);
    const failed = build(content, out);
    rmSync(link);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`error: ${path.relative(ROOT, path.join(content, "en/daily/token.md"))}: is a symbolic link to ${base}/npmrc.md, outside the project`);
    expect(snapshot(out)).toEqual(lastGood);
  });

  it("refuses to start while another build writes the same folder", { timeout: 120_000 }, () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    writeFileSync(path.join(path.dirname(out), "._site.lock"), String(holder.pid));
    try {
      const refused = build(content, out);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`error: another build (process ${holder.pid}) is writing ${out}; wait for it to finish, or delete ${path.dirname(out)}/._site.lock if no build is running`);
    } finally {
      holder.kill();
    }
    expect(snapshot(out)).toEqual(lastGood);
  });

  it("leaves the site as it was when the build is interrupted", { timeout: 120_000 }, async () => {
    const child = spawn(BUILD[0], BUILD.slice(1), { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: out, BUILD_TIME: "2026-03-05", PAGES_PER_RUN: "5" } });
    const closed = new Promise((resolve) => child.on("close", resolve));
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    // Stopped once Eleventy has written pages into the staging folder.
    const staged = () => readdirSync(path.dirname(out)).filter((name) => name.startsWith("._site.staging-")).flatMap((name) => readdirSync(path.join(path.dirname(out), name)));
    while (!staged().includes("en") && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill("SIGTERM");
    const code = await closed;
    expect(code, output).toBe(143);
    expect(output).toContain("build interrupted (SIGTERM)");
    expect(snapshot(out)).toEqual(lastGood);
    expect(readdirSync(path.dirname(out))).toEqual(["_site"]);
  });
});

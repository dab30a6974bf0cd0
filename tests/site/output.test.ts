import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputPaths, stageOutput } from "../../src/site/output.ts";

/** An output folder holding the last good site. */
function lastGoodSite() {
  const parent = mkdtempSync(path.join(tmpdir(), "output-"));
  const out = path.join(parent, "_site");
  mkdirSync(out);
  writeFileSync(path.join(out, "index.html"), "last good site");
  return { parent, out };
}

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;

describe("the output folder is replaced only by a build that passed", () => {
  it("writes into a folder beside the output and swaps it in on publish", () => {
    const { parent, out } = lastGoodSite();
    const staged = stageOutput(out);
    writeFileSync(path.join(staged.dir, "index.html"), "new site");
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("last good site");
    expect(staged.publish()).toBeUndefined();
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("new site");
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("leaves the last good site as it was when the build is discarded", () => {
    const { parent, out } = lastGoodSite();
    const staged = stageOutput(out);
    writeFileSync(path.join(staged.dir, "index.html"), "broken site");
    staged.discard();
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("last good site");
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("lets one build at a time write, and says which process holds the output", () => {
    const { out } = lastGoodSite();
    const first = stageOutput(out);
    writeFileSync(outputPaths(out).lock, String(process.ppid));
    expect(() => stageOutput(out)).toThrow(`another build (process ${process.ppid}) is writing ${out}; wait for it to finish, or delete ${outputPaths(out).lock} if no build is running`);
    first.discard();
  });

  it("takes over the lock of a build that died, and removes what it left behind", () => {
    const { parent, out } = lastGoodSite();
    writeFileSync(outputPaths(out).lock, deadPid());
    mkdirSync(path.join(parent, "._site.staging-99999999"));
    writeFileSync(path.join(parent, "._site.staging-99999999/half.html"), "half written");
    const staged = stageOutput(out);
    expect(existsSync(path.join(parent, "._site.staging-99999999"))).toBe(false);
    writeFileSync(path.join(staged.dir, "index.html"), "new site");
    staged.publish();
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("puts the last good site back when a build was killed between its two renames", () => {
    const { parent, out } = lastGoodSite();
    renameSync(out, path.join(parent, "._site.replaced-99999999"));
    const staged = stageOutput(out);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("last good site");
    staged.discard();
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("replaces an output folder that is a link where it really is, so the link keeps working", () => {
    const { parent, out } = lastGoodSite();
    const link = path.join(parent, "public");
    symlinkSync(out, link);
    const staged = stageOutput(link);
    writeFileSync(path.join(staged.dir, "index.html"), "new site");
    staged.publish();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(link, "index.html"), "utf8")).toBe("new site");
  });

  it("creates the output folder when there was none", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "output-"));
    const out = path.join(parent, "deep/_site");
    const staged = stageOutput(out);
    writeFileSync(path.join(staged.dir, "index.html"), "first site");
    staged.publish();
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("first site");
  });
});

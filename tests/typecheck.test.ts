/**
 * The TypeScript type check (`npm run typecheck`), run as one test so that it overlaps the
 * other test files instead of delaying them all.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/seeds.ts";

describe("type check", () => {
  it("finds no type errors in src/, scripts/, tests/ and the config", () => {
    const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

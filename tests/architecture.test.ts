import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_TYPES } from "../src/pages/index.ts";
import { ROOT } from "./helpers/seeds.ts";

const SRC = path.join(ROOT, "src");

/**
 * The layers of src/, lowest first. A module imports only from its own layer or a lower one:
 * content never reaches into pages, markdown never into page code, pages never into the build.
 */
const LAYERS: string[][] = [
  ["config.ts"],
  ["i18n"],
  ["markdown"],
  ["content"],
  ["entities"],
  ["tags"],
  ["stories"],
  ["collections"],
  ["feeds"],
  ["share"],
  ["pages"],
  ["site"],
  ["desk"],
  ["import"],
  ["editions"],
  ["search", "security", "dev", "options.ts"],
];

const layerOf = (file: string) => LAYERS.findIndex((names) => names.includes(file.split("/")[0]!));

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** Every relative import of a module, as a path below src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), "utf8");
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gm)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
}

describe("the architecture", () => {
  const files = sourceFiles();

  it("places every module of src/ in a layer", () => {
    expect(files.filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it("has no upward imports", () => {
    const upward = files.flatMap((file) => importsOf(file).filter((target) => layerOf(target) > layerOf(file)).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it("keeps page types apart: no page type's folder imports another's", () => {
    const folderOf = (file: string) => /^pages\/([^/]+)\//.exec(file)?.[1];
    const crossing = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => folderOf(file) && folderOf(target) && folderOf(target) !== folderOf(file))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it("defines each registered page type in a file of its own", () => {
    const definitions = new Map<string, string[]>();
    for (const file of files.filter((f) => f.startsWith("pages/"))) {
      const names = [...readFileSync(path.join(SRC, file), "utf8").matchAll(/PageType<"([^"]+)"/g)].map((m) => m[1]!);
      for (const name of new Set(names)) definitions.set(name, [...(definitions.get(name) ?? []), file]);
      expect(new Set(names).size, `${file} defines ${[...new Set(names)].join(", ")}`).toBeLessThanOrEqual(1);
    }
    for (const type of PAGE_TYPES) expect(definitions.get(type.name), type.name).toHaveLength(1);
  });
});

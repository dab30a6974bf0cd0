import { availableParallelism } from "node:os";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/** Slowest first, by kind (a fresh clone has no timings yet), so that no long file starts last. */
const SLOWEST_FIRST = ["/tests/browser/pages.", "/tests/browser/", "/tests/typecheck.", "/tests/build/", "/tests/scripts/", "/tests/content/properties."];

class SlowestKindFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOWEST_FIRST.findIndex((part) => file.moduleId.includes(part));
      return at === -1 ? SLOWEST_FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/globalSetup.ts"],
    // Most test files wait on child processes (builds, Chromium, Java), so more files than
    // cores run at once; vitest's default (cores - 1) runs them one by one on two cores.
    maxWorkers: Math.max(4, availableParallelism() * 2),
    sequence: { sequencer: SlowestKindFirst },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

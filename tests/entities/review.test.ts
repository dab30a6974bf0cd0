import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { createMatcher } from "../../src/entities/matcher.ts";
import { looksLikeName, reviewEntities, type ReviewedPost } from "../../src/entities/review.ts";
import { registryOf } from "../helpers/content.ts";

const registry = registryOf(`
openai: { type: organization, name: OpenAI }
meta: { type: organization, name: Meta }
nvidia: { type: organization, name: NVIDIA }
nvidia-inc: { type: organization, name: Nvidia Inc, aliases: [Nvidia] }
`);
const matcher = createMatcher(registry.entities.values());
const reviewed = (sourcePath: string, body: string, extra: Partial<ReviewedPost> = {}): ReviewedPost => ({
  sourcePath,
  title: "T",
  body,
  mentioned: matcher.find(body).map((m) => m.id),
  excluded: [],
  ...extra,
});
const review = (posts: ReviewedPost[]) => reviewEntities(registry, matcher, posts).map((f) => `${f.level}: ${formatProblem(f)}`);

describe("the entity review of npm run check", () => {
  it("tells names from words", () => {
    for (const name of ["GPT-5.3-Codex", "ElevenLabs", "xAI", "MiniCPM", "Intern-S1-Pro", "Qwen3-Max"]) expect(looksLikeName(name), name).toBe(true);
    for (const word of ["Details", "API", "W06", "2026-02-06", "open-source", "Q4"]) expect(looksLikeName(word), word).toBe(false);
  });

  it("lists a frequent name the registry lacks, but not one in code, links or a registered name", () => {
    const posts = [
      reviewed("a.md", "OpenAI ships GPT-5.3-Codex. `DeepCode` [x](https://e.org/FooBar)"),
      reviewed("b.md", "GPT-5.3-Codex again, DeepCode, OpenAI and Meta."),
      reviewed("c.md", "发布GPT-5.3-Codex，FooBar。"),
    ];
    expect(review(posts).filter((f) => f.includes("not in the registry"))).toEqual([
      'note: a.md: entities: "GPT-5.3-Codex" appears in 3 posts but is not in the registry; add it to content/entities/ if readers should follow it',
    ]);
  });

  it("warns about names two entities share but for case, entities nobody mentions, and exclusions of what a post never names", () => {
    const findings = review([reviewed("a.md", "OpenAI and NVIDIA and Nvidia.", { excluded: ["meta"] })]);
    expect(findings).toEqual([
      'warning: content/entities/test.yaml:5: nvidia-inc.aliases: "Nvidia" and "NVIDIA" (nvidia) differ only in case or width; one name should lead to one entity',
      "warning: content/entities/test.yaml:3: meta: no post mentions it; check its names, or remove it",
      'warning: a.md: entities: excludes "meta", which the post never mentions; remove "-meta"',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/errors.ts";
import { parseRegistry } from "../../src/entities/registry.ts";
import { realRegistry } from "../helpers/content.ts";

const problemsOf = (...texts: string[]) =>
  parseRegistry(texts.map((text, i) => ({ path: `content/entities/file${i + 1}.yaml`, text }))).problems.map(formatProblem);

describe("the entity registry", () => {
  it("reads names per language, aliases and relations", () => {
    const { registry, problems } = parseRegistry([
      { path: "content/entities/orgs.yaml", text: "alibaba:\n  type: organization\n  name: { zh: 阿里巴巴, en: Alibaba }\n" },
      { path: "content/entities/models.yaml", text: "qwen:\n  type: model\n  name: { zh: 千问, en: Qwen }\n  aliases: [通义千问, Qwen]\n  org: alibaba\n  homepage: https://qwen.ai/\n" },
    ]);
    expect(problems).toEqual([]);
    expect(registry.entities.get("qwen")).toMatchObject({ type: "model", name: { zh: "千问", en: "Qwen" }, aliases: ["千问", "Qwen", "通义千问"], org: "alibaba", file: "content/entities/models.yaml", line: 1 });
  });

  it("starts with the organizations, models and products of the seed posts, in both languages", () => {
    const registry = realRegistry();
    for (const id of ["openai", "anthropic", "qwen", "alibaba", "zhipu", "moonshot-ai", "nvidia", "claude-opus-4-6"]) expect(registry.entities.has(id), id).toBe(true);
    expect(registry.entities.get("qwen")!.aliases).toEqual(expect.arrayContaining(["千问", "通义千问", "Qwen"]));
    expect(registry.entities.get("zhipu")!.aliases).toEqual(expect.arrayContaining(["智谱", "Zhipu"]));
    expect(registry.entities.get("moonshot-ai")!.aliases).toEqual(expect.arrayContaining(["月之暗面", "Moonshot AI"]));
  });

  it("reports a duplicate id in another file, and a duplicate key in one file, with file and line", () => {
    expect(problemsOf("openai:\n  type: organization\n  name: OpenAI\n", "x:\n  type: product\n  name: X App\nopenai:\n  type: organization\n  name: Open AI\n")).toEqual([
      'content/entities/file2.yaml:4: openai: the id "openai" is already used by content/entities/file1.yaml:1; each entity needs its own id',
    ]);
    expect(problemsOf("openai:\n  type: organization\n  name: OpenAI\nopenai:\n  type: organization\n  name: OpenAI\n")).toEqual([
      'content/entities/file1.yaml:4: openai: the id "openai" is already used by content/entities/file1.yaml:1; each entity needs its own id',
    ]);
  });

  it("reports an alias claimed by two entities at the line of the second", () => {
    expect(problemsOf("kimi:\n  type: product\n  name: Kimi\nmoonshot-ai:\n  type: organization\n  name: Moonshot AI\n  aliases:\n    - 月之暗面\n    - Kimi\n")).toEqual([
      'content/entities/file1.yaml:9: moonshot-ai.aliases: "Kimi" already names "kimi" (content/entities/file1.yaml:1); a name can lead to one entity only',
    ]);
  });

  it("reports an unknown relation target, and one that is not an organization", () => {
    expect(problemsOf("qwen:\n  type: model\n  name: Qwen\n  org: alibaba\nclaude:\n  type: model\n  name: Claude\nopus:\n  type: model\n  name: Opus X\n  org: claude\n")).toEqual([
      'content/entities/file1.yaml:4: qwen.org: "alibaba" is not an entity id in the registry; add it, or fix the id',
      'content/entities/file1.yaml:11: opus.org: "claude" is a model; org names the organization opus belongs to',
    ]);
  });

  it("reports aliases that would match inside every post", () => {
    expect(problemsOf("qwen:\n  type: model\n  name: 千问\n  aliases: [问, AI, qwen]\n")).toEqual([
      'content/entities/file1.yaml:4: qwen.aliases: "问" is one character and would match inside countless Chinese words; use the full name (千问, not 问)',
      'content/entities/file1.yaml:4: qwen.aliases: "AI" is a common word and would match in nearly every post; use the full name',
      'content/entities/file1.yaml:4: qwen.aliases: "qwen" is a lowercase word and would match the ordinary word; write it as the name is capitalized ("Qwen")',
    ]);
  });

  it("reports a bad id, a missing name, an unknown type or field, and a bad homepage", () => {
    expect(problemsOf("Open AI:\n  type: organization\n  name: OpenAI\nx1:\n  type: company\n  nam: X\n  homepage: openai.com\n")).toEqual([
      'content/entities/file1.yaml:1: Open AI: "Open AI" is not an entity id; expected lowercase ASCII letters, digits and hyphens such as claude-opus-4-6',
      "content/entities/file1.yaml:5: x1.type: expected one of organization, model, product, person",
      "content/entities/file1.yaml:4: x1.name: expected a name, or one per language: { zh: 千问, en: Qwen }",
      "content/entities/file1.yaml:7: x1.homepage: expected an http(s) address such as https://openai.com/",
      'content/entities/file1.yaml:4: x1: unknown field "nam"; expected type, name, aliases, homepage, org, description',
    ]);
  });

  it("reports a field given twice in one entity, and reads ids and aliases as written", () => {
    expect(problemsOf("qwen:\n  type: model\n  name: Qwen\n  aliases: [通义千问]\n  aliases: [QwQ]\n")).toEqual(["content/entities/file1.yaml:5: qwen.aliases: is given twice; keep one"]);
    const { registry } = parseRegistry([{ path: "e.yaml", text: "007:\n  type: model\n  name: Agent 007\n  aliases: [GPT-1.10]\n" }]);
    expect(registry.entities.get("007")!.aliases).toEqual(["Agent 007", "GPT-1.10"]);
  });

  it("reports a name too broad to match under its own field, once", () => {
    expect(problemsOf("x:\n  type: organization\n  name: Data\n")).toEqual([
      'content/entities/file1.yaml:3: x.name: "Data" is a common word and would match in nearly every post; use the full name',
    ]);
  });

  it("reports YAML that is not a map of entities", () => {
    expect(problemsOf("- openai\n- anthropic\n")[0]).toMatch(/^content\/entities\/file1\.yaml:1: expected a map from entity ids to entities/);
    expect(problemsOf("openai: [unclosed\n")[0]).toMatch(/^content\/entities\/file1\.yaml:\d+: invalid YAML/);
    // The line of the mistake, not the file's first line.
    expect(problemsOf("a:\n  type: organization\n  name: x: y\n")[0]).toBe("content/entities/file1.yaml:3: invalid YAML: Nested mappings are not allowed in compact mappings");
  });
});

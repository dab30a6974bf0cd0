import { describe, expect, it } from "vitest";
import { aliasProblem, createMatcher } from "../../src/entities/matcher.ts";
import { registryOf } from "../helpers/content.ts";

const registry = registryOf(`
openai: { type: organization, name: OpenAI }
meta: { type: organization, name: Meta }
alibaba: { type: organization, name: { zh: 阿里巴巴, en: Alibaba }, aliases: [阿里] }
qwen: { type: model, name: { zh: 千问, en: Qwen }, aliases: [通义千问], org: alibaba }
claude: { type: model, name: Claude }
claude-opus-4-6: { type: model, name: Claude Opus 4.6 }
gpt-5: { type: model, name: GPT-5, org: openai }
claude-code: { type: product, name: Claude Code }
codex: { type: product, name: Codex }
deeplearning: { type: organization, name: DeepLearning }
`);
const matcher = createMatcher(registry.entities.values());
const ids = (text: string) => matcher.find(text).map((m) => m.id);
const spans = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));

describe("the entity matcher", () => {
  it("finds Latin names as words and CJK names inside Chinese text", () => {
    expect(ids("OpenAI and Meta")).toEqual(["openai", "meta"]);
    expect(ids("阿里巴巴发布千问旗舰推理模型")).toEqual(["alibaba", "qwen"]);
    expect(ids("发布了OpenAI的新模型")).toEqual(["openai"]);
  });

  it("takes the longest name where names overlap", () => {
    expect(spans("阿里通义千问发布")).toEqual(["阿里", "通义千问"]);
    expect(ids("Claude Opus 4.6 beats Claude")).toEqual(["claude-opus-4-6", "claude"]);
  });

  it("keeps Meta the company apart from meta the word and from longer words", () => {
    expect(ids("meta-analysis of metadata")).toEqual([]);
    expect(ids("The Metaverse, Metadata and Meta_x")).toEqual([]);
    expect(ids("Meta's model")).toEqual(["meta"]);
  });

  it("does not read a name inside a longer version or a domain", () => {
    expect(ids("GPT-5.3 and GPT-5o")).toEqual([]);
    expect(ids("GPT-5, then GPT-5.")).toEqual(["gpt-5", "gpt-5"]);
    expect(ids("Claude Opus 4.65")).toEqual(["claude"]);
    expect(ids("DeepLearning.AI")).toEqual([]);
    expect(ids("x.OpenAI")).toEqual([]);
  });

  it("finds the names inside a longer name that does not stand alone", () => {
    expect(spans("Claude Codex and Claude Code")).toEqual(["Claude", "Codex", "Claude Code"]);
  });

  it("lets a version or variant follow a name that ends in a letter", () => {
    expect(ids("Qwen3-Max-Thinking and Qwen-VL")).toEqual(["qwen", "qwen"]);
    expect(ids("基于千问-VL的系统")).toEqual(["qwen"]);
  });

  it("finds nothing with an empty registry", () => {
    expect(createMatcher([]).find("OpenAI")).toEqual([]);
  });
});

describe("aliases that would match everywhere", () => {
  it("rejects one CJK character, single letters, common words and lowercase words", () => {
    expect(aliasProblem("问")).toMatch(/one character/);
    expect(aliasProblem("X")).toMatch(/single character/);
    expect(aliasProblem("The")).toMatch(/common word/);
    expect(aliasProblem("AI")).toMatch(/common word/);
    expect(aliasProblem("模型")).toMatch(/common word/);
    expect(aliasProblem("meta")).toMatch(/lowercase word.*"Meta"/);
  });

  it("accepts names", () => {
    for (const name of ["Meta", "OpenAI", "千问", "通义千问", "xAI", "GPT-5", "Z.ai", "Claude Opus 4.6", "Microsoft"]) expect(aliasProblem(name), name).toBeUndefined();
  });
});

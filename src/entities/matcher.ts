import { createRequire } from "node:module";
import { AhoCorasick } from "@monyone/aho-corasick";
import type { Entity } from "./registry.ts";

/*
 * Finding entities in text. Every alias of every entity goes into one Aho-Corasick automaton,
 * so a text is read once whatever the size of the registry; of the names found, the leftmost
 * wins, and the longest where names start together ("通义千问" over "千问", "Claude Opus 4.6"
 * over "Claude").
 *
 * Names are matched as written, case included: "Meta" is the company, "meta" the word. A
 * Latin name must stand as a word: "Meta" does not match in "Metaverse", "GPT-5" not in
 * "GPT-5.3" or "GPT-5o"; a version or variant may follow a name that ends in a letter
 * ("Qwen3", "Qwen-VL"). CJK names match anywhere inside Chinese text, which has no spaces.
 */

export interface Mention {
  id: string;
  /** UTF-16 offsets into the text; `end` is exclusive. */
  start: number;
  end: number;
}

export interface EntityMatcher {
  /** The entity mentions in a text, left to right, never overlapping. */
  find(text: string): Mention[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A letter or digit of a word written with spaces between words (Latin, Greek, Cyrillic…). */
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch) && !CJK.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && /\p{Nd}/u.test(ch);

/** Whether the match text[start, end) stands on its own under the rules above. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const first = text[start];
  const last = text[end - 1];
  if (isWordChar(first)) {
    const before = text[start - 1];
    if (isWordChar(before)) return false;
    // "x.OpenAI", "v.GPT": the name is the tail of a dotted word.
    if (before === "." && isWordChar(text[start - 2])) return false;
  }
  if (isWordChar(last)) {
    const after = text[end];
    const next = text[end + 1];
    if (isDigit(last)) {
      // A version continues: "GPT-5" in "GPT-5.3", "GPT-5o", "Opus 4.6" in "Opus 4.65".
      if (isWordChar(after)) return false;
      if ((after === "." || after === ",") && isDigit(next)) return false;
    } else {
      // A word continues: "Meta" in "Metaverse" or "Meta_data", a name in a domain ("DeepLearning.AI").
      if (isWordChar(after) && !isDigit(after)) return false;
      if (after === "." && isWordChar(next)) return false;
    }
  }
  return true;
}

export function createMatcher(entities: Iterable<Entity>): EntityMatcher {
  const idOf = new Map<string, string>();
  for (const entity of entities) for (const alias of entity.aliases) idOf.set(alias, entity.id);
  if (idOf.size === 0) return { find: () => [] };
  const automaton = new AhoCorasick([...idOf.keys()]);
  return {
    find(text) {
      // Every occurrence of every name, overlaps included; those that stand alone compete,
      // leftmost first and the longest at one start, so a name rejected at a boundary
      // ("Claude Code" in "Claude Codex") leaves room for the ones inside it ("Codex").
      const candidates = automaton
        .matchInText(text)
        .filter((m) => standsAlone(text, m.begin, m.end))
        .sort((a, b) => a.begin - b.begin || b.end - a.end);
      const found: Mention[] = [];
      let reached = 0;
      for (const m of candidates) {
        if (m.begin < reached) continue;
        found.push({ id: idOf.get(m.keyword)!, start: m.begin, end: m.end });
        reached = m.end;
      }
      return found;
    },
  };
}

const require = createRequire(import.meta.url);
const STOPWORDS = require("stopword") as Record<"eng" | "zho", string[]>;
/** Words nearly every post of an AI news blog uses: never the name of one thing. */
const GENERIC_TERMS = [
  "ai", "agi", "llm", "llms", "gpu", "gpus", "api", "agent", "agents", "model", "models", "chatbot", "robot", "chip", "chips", "cloud", "data", "open source",
  "人工智能", "大模型", "模型", "智能体", "机器人", "芯片", "算力", "公司", "开源", "数据", "应用", "产品", "技术", "行业",
];
const COMMON_WORDS = new Set([...STOPWORDS.eng, ...STOPWORDS.zho, ...GENERIC_TERMS]);

/**
 * Why an alias would match where it names nothing (it would turn up in nearly every post),
 * or undefined when it is fine: one CJK character, a single letter, a common word in either
 * language, or a Latin word in lowercase (names are matched as written, so it would match the
 * ordinary word).
 */
export function aliasProblem(alias: string): string | undefined {
  const chars = [...alias];
  if (chars.length === 0) return "is empty";
  if (chars.length === 1) return CJK.test(alias) ? "is one character and would match inside countless Chinese words; use the full name (千问, not 问)" : "is a single character; use the full name";
  if (COMMON_WORDS.has(alias.toLowerCase())) return "is a common word and would match in nearly every post; use the full name";
  if (/^[a-z]+$/.test(alias)) return `is a lowercase word and would match the ordinary word; write it as the name is capitalized ("${alias[0]!.toUpperCase()}${alias.slice(1)}")`;
  return undefined;
}

/**
 * A deterministic synthetic bilingual corpus for tests and the benchmark: every day a
 * daily brief per language, every week a digest, a deep dive every third day; 40 tags,
 * half Chinese; bodies of about 6 KB with headings, lists and source links; an entity
 * registry (content/entities/) of a few hundred companies, models, products and people,
 * each headline naming one of them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Kind, Lang } from "../src/config.ts";

export interface CorpusOptions {
  /** Number of posts to write (both languages together). */
  posts: number;
  /** First day of the corpus. */
  start?: string;
  seed?: number;
  /** Approximate body size in bytes. */
  bodyBytes?: number;
  /** Entities in the registry the corpus writes (0: no registry); default 300. */
  entities?: number;
}

export interface CorpusSummary {
  posts: number;
  entities: number;
  byKind: Record<Kind, number>;
  weeks: number;
  tags: string[];
}

const ZH_TAGS = ["大模型", "AI 日报", "Agent/智能体", "多模态", "推理", "开源", "算力", "芯片", "具身智能", "机器人", "安全", "监管", "融资", "教育", "医疗", "自动驾驶", "语音", "搜索", "编程", "数据"];
const EN_TAGS = ["LLM", "Agents", "C++", "Open Source", "Inference", "GPUs", "Robotics", "Safety", "Policy", "Funding", "Research", "Vision", "Speech", "Search", "Coding", "Data", "Benchmarks", "Startups", "Cloud", "Hardware"];
export const CORPUS_TAGS = [...ZH_TAGS, ...EN_TAGS];

const ZH_WORDS = "模型 发布 推理 能力 企业 代理 训练 数据 安全 开源 算力 芯片 应用 平台 研究 团队 用户 成本 性能 生态 市场 监管 产品 工具 框架".split(" ");
const EN_WORDS = "model release reasoning agents enterprise training data safety open source compute chips platform research team users cost performance market policy product tools framework launch benchmark".split(" ");

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(lang: Lang, random: () => number, words: number): string {
  const pool = lang === "zh" ? ZH_WORDS : EN_WORDS;
  const picked = Array.from({ length: words }, () => pool[Math.floor(random() * pool.length)]!);
  return lang === "zh" ? picked.join("") + "。" : picked.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
}

const ENTITY_TYPES = ["organization", "model", "product", "person"] as const;
const ZH_NAME_PARTS = "星 辰 智 元 深 度 天 工 灵 犀 云 启 明 图 数 海 峰 光 川 量".split(" ");

/** An entity's names: "Nova7 Labs" / "星辰7号", distinct for every n. */
function entityNames(n: number): { zh: string; en: string } {
  const zh = ZH_NAME_PARTS[n % ZH_NAME_PARTS.length]! + ZH_NAME_PARTS[Math.floor(n / ZH_NAME_PARTS.length) % ZH_NAME_PARTS.length]!;
  return { zh: `${zh}${n}号`, en: `Nova${n} Labs` };
}

/** content/entities/generated.yaml: `count` entities, each with a name per language and an alias. */
function writeRegistry(dir: string, count: number): void {
  if (count === 0) return;
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const names = entityNames(n);
    const type = ENTITY_TYPES[n % ENTITY_TYPES.length]!;
    lines.push(`entity-${n}:`, `  type: ${type}`, `  name: { zh: ${names.zh}, en: ${names.en} }`, `  aliases: [Nova${n}AI]`);
    if (type !== "organization") lines.push(`  org: entity-${n - (n % ENTITY_TYPES.length)}`);
  }
  mkdirSync(path.join(dir, "entities"), { recursive: true });
  writeFileSync(path.join(dir, "entities", "generated.yaml"), lines.join("\n") + "\n");
}

/**
 * A post's body in the shape real posts have: a brief's items are headings with a source line
 * under each, a deep dive's sections name their source, a digest lists items in bold with a
 * "details" link; a digest cites some of its week's brief items again (the same story), so
 * cross-links between items are part of what the corpus costs.
 */
function body(lang: Lang, kind: Kind, random: () => number, bytes: number, id: number, weekLink: string, dailyLinks: string[], entities: number, cited: string[], weekSources: string[]): string {
  const parts: string[] = [sentence(lang, random, 24), ""];
  const source = lang === "zh" ? "来源" : "Source";
  const details = lang === "zh" ? "详情" : "Details";
  let n = 0;
  while (Buffer.byteLength(parts.join("\n")) < bytes) {
    n++;
    parts.push(`## ${lang === "zh" ? `第 ${n} 部分：` : `Part ${n}: `}${sentence(lang, random, 4).replace(/[。.]$/, "")}`, "");
    for (let i = 0; i < 4; i++) {
      const named = entities ? `${entityNames(Math.floor(random() * entities))[lang]} ` : "";
      const headline = named + sentence(lang, random, 3).replace(/[。.]$/, "");
      // A digest picks up one item in four from its week's briefs; the rest are its own.
      const reused = kind === "weekly" && weekSources.length > 0 && random() < 0.25 ? weekSources[Math.floor(random() * weekSources.length)] : undefined;
      const url = reused ?? `https://news.example.org/${id}/${n}/${i}?utm_source=corpus`;
      cited.push(url);
      if (kind === "weekly") parts.push(`- **${headline}**  `, `  ${sentence(lang, random, 18)}  `, `  ${details}：[${sentence(lang, random, 2).replace(/[。.]$/, "")}](${url})`, "");
      else if (kind === "deep-dive") parts.push(`### ${i + 1}) ${headline}`, "", `${source}：Example News`, url, "", `- ${sentence(lang, random, 18)}`, "");
      else parts.push(`### ${headline}`, "", sentence(lang, random, 18), "", `${source}：[Example News](${url})`, "");
    }
    parts.push(`### ${lang === "zh" ? "分析" : "Analysis"}`, "", sentence(lang, random, 30), "");
  }
  if (kind === "weekly") {
    parts.push("## " + (lang === "zh" ? "本周日报" : "This week's briefs"), "");
    for (const link of dailyLinks) parts.push(`- [${link}](../daily/${link}.md)`);
    parts.push("");
  }
  parts.push(`- [AI Weekly Digest — ${weekLink}](../weekly_news/ai_news_${weekLink})`, "");
  return parts.join("\n");
}

/** Writes the corpus under `dir/{lang}/{kind}/`. */
export function generateCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const random = mulberry32(options.seed ?? 42);
  const bytes = options.bodyBytes ?? 6000;
  const entities = options.entities ?? 300;
  writeRegistry(dir, entities);
  const start = DateTime.fromISO(options.start ?? "2015-01-01", { zone: "Asia/Shanghai" });
  const byKind: Record<Kind, number> = { weekly: 0, daily: 0, "deep-dive": 0 };
  const weeks = new Set<string>();
  let written = 0;
  let id = 0;
  const write = (lang: Lang, kind: Kind, name: string, fm: Record<string, string>, text: string) => {
    if (written >= options.posts) return;
    const folder = path.join(dir, lang, kind);
    mkdirSync(folder, { recursive: true });
    const yaml = Object.entries({ ...fm, slug: name }).map(([k, v]) => `${k}: ${v}`).join("\n");
    writeFileSync(path.join(folder, `${name}.md`), `---\n${yaml}\n---\n${text}`);
    written++;
    byKind[kind]++;
  };
  // The sources the briefs and deep dives of the current week cite, per language: its digest picks some up.
  const weekSources: Record<Lang, string[]> = { zh: [], en: [] };
  for (let day = 0; written < options.posts; day++) {
    const date = start.plus({ days: day });
    if (date.weekday === 1) Object.assign(weekSources, { zh: [], en: [] });
    const iso = date.toISODate()!;
    const week = `${date.weekYear}-W${String(date.weekNumber).padStart(2, "0")}`;
    weeks.add(week);
    for (const lang of ["zh", "en"] as Lang[]) {
      const tags = (n: number) => {
        const list = Array.from({ length: n }, () => CORPUS_TAGS[Math.floor(random() * CORPUS_TAGS.length)]!);
        return `[${[...new Set(list)].map((t) => JSON.stringify(t)).join(", ")}]`;
      };
      const title = (kind: string) => JSON.stringify(lang === "zh" ? `${iso} ${kind} ${sentence("zh", random, 4)}` : `${kind} for ${iso}: ${sentence("en", random, 4)}`);
      id++;
      write(lang, "daily", iso, { title: title(lang === "zh" ? "AI 日报" : "Daily brief"), date: iso, tags: tags(3), authors: "[Jeremy]" }, body(lang, "daily", random, bytes, id, week, [], entities, weekSources[lang], []));
      if (day % 3 === 1) {
        id++;
        write(lang, "deep-dive", `${iso}-deep-dive`, { title: title(lang === "zh" ? "深度" : "Deep dive"), date: `${iso}T08:00:00+08:00`, tags: tags(4) }, body(lang, "deep-dive", random, bytes, id, week, [], entities, weekSources[lang], []));
      }
      if (date.weekday === 7) {
        id++;
        const dailies = Array.from({ length: 7 }, (_, i) => date.minus({ days: 6 - i })).filter((d) => d >= start).map((d) => d.toISODate()!);
        write(lang, "weekly", week.toLowerCase(), { title: title(lang === "zh" ? `${week} 周报` : `Weekly digest ${week}`), date: iso, week, tags: tags(5), authors: "[Jeremy]" }, body(lang, "weekly", random, bytes, id, week, dailies, entities, [], weekSources[lang]));
      }
    }
  }
  return { posts: written, entities, byKind, weeks: weeks.size, tags: CORPUS_TAGS };
}

/**
 * npm run new -- <weekly|daily|deep-dive> [--lang zh|en] [--title "…"] [--date YYYY-MM-DD] [--content DIR]
 *
 * Creates a post in content/{lang}/{kind}/ with canonical front matter and a skeleton for
 * its kind, prints its path, and refuses to overwrite an existing file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import { KINDS, site, type Kind, type Lang } from "../src/config.ts";
import { isoWeekOf, parseDate } from "../src/content/dates.ts";
import { kindFromValue, langFromValue } from "../src/content/infer.ts";
import { skeleton } from "../src/content/skeleton.ts";
import { derivePostSlug } from "../src/i18n/slug.ts";

export interface NewPostOptions {
  kind: string;
  lang?: string;
  title?: string;
  date?: string;
  root: string;
  contentDir: string;
  now?: Date;
}

export type NewPostResult = { path: string; error?: undefined } | { path?: undefined; error: string };

function defaultTitle(kind: Kind, lang: Lang, day: string, week: string): string {
  const titles: Record<Kind, Record<Lang, string>> = {
    weekly: { zh: `${week} 人工智能周报`, en: `AI weekly digest ${week}` },
    daily: { zh: `AI 日报（${day}）`, en: `AI daily brief (${day})` },
    "deep-dive": { zh: `AI 深度报告（${day}）`, en: `AI deep dive (${day})` },
  };
  return titles[kind][lang];
}

/** What the `entities` field is for, written beside it: the names are found in the text. */
const ENTITIES_HINT: Record<Lang, string> = {
  zh: "正文里的公司、模型、产品和人物按 content/entities/ 自动识别；这里写 id 补充（qwen），写 -id 排除（-meta）",
  en: "companies, models, products and people in content/entities/ are found in the text; add an id here (qwen) or leave one out (-meta)",
};

export function createPost(options: NewPostOptions): NewPostResult {
  const kind = kindFromValue(options.kind);
  if (!kind) return { error: `kind: "${options.kind}" is not a kind of post; expected ${KINDS.join(", ")}` };
  const lang = options.lang === undefined ? site.defaultLang : langFromValue(options.lang);
  if (!lang) return { error: `--lang: "${options.lang}" is not a site language; expected zh or en` };
  const day = options.date ?? DateTime.fromJSDate(options.now ?? new Date(), { zone: site.timeZone }).toISODate()!;
  const date = parseDate(day, site.timeZone);
  if (!date || date.hasTime) return { error: `--date: "${day}" is not a valid date; expected YYYY-MM-DD` };
  const week = isoWeekOf(date.instant, site.timeZone);
  const title = options.title?.trim() || defaultTitle(kind, lang, date.day, week);
  const slug = derivePostSlug(title, kind === "weekly" ? week : date.day);

  const fm: Record<string, unknown> = { title, kind, lang, date: date.day };
  if (kind === "weekly") fm.week = week;
  fm.tags = ["AI"];
  fm.authors = [];
  fm.entities = [];
  fm.slug = slug;
  const file = path.join(options.root, options.contentDir, lang, kind, `${slug}.md`);
  const rel = path.relative(options.root, file).split(path.sep).join("/");
  if (existsSync(file)) return { error: `${rel} already exists; choose another --title or edit that file` };
  mkdirSync(path.dirname(file), { recursive: true });
  const yaml = stringify(fm, { lineWidth: 0, flowCollectionPadding: false }).replace(/^entities: \[\]$/m, `entities: []  # ${ENTITIES_HINT[lang]}`);
  writeFileSync(file, `---\n${yaml}---\n${skeleton(kind, lang)}`, { flag: "wx" });
  return { path: rel };
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      title: { type: "string" },
      date: { type: "string" },
      content: { type: "string", default: "content" },
    },
  });
  if (positionals.length !== 1) {
    console.error('usage: npm run new -- <weekly|daily|deep-dive> [--lang zh|en] [--title "…"] [--date YYYY-MM-DD]');
    return 2;
  }
  const result = createPost({ kind: positionals[0]!, lang: values.lang, title: values.title, date: values.date, root: process.cwd(), contentDir: values.content! });
  if (result.error) {
    console.error(`error: ${result.error}`);
    return 1;
  }
  console.log(result.path);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

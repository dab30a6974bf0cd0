/**
 * npm run new -- <weekly|daily|deep-dive> [--lang zh|en] [--title "…"] [--date YYYY-MM-DD] [--content DIR]
 * npm run new -- --translate <post>
 *
 * Creates a post in content/{lang}/{kind}/ with canonical front matter and a skeleton for
 * its kind, prints its path, and refuses to overwrite an existing file. With --translate, the
 * skeleton of a post's translation in the other language: the same fields, the original's
 * body to translate in place, a draft, and the version of the original it translates.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import { KINDS, otherLang, site, type Kind, type Lang, type SiteConfig } from "../src/config.ts";
import { canonicalFrontMatter } from "../src/content/canonical.ts";
import { bodyDigest } from "../src/content/digest.ts";
import { relativePath } from "../src/content/files.ts";
import { loadContent } from "../src/content/load.ts";
import { normalizePost } from "../src/content/normalize.ts";
import { groupBySeries, translatedSeries } from "../src/collections/series.ts";
import { pairTranslations, type TranslationSet } from "../src/collections/translations.ts";
import type { Post } from "../src/content/schema.ts";
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
  const file = path.resolve(options.root, options.contentDir, lang, kind, `${slug}.md`);
  const rel = path.relative(options.root, file).split(path.sep).join("/");
  if (existsSync(file)) return { error: `${rel} already exists; choose another --title or edit that file` };
  mkdirSync(path.dirname(file), { recursive: true });
  const yaml = stringify(fm, { lineWidth: 0, flowCollectionPadding: false }).replace(/^entities: \[\]$/m, `entities: []  # ${ENTITIES_HINT[lang]}`);
  writeFileSync(file, `---\n${yaml}---\n${skeleton(kind, lang)}`, { flag: "wx" });
  return { path: rel };
}

export interface TranslateOptions {
  /** The original's file, relative to `cwd`. */
  source: string;
  root: string;
  contentDir: string;
  config: Pick<SiteConfig, "timeZone" | "authors">;
  cwd?: string;
}

/**
 * Writes the skeleton of a post's translation: same kind, date, week, translationKey, tags,
 * authors and entities; the original's body (headings, items, links) for the translator to
 * translate in place, never a machine translation; `draft: true` until it is done; and
 * `translationOf`, the version of the original it starts from. It goes to the same path under
 * the other language's folder, which pairs it with the original when there is no key.
 */
export function createTranslation(options: TranslateOptions): NewPostResult {
  const { root, contentDir, config } = options;
  const { posts, problems } = loadContent({ root, contentDir, timeZone: config.timeZone, authors: config.authors });
  const sourcePath = relativePath(root, path.resolve(options.cwd ?? root, options.source));
  const original = posts.find((p) => p.sourcePath === sourcePath);
  if (!original) {
    const own = problems.find((p) => p.file === sourcePath);
    if (own) return { error: `${sourcePath} does not read (${own.message}); fix it before translating it` };
    return { error: `--translate: ${sourcePath} is not a post under ${contentDir}/; name the original's file, such as ${contentDir}/zh/weekly/2026-w06-x.md` };
  }
  const lang = otherLang(original.lang);
  const { translations } = pairTranslations(posts);
  const existing = translations.get(original)?.[lang];
  if (existing) return { error: `${sourcePath} already has a translation: ${existing.sourcePath}; edit that file` };
  const [top, ...below] = original.contentPath.split("/");
  if (top !== original.lang && !original.translationKey) {
    return { error: `${sourcePath} has no translationKey and is not under ${contentDir}/${original.lang}/, so no translation could pair with it; add "translationKey: ${original.kind}-${original.slug}" to it, then run this again` };
  }
  const contentPath = top === original.lang ? [lang, ...below].join("/") : `${lang}/${original.kind}/${original.slug}.md`;
  const file = path.join(root, contentDir, ...contentPath.split("/"));
  const rel = relativePath(root, file);
  if (existsSync(file)) return { error: `${rel} already exists; edit that file, or give it translationOf by hand` };

  // Corrections and updates belong to the original's history, not the translation's.
  const { aliases: _aliases, scheduled: _scheduled, translationOf: _record, updated: _updated, corrections: _corrections, ...fields } = canonicalFrontMatter(original, config.timeZone);
  // A series already begun in this language keeps its name there; else the translator names it.
  const seriesName = original.series && translatedSeriesName(original, posts, translations);
  if (seriesName) fields.series = seriesName;
  const fm = { ...fields, lang, draft: true, translationOf: { source: original.contentPath, slug: original.slug, digest: bodyDigest(original.body) } };
  const series = original.series && !seriesName ? ", the series name" : "";
  const note = `# Translation of ${sourcePath}: translate the title, summary${series} and body in place, then remove "draft"`;
  const text = `---\n${note}\n${stringify(fm, { lineWidth: 0, flowCollectionPadding: false })}---\n${original.body}`;
  const check = normalizePost(text, { sourcePath: rel, contentPath, timeZone: config.timeZone, authors: config.authors });
  if (!check.post) return { error: `the translation of ${sourcePath} would not read (${check.problems[0]?.message}); nothing was written` };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: "wx" });
  return { path: rel };
}

/** The name of the original's series in the other language: that of the series its parts' translations belong to. */
function translatedSeriesName(original: Post, posts: Post[], translations: Map<Post, TranslationSet>): string | undefined {
  const series = groupBySeries(posts).groups;
  const group = [...series[original.lang].values()].find((g) => g.posts.includes(original));
  return group && translatedSeries(group, translations, series)?.name;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      title: { type: "string" },
      date: { type: "string" },
      content: { type: "string", default: "content" },
      translate: { type: "string" },
    },
  });
  if (positionals.length !== (values.translate === undefined ? 1 : 0)) {
    console.error('usage: npm run new -- <weekly|daily|deep-dive> [--lang zh|en] [--title "…"] [--date YYYY-MM-DD]  |  npm run new -- --translate <post>');
    return 2;
  }
  const root = process.cwd();
  const result =
    values.translate !== undefined
      ? createTranslation({ source: values.translate, root, contentDir: values.content!, config: site })
      : createPost({ kind: positionals[0]!, lang: values.lang, title: values.title, date: values.date, root, contentDir: values.content! });
  if (result.error) {
    console.error(`error: ${result.error}`);
    return 1;
  }
  console.log(result.path);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

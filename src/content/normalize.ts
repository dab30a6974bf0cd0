import type { Author, Kind, Lang } from "../config.ts";
import { DATE_EXPECTED, dateInText, isoWeekOf, normalizeWeek, parseDate, weekInText, weekRange, type ParsedDate } from "./dates.ts";
import type { ContentProblem } from "./errors.ts";
import { parseSource } from "./frontmatter.ts";
import { fromFolders, kindFromValue, kindFromWords, langFromText, langFromValue, sameTitle, thirdLanguage, titleLine } from "./infer.ts";
import { briefHeadlines, firstParagraphText, markdownText } from "../markdown/render.ts";
import { frontMatterSchema, type Correction, type Cover, type FrontMatter, type Inference, type Post, type SeriesRef } from "./schema.ts";
import { derivePostSlug, SLUG_PATTERN } from "../i18n/slug.ts";
import { DIGEST_PATTERN } from "./digest.ts";

export interface NormalizeOptions {
  /** Path shown in messages and kept on the post (relative to the project root). */
  sourcePath: string;
  /** Path below the content folder, whose folders may name the language and kind. */
  contentPath: string;
  timeZone: string;
  /** Known authors; a tag naming one becomes an author. */
  authors: Author[];
  /** What import fills in when the post says nothing of it (--title, --date, a git commit's date), and where it came from. */
  fallback?: { title?: string; date?: string; dateFrom?: string };
}

export type NormalizeResult = { post: Post; problems?: undefined } | { post?: undefined; problems: ContentProblem[] };

const SUMMARY_LENGTH = 160;
/** How many news item headlines make a brief's generated summary. */
const BRIEF_SUMMARY_ITEMS = 3;
/** Plain text as Markdown that reads back as the same text. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, "\\$&");

/** The front-matter line that sets `field`, for messages. */
function fieldLine(matter: string, field: string, matterLine: number): number | undefined {
  const lines = matter.split("\n");
  const pattern = new RegExp(`^\\s*["']?${field.replace(/[-]/g, "\\-")}["']?\\s*[:=]`);
  // The last line that sets it: a key set twice keeps its last value.
  const i = lines.findLastIndex((l) => pattern.test(l));
  return i === -1 ? undefined : i + matterLine;
}

/**
 * The line of the `index`th entry of a list field: a YAML "- " item below the field, or a
 * TOML [[field]] table. Undefined when the list is written inline.
 */
function listItemLine(matter: string, field: string, index: number, matterLine: number): number | undefined {
  const lines = matter.split("\n");
  const tables = lines.flatMap((l, i) => (new RegExp(`^\\s*\\[\\[\\s*${field}\\s*\\]\\]`).test(l) ? [i + matterLine] : []));
  if (tables.length) return tables[index];
  const start = fieldLine(matter, field, matterLine);
  if (start === undefined) return undefined;
  let indent: number | undefined;
  const items: number[] = [];
  for (let i = start - matterLine + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const lead = line.length - line.trimStart().length;
    if (lead === 0 && !line.startsWith("-")) break;
    if (!/^\s*-(\s|$)/.test(line)) continue;
    indent ??= lead;
    if (lead === indent) items.push(i + matterLine);
  }
  return items[index];
}

/**
 * Why an old URL cannot be an address of this site, or undefined: a dot segment or a
 * backslash (also percent-encoded) would put the redirect outside the output folder.
 */
function unsafeAddress(url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return "has a broken percent escape";
  }
  if (/[\\\u0000]/.test(decoded)) return "has a backslash or a NUL character";
  if (decoded.split("/").some((part) => part === "." || part === "..")) return 'has a "." or ".." segment, which leads outside the site';
  return undefined;
}

/** The name that dates a post: its file's, or its folder's for a page bundle's index.md (2024-06-14-launch/index.md). */
function fileNameOf(sourcePath: string): string {
  const parts = sourcePath.split("/");
  const name = parts.at(-1) ?? "";
  return /^(?:index|_index)\.[^.]+$/i.test(name) && parts.length > 1 ? parts.at(-2)! : name;
}

const byLine = (problems: ContentProblem[]) => [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

/** Text as pages and feeds can carry it: no control characters, no lone surrogates. */
function clean(text: string): string {
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "");
}

function list(value: string | string[] | null | undefined): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? value : value.split(/[,，]/);
  return items.map((s) => clean(s).replace(/\s+/g, " ").trim()).filter(Boolean);
}

function uniqueBy(items: string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join("").trimEnd() + "…";
}

/** A Markdown summary ("- a\n- b") as one line: list items joined by semicolons. */
function plainSummary(summary: string, lang: Lang): string {
  return summary
    .split(/\r?\n/)
    .map((line) => markdownText(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")))
    .filter(Boolean)
    .join(lang === "zh" ? "；" : "; ");
}

const UNSAFE_URL = /^\s*(?:javascript|vbscript|data|file):/i;

function isSafeImageUrl(src: string): boolean {
  const compact = src.replace(/[\u0000-\u0020]/g, "");
  if (UNSAFE_URL.test(compact) || compact.startsWith("//")) return false;
  return /^https?:\/\//i.test(compact) || !/^[a-z][a-z0-9+.-]*:/i.test(compact);
}

/**
 * Reads one post in any accepted shape into a typed `Post`, or lists every problem it has.
 */
export function normalizePost(source: string, options: NormalizeOptions): NormalizeResult {
  const file = options.sourcePath;
  const parsed = parseSource(source);
  if ("message" in parsed) return { problems: [{ ...parsed, file }] };

  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = parsed.warnings.map((w) => ({ ...w, file }));
  const inferred: Inference[] = [];
  // Each field's line is looked up once: a list of 20,000 bad entries read the whole front matter 20,000 times (21 s).
  const fieldLines = new Map<string, number | undefined>();
  const lineOf = (field: string) => {
    if (!fieldLines.has(field)) fieldLines.set(field, fieldLine(parsed.matter, field, parsed.matterLine));
    return fieldLines.get(field);
  };
  const problem = (field: string, message: string) => problems.push({ file, line: lineOf(field), field, message });
  const infer = (field: string, value: string, from: string) => inferred.push({ field, value, from });

  const checked = frontMatterSchema.safeParse(parsed.data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "front matter");
      const path = issue.path.join(".");
      problem(field, `${issue.message}${path !== field ? ` (at ${path})` : ""}`);
    }
    return { problems: byLine(problems) };
  }
  const fm: FrontMatter = checked.data;
  const folders = fromFolders(options.contentPath);

  // Title, and the repeated title line that must not show twice.
  let body = parsed.body;
  let bodyLine = parsed.bodyLine;
  const firstLine = titleLine(body);
  const lineTitle = firstLine ? clean(firstLine.title).replace(/\s+/g, " ").trim() : "";
  let title = clean(fm.title ?? "").replace(/\s+/g, " ").trim();
  if (!title && lineTitle) {
    title = lineTitle;
    infer("title", title, "the first line of the body");
  }
  if (!title && options.fallback?.title) {
    title = clean(options.fallback.title).replace(/\s+/g, " ").trim();
    infer("title", title, "--title");
  }
  if (!title) {
    problems.push({
      file,
      line: fm.title !== undefined ? lineOf("title") : parsed.bodyLine,
      field: "title",
      message: 'missing; expected a "title" field, a first line "# Title", or a styled title line',
    });
  }
  if (firstLine && title && sameTitle(lineTitle, title)) {
    body = body.slice(firstLine.end);
    bodyLine += firstLine.lines;
  }

  // Language.
  let lang: Lang | undefined;
  if (fm.lang !== undefined) {
    lang = langFromValue(fm.lang) ?? undefined;
    if (!lang) problem("lang", `"${fm.lang}" is not a site language; expected zh or en`);
  } else if (folders.lang) {
    lang = folders.lang;
    infer("lang", lang, "the folder");
  } else {
    lang = langFromText(`${title}\n${body}`);
    infer("lang", lang, "the text");
    const other = lang === "en" ? thirdLanguage(`${title}\n${body}`) : undefined;
    if (other) warnings.push({ file, line: 1, field: "lang", message: `the text reads as ${other}, which is not a language of this site; it is published as English; add "lang: en" to keep it so, or translate it` });
  }

  // Kind.
  let kind: Kind | undefined;
  if (fm.kind !== undefined) {
    kind = kindFromValue(fm.kind) ?? undefined;
    if (!kind) problem("kind", `"${fm.kind}" is not a kind of post; expected weekly, daily or deep-dive`);
  } else if (folders.kind) {
    kind = folders.kind;
    infer("kind", kind, "the folder");
  } else {
    const words = [...list(fm.category), ...list(fm.categories), ...list(fm.taxonomies?.categories), title, fileNameOf(file)];
    const byWords = kindFromWords(words);
    if (byWords) {
      kind = byWords.value;
      infer("kind", kind, byWords.from);
    } else {
      kind = "daily";
      infer("kind", kind, "the default (no folder, category or title word named one)");
    }
  }

  // Date: front matter, then a day in the file name or title, then an ISO week there.
  let date: ParsedDate | null = null;
  let weekFromText: string | undefined;
  if (fm.date !== undefined) {
    date = parseDate(fm.date, options.timeZone);
    if (!date) problem("date", `"${fm.date}" is not a valid date; ${DATE_EXPECTED}`);
  } else {
    // The file name first: a date there is deliberate, one in a title may belong to a model's name.
    const name = fileNameOf(file);
    const day = dateInText(name, { compact: true }) ?? dateInText(title);
    const week = day ? null : (weekInText(name) ?? weekInText(title));
    const where = (found: (text: string, options?: { compact: boolean }) => string | null) => (found(name, { compact: true }) ? "the file name" : "the title");
    const inferDay = (value: string, from: string) => {
      date = parseDate(value, options.timeZone);
      if (date) infer("date", value, from);
      else problem("date", `"${value}" in ${from} is not a date this site can show; add "date: YYYY-MM-DD"`);
    };
    if (day) inferDay(day, where(dateInText));
    else if (!week && options.fallback?.date) inferDay(options.fallback.date, options.fallback.dateFrom ?? "--date");
    else if (week) {
      weekFromText = week;
      inferDay(weekRange(week).start, `the week ${week} in ${where(weekInText)} (its Monday, so the post is never held back as scheduled; add "date:" to say the day it was published)`);
    } else {
      problems.push({
        file,
        line: 1,
        field: "date",
        message: `missing; add "date: YYYY-MM-DD" to the front matter (no date or ISO week such as 2026-W06 was found in the front matter, the title or the file name)`,
      });
    }
  }

  let scheduled: Date | undefined;
  if (fm.scheduled != null) {
    const parsedScheduled = parseDate(fm.scheduled, options.timeZone);
    if (!parsedScheduled) problem("scheduled", `"${fm.scheduled}" is not a valid date; ${DATE_EXPECTED}`);
    else scheduled = parsedScheduled.instant;
  }

  // Updated and corrections: what changed after publication. An `updated` before the date, or a
  // correction without a date, would show readers a history that cannot be; both stop the build.
  // A bare day on the publication day means "that day": it is read as the publication moment.
  const notBefore = (at: ParsedDate) => (date && at.instant < date.instant ? date.instant : at.instant);
  const beforeDate = (at: ParsedDate) => !!date && at.instant < date.instant && (at.hasTime || at.day < date.day);
  let updated: Date | undefined;
  for (const field of ["updated", "lastmod", "last_modified_at"] as const) {
    const value = fm[field];
    if (value == null) continue;
    const at = parseDate(value, options.timeZone);
    if (!at) problem(field, `"${value}" is not a valid date; ${DATE_EXPECTED}`);
    else if (beforeDate(at)) problem(field, `"${value}" is before the post's date (${date!.day}); expected the moment of the last change, on or after the date`);
    else if (!updated || notBefore(at) > updated) updated = notBefore(at);
  }
  const corrections: Correction[] = [];
  (fm.corrections ?? []).forEach((correction, i) => {
    const where = `correction ${i + 1}${fm.corrections!.length > 1 ? ` of ${fm.corrections!.length}` : ""}`;
    const line = listItemLine(parsed.matter, "corrections", i, parsed.matterLine) ?? lineOf("corrections");
    const report = (message: string) => problems.push({ file, line, field: "corrections", message });
    const correctionText = clean(correction.text).trim();
    if (!correctionText) return report(`${where} has no text; expected text: "what was wrong and what it says now"`);
    if (correction.date == null) return report(`${where} has no date; expected date: YYYY-MM-DD (or a date-time) saying when it was corrected`);
    const at = parseDate(correction.date, options.timeZone);
    if (!at) return report(`${where}: "${correction.date}" is not a valid date; ${DATE_EXPECTED}`);
    if (beforeDate(at)) return report(`${where} is dated ${at.hasTime ? correction.date : at.day}, before the post's date (${date!.day})`);
    corrections.push({ date: notBefore(at), day: at.day, text: correctionText });
  });
  corrections.sort((a, b) => b.date.getTime() - a.date.getTime());
  if (corrections[0] && (!updated || corrections[0].date > updated)) updated = corrections[0].date;
  // A change at the publication moment is no change: nothing says "updated".
  if (updated && date && updated.getTime() === date.instant.getTime()) updated = undefined;

  // Series: a name, and a part number when the order is not the dates'.
  let series: SeriesRef | undefined;
  const seriesName = clean(fm.series ?? "").replace(/\s+/g, " ").trim();
  if (seriesName) {
    const partValue = fm.part == null ? "" : String(fm.part).trim();
    const partNumber = /^\d+$/.test(partValue) && Number(partValue) >= 1 ? Number(partValue) : undefined;
    series = { name: seriesName, line: lineOf("series"), ...(partNumber ? { part: partNumber } : partValue ? { partText: partValue } : {}) };
  } else if (fm.part != null) {
    problem("part", `"${fm.part}" is a part of no series; add "series: <name>" or remove "part"`);
  }

  let week: string | undefined;
  if (fm.week !== undefined) {
    week = normalizeWeek(fm.week) ?? undefined;
    if (!week) problem("week", `"${fm.week}" is not an ISO week; expected YYYY-Www such as 2026-W06`);
  } else if (weekFromText) {
    week = weekFromText;
  } else if (date) {
    week = isoWeekOf(date.instant, options.timeZone);
    if (kind === "weekly") infer("week", week, "the date");
  }

  // Summary.
  let summary = clean(fm.summary ?? "").trim() || clean(fm.description ?? "").trim();
  // A brief's summary is what it reports: the headlines of its first items, never a label.
  const headlines = !summary && kind === "daily" ? briefHeadlines(body, BRIEF_SUMMARY_ITEMS) : [];
  if (headlines.length >= 2) {
    summary = truncate(headlines.map(escapeMarkdown).join(lang === "en" ? "; " : "；"), SUMMARY_LENGTH);
    infer("summary", summary, "the brief's first headlines");
  } else if (!summary) {
    summary = truncate(firstParagraphText(body), SUMMARY_LENGTH);
    if (summary) infer("summary", summary, "the first paragraph");
  }

  // Tags and authors: legacy posts tag their author.
  const authorNames = new Map(options.authors.map((a) => [a.name.toLowerCase(), a.name]));
  const tagKey = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const declaredAuthors = [...list(fm.authors), ...list(fm.author)].map((name) => authorNames.get(name.toLowerCase()) ?? name);
  const tags: string[] = [];
  const authors: string[] = [...declaredAuthors];
  for (const tag of [...list(fm.tags), ...list(fm.taxonomies?.tags)]) {
    const author = authorNames.get(tag.toLowerCase());
    if (author) {
      authors.push(author);
      infer("authors", author, `the tag "${tag}"`);
    } else tags.push(tag);
  }

  // Cover image.
  let cover: Cover | undefined;
  const coverValue: FrontMatter["cover"] = fm.cover ?? fm.coverImage ?? fm.image ?? undefined;
  const coverField = fm.cover != null ? "cover" : fm.coverImage != null ? "coverImage" : "image";
  if (coverValue) {
    const src = (typeof coverValue === "string" ? coverValue : coverValue.src).trim();
    const alt = typeof coverValue === "string" ? "" : clean(coverValue.alt ?? "").trim();
    if (!isSafeImageUrl(src)) problem(coverField, `"${src}" is not an image URL; expected https://… or a path on this site`);
    else if (src) cover = { src, alt, field: coverField, line: lineOf(coverField) };
  }

  // Slug.
  let slug = "";
  if (fm.slug !== undefined) {
    slug = fm.slug.trim();
    if (!SLUG_PATTERN.test(slug)) problem("slug", `"${fm.slug}" is not a URL segment; expected lowercase ASCII letters, digits and hyphens such as ai-weekly-w06`);
  } else if (title && date && week) {
    slug = derivePostSlug(title, kind === "weekly" ? week : date.day);
    infer("slug", slug, "the title and date");
  }

  // Old URLs.
  const aliases: string[] = [];
  for (const alias of list(fm.aliases)) {
    const unsafe = unsafeAddress(alias);
    if (!alias.startsWith("/") || alias.startsWith("//") || /[\s?#<>"]/.test(alias)) {
      problem("aliases", `"${alias}" is not a path on this site; expected one starting with "/" such as /weekly_news/ai_news_2026-W06/`);
    } else if (unsafe) {
      problem("aliases", `"${alias}" ${unsafe}; expected a plain path such as /weekly_news/ai_news_2026-W06/`);
    } else aliases.push(/\.html?$/i.test(alias) && !/\/index\.html?$/i.test(alias) ? alias : alias.replace(/\/?(index\.html?)?$/, "/"));
  }

  // Entities: ids the registry checks later; "-id" leaves one out.
  const entities: Post["entities"] = { include: [], exclude: [], line: fm.entities != null ? lineOf("entities") : undefined };
  for (const value of list(fm.entities)) {
    const id = value.replace(/^-\s*/, "");
    if (!SLUG_PATTERN.test(id)) problem("entities", `"${value}" is not an entity id; expected ids from content/entities/ such as qwen, or -meta to leave one out`);
    else (value.startsWith("-") ? entities.exclude : entities.include).push(id);
  }

  // Translations: the original's version they were made from, as npm run status --accept records it.
  let translationOf: Post["translationOf"];
  if (fm.translationOf) {
    const { source, slug: sourceSlug, digest } = fm.translationOf;
    if (!DIGEST_PATTERN.test(digest)) problem("translationOf", `digest "${digest}" is not a digest; expected the 12 hexadecimal characters npm run status --accept writes`);
    else translationOf = { source: source.replace(/^\/+/, ""), slug: sourceSlug, digest, line: lineOf("translationOf") };
  }

  if (problems.length > 0 || !lang || !kind || !date || !week) return { problems: byLine(problems) };
  return {
    post: {
      sourcePath: file,
      contentPath: options.contentPath,
      title,
      kind,
      lang,
      date: date.instant,
      day: date.day,
      week,
      summary,
      description: truncate(plainSummary(summary, lang), SUMMARY_LENGTH),
      tags: uniqueBy(tags, tagKey),
      authors: uniqueBy(authors, (s) => s.toLowerCase()),
      keywords: uniqueBy([...list(fm.seo), ...list(fm.keywords)], tagKey),
      cover: cover && { ...cover, alt: cover.alt || title },
      translationKey: fm.translationKey?.trim() || undefined,
      slug,
      draft: fm.draft ?? false,
      scheduled,
      ...(updated ? { updated } : {}),
      corrections,
      ...(series ? { series } : {}),
      aliases,
      translationOf,
      aliasesLine: aliases.length ? lineOf("aliases") : undefined,
      entities,
      body,
      bodyLine,
      inferred,
      warnings,
    },
  };
}

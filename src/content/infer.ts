import { francAll } from "franc-min";
import { KINDS, LANGS, type Kind, type Lang } from "../config.ts";
import { markdownText } from "../markdown/render.ts";

/*
 * Inference for posts that do not say everything in front matter: every function returns
 * the value and where it came from, so `npm run check` and import can show what the site believed.
 */

export interface Inferred<T> {
  value: T;
  from: string;
}

const LANG_ALIASES: Record<string, Lang> = { zh: "zh", "zh-cn": "zh", "zh-hans": "zh", "zh-sg": "zh", cn: "zh", en: "en", "en-us": "en", "en-gb": "en" };
const KIND_ALIASES: Record<string, Kind> = {
  weekly: "weekly", week: "weekly", 周报: "weekly",
  daily: "daily", day: "daily", 日报: "daily",
  "deep-dive": "deep-dive", deepdive: "deep-dive", deep_dive: "deep-dive", "deep dive": "deep-dive", report: "deep-dive", 深度: "deep-dive",
};

/** Maps a declared `lang` to the site's languages; null when it is none of them. */
export function langFromValue(value: string): Lang | null {
  return LANG_ALIASES[value.trim().toLowerCase()] ?? null;
}

/** Maps a declared `kind` to the site's kinds; null when it is none of them. */
export function kindFromValue(value: string): Kind | null {
  return KIND_ALIASES[value.trim().toLowerCase()] ?? null;
}

/** The folders of a content-relative path that name a language or a kind (content/zh/daily/x.md). */
export function fromFolders(relativePath: string): { lang?: Lang; kind?: Kind } {
  const folders = relativePath.split("/").slice(0, -1);
  return {
    lang: folders.find((f): f is Lang => (LANGS as readonly string[]).includes(f)),
    kind: folders.find((f): f is Kind => (KINDS as readonly string[]).includes(f)),
  };
}

/**
 * The prose of a post's head, for telling its language: code, URLs, tags and template syntax
 * are Latin letters whatever the language of the post.
 */
function proseSample(text: string): string {
  return text
    .slice(0, 6000)
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1/gm, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\{[{%][^\n]*?[%}]\}/g, " ")
    .replace(/\]\([^)\s]*\)|https?:\/\/\S+|<[^>\n]*>/g, " ");
}

/** Chinese when Han characters make up at least a fifth of the letters of its prose. */
export function langFromText(text: string): Lang {
  const sample = proseSample(text);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han / (han + latin) >= 0.2 ? "zh" : "en";
}

/** Below this many letters a language guess is noise; franc's own default is 10. */
const LANGUAGE_SAMPLE_MIN = 120;
const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
/** English's score (the best language's is 1) below which a text is taken for another language. */
const CLEAR_LEAD = 0.85;

/**
 * The language of a text that is neither Chinese nor English (a pasted Spanish post), by its
 * English name; undefined when the text is one of the site's languages or too short to tell.
 */
export function thirdLanguage(text: string): string | undefined {
  const sample = markdownText(proseSample(text).replace(/\n+/g, " "));
  if (sample.replace(/[^\p{L}]/gu, "").length < LANGUAGE_SAMPLE_MIN) return undefined;
  const scores = francAll(sample, { minLength: LANGUAGE_SAMPLE_MIN });
  const [code] = scores[0] ?? ["und"];
  if (code === "und" || code === "eng" || code === "cmn" || code === "sco") return undefined;
  // Names of models, companies and numbers read as any language; only a clear lead over English counts.
  const english = scores.find(([lang]) => lang === "eng")?.[1] ?? 0;
  if (english >= CLEAR_LEAD) return undefined;
  return languageNames.of(code) ?? code;
}

/** Kind from category and title words; deep-dive first, since "深度日报" is a deep dive. */
export function kindFromWords(words: string[]): Inferred<Kind> | null {
  const rules: [Kind, RegExp][] = [
    ["deep-dive", /深度|deep[\s-]?dive|in[\s-]depth/i],
    ["weekly", /周报|周刊|weekly|\bW\d{1,2}\b|\d{4}-W\d{2}/i],
    ["daily", /日报|快讯|简报|动态|daily|news brief|briefing/i],
  ];
  for (const [kind, pattern] of rules) {
    const word = words.find((w) => pattern.test(w));
    if (word) return { value: kind, from: `the words of "${word}"` };
  }
  return null;
}

export interface TitleLine {
  title: string;
  /** Index in the body just past the line (and the blank lines after it). */
  end: number;
  /** Lines consumed, so body line numbers stay right. */
  lines: number;
}

const STYLED_LINE = /^<(span|p|div|h1|strong|b|font)\b[^>]*>([\s\S]*?)<\/\1>\s*$/i;

/**
 * The text of a trimmed "# heading" line, without a closing run of "#": what
 * /^#\s+(.+?)\s*#*\s*$/ captures, found by walking back from the end; that regex backtracked
 * at least cubically over a run of spaces inside the line (2 KB of them took 4 s, 4 KB 38 s).
 */
function headingText(line: string): string | undefined {
  const open = /^#\s+/.exec(line);
  if (!open) return undefined;
  const rest = line.slice(open[0].length);
  let end = rest.length;
  while (end > 0 && rest[end - 1] === "#") end--;
  const text = rest.slice(0, Math.max(rest.slice(0, end).trimEnd().length, 1));
  // "." in the regex stops at line separators.
  return text && !/[\u2028\u2029]/.test(text) ? text : undefined;
}

/** A first line that acts as the title: a "# heading" or a styled HTML line, as pasted posts use. */
export function titleLine(body: string): TitleLine | null {
  const m = /^(?:[ \t]*\r?\n)*([^\r\n]*)(\r?\n|$)/.exec(body);
  if (!m) return null;
  const line = m[1]!.trim();
  let title = "";
  const heading = headingText(line);
  if (heading !== undefined) title = markdownText(heading);
  else if (STYLED_LINE.test(line)) title = markdownText(line);
  if (!title) return null;
  let end = m[0].length;
  let lines = m[0].split("\n").length - (m[2] ? 1 : 0);
  const blanks = /^(?:[ \t]*\r?\n)*/.exec(body.slice(end))![0];
  end += blanks.length;
  lines += blanks.split("\n").length - 1;
  return { title, end, lines };
}

export function sameTitle(a: string, b: string): boolean {
  const key = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return key(a) === key(b);
}

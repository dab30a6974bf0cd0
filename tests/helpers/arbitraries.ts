/*
 * fast-check generators for the content-layer property tests: hostile posts for crash-freedom
 * (any string, broken YAML/TOML, mutated seeds) and well-formed posts for the import round trip.
 */
import fc from "fast-check";
import { stringify as toToml } from "smol-toml";
import { stringify as toYaml } from "yaml";

// ---------------------------------------------------------------------------------------------
// Characters and strings

const cp = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** String.fromCodePoint keeps a half surrogate as one lone code unit. */
const loneSurrogate = cp(0xd800, 0xdfff);
const control = fc.oneof(cp(0x00, 0x1f), fc.constantFrom("\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u200b"));
const cjk = cp(0x4e00, 0x9fff);
const emoji = fc.constantFrom("😀", "👩‍💻", "🇨🇳", "🧠", "🤖", "❤️", "🏳️‍🌈");
const syntax = fc.constantFrom(
  ":", ": ", "#", " #", "-", "- ", "---", "+++", "[", "]", "{", "}", '"', "'", "|", ">", "&a", "*a", "!!str ",
  "%", "@", "`", "\\", "=", ",", "，", "\n", "\r\n", "\r", "\t", " ", "<b>", "</span>", "*", "_", "**", "[x](y)",
);

/** Any unit a hostile editor (or a broken encoder) could put in a value. */
const nastyUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: cjk },
  { weight: 1, arbitrary: emoji },
  { weight: 3, arbitrary: syntax },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

export const nastyString = (maxLength = 24) => fc.string({ unit: nastyUnit, maxLength });

/** Text without lone surrogates, as a UTF-8 file on disk can hold. */
const fileUnit = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: cjk },
  { weight: 1, arbitrary: emoji },
  { weight: 3, arbitrary: syntax },
  { weight: 1, arbitrary: cp(0x00, 0x1f) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
);
const fileString = (minLength: number, maxLength: number) => fc.string({ unit: fileUnit, minLength, maxLength });

const word = fc.oneof(
  fc.stringMatching(/^[a-z]{1,8}$/),
  fc.string({ unit: cjk, minLength: 1, maxLength: 4 }),
  fc.constantFrom("AI", "LLM", "GPT-5", "大模型", "智能体", "OpenAI", "Claude", "C++", "C#", "R&D", "2026-02-06", "W06", "周报", "日报", "深度", "weekly", "daily", "deep dive"),
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(" "));

// ---------------------------------------------------------------------------------------------
// Field values

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export const CANONICAL_KEYS = ["title", "date", "kind", "lang", "tags", "summary", "cover", "slug", "draft", "scheduled", "aliases", "week"] as const;
const LEGACY_KEYS = ["description", "category", "categories", "author", "authors", "seo", "keywords", "coverImage", "image", "translationKey", "layout", "__proto__", "constructor", "toString"];

const dateish = fc.oneof(
  fc.constantFrom(
    "2026-02-06", "2026-02-06T08:00:00+08:00", "2026-02-06 08:00", "2026-02-06T08:00:00.123Z", "2026-02-06T08:00:00+0800",
    "0000-01-01", "0001-01-01T00:00+00:00", "9999-12-31", "9999-12-31T23:59:59-12:00", "2026-02-30", "2026-13-01",
    "2026-02-06T24:00:00Z", "2026/02/06", "2026年2月6日", "yesterday", "", " 2026-02-06 ", "20260206",
  ),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
  ),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: -14, max: 14 })).map(
    ([y, m, d, h, off]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:00:00${off < 0 ? "-" : "+"}${pad(Math.abs(off))}:00`,
  ),
  fc.integer(),
);
const weekish = fc.oneof(
  fc.constantFrom("2026-W06", "2026W6", "2026-w06", "2020-W53", "2026-W53", "2026-W00", "0000-W01", "9999-W52", "W06", ""),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([y, w]) => `${pad(y, 4)}-W${pad(w)}`),
);
const kindish = fc.constantFrom("weekly", "week", "周报", "daily", "day", "日报", "deep-dive", "Deep Dive", "deep_dive", "report", "深度", "news", "");
const langish = fc.constantFrom("zh", "en", "zh-CN", "EN-us", "cn", "fr", "", " zh ");
const slugish = fc.oneof(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/), fc.constantFrom("Bad Slug", "-a-", "a--b", "", "中文", "a/b"));
const urlish = fc.constantFrom(
  "https://example.com/a.png", "/img/a.png", "img/a.png", "javascript:alert(1)", " JaVa\u0000Script:x", "//evil.example/x.png",
  "data:image/png;base64,AA", "file:///etc/passwd", "", "   ", "mailto:x@y",
);
const aliasish = fc.constantFrom("/old/", "/weekly_news/ai_news_2026-W06", "/a/index.html", "/b.html", "//x", "x", "/a b", "/a?b", "/a#b", "");

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyString() },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: dateish },
  { weight: 1, arbitrary: weekish },
  { weight: 1, arbitrary: kindish },
  { weight: 1, arbitrary: langish },
  { weight: 1, arbitrary: slugish },
  { weight: 1, arbitrary: urlish },
  { weight: 1, arbitrary: aliasish },
);

export const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CANONICAL_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...LEGACY_KEYS) },
  { weight: 2, arbitrary: nastyString(12).filter((s) => s.length > 0) },
);

/** A value nested `depth` levels deep in arrays and objects. */
const deep = fc
  .tuple(fc.integer({ min: 1, max: 50 }), leaf, fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }))
  .map(([depth, value, arrays]) => {
    let v: unknown = value;
    for (let i = 0; i < depth; i++) v = arrays[i] ? [v] : { [CANONICAL_KEYS[i % CANONICAL_KEYS.length]!]: v };
    return v;
  });

/** About 100 KB of one repeated unit. */
const huge = fc
  .tuple(fc.constantFrom("a", "中", "😀", "\u0000", " ", "a,", "- x\n", "\r\n"), fc.integer({ min: 20_000, max: 100_000 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 8, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(key, tie("value"), { maxKeys: 4 }) },
    { weight: 1, arbitrary: deep },
  ),
})).value;

// ---------------------------------------------------------------------------------------------
// Bodies

const inline = fc.oneof(
  { weight: 4, arbitrary: words(1, 8) },
  { weight: 2, arbitrary: fileString(1, 30) },
  { weight: 1, arbitrary: fc.constantFrom("**粗体**", "*em*", "`code`", "[链接](https://example.com)", "[rel](../daily/x.md)", "<b>html</b>", "<!-- c -->", "&amp;", "\\*") },
);
const mdLine = fc.oneof(
  { weight: 5, arbitrary: inline },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([n, t]) => `${"#".repeat(n)} ${t}`) },
  { weight: 2, arbitrary: inline.map((t) => `- ${t}`) },
  { weight: 1, arbitrary: inline.map((t) => `1. ${t}`) },
  { weight: 1, arbitrary: inline.map((t) => `> ${t}`) },
  { weight: 1, arbitrary: inline.map((t) => `<span style="color:#1677ff;">${t}</span>`) },
  { weight: 1, arbitrary: fc.constantFrom("", "", "", "---", "+++", "```", "```js", "| a | b |", "|---|---|", "<div>", "</div>", "    indented code", "***") },
);
const eol = fc.constantFrom("\n", "\n", "\n", "\r\n");

/** A Markdown-ish body: headings, lists, HTML, CJK, mixed LF/CRLF. */
export const body = fc
  .array(fc.tuple(mdLine, eol), { maxLength: 25 })
  .map((lines) => lines.map(([l, e]) => l + e).join(""));

// ---------------------------------------------------------------------------------------------
// Posts that must import: canonical-ish front matter that normalizes

/** A date written the ways editors write one; null asks for the date from the title or file name. */
const writtenDate = fc
  .tuple(
    fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9998-12-31T00:00:00Z"), noInvalidDate: true }),
    fc.constantFrom("day", "local", "local-space", "offset", "z", "compact-offset"),
    fc.integer({ min: -12, max: 14 }),
    fc.boolean(),
  )
  .map(([d, style, offset, ms]) => {
    const shifted = new Date(d.getTime() + offset * 3_600_000);
    const iso = shifted.toISOString(); // wall clock at `offset`, written with Z
    const wall = ms ? iso.slice(0, 23) : iso.slice(0, 19);
    const sign = offset < 0 ? "-" : "+";
    switch (style) {
      case "day":
        return iso.slice(0, 10);
      case "local":
        return wall;
      case "local-space":
        return wall.replace("T", " ").slice(0, 16);
      case "z":
        return d.toISOString();
      case "compact-offset":
        return `${wall}${sign}${pad(Math.abs(offset))}00`;
      default:
        return `${wall}${sign}${pad(Math.abs(offset))}:00`;
    }
  });

/** A common everyday date, so most generated posts look like the real ones. */
const recentDate = fc
  .tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);

const weekOfYear = fc
  .tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 52 }), fc.constantFrom("-W", "W", "-w"), fc.boolean())
  .map(([y, w, sep, padded]) => `${y}${sep}${padded ? pad(w) : w}`);

const title = fc.oneof(
  { weight: 4, arbitrary: words(1, 8) },
  { weight: 2, arbitrary: fileString(1, 40).filter((t) => /[\p{L}\p{N}]/u.test(t)) },
  { weight: 1, arbitrary: fc.tuple(words(1, 4), recentDate).map(([t, d]) => `${t}（${d}）`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 99999 }) },
);
const tag = fc.oneof(word, fc.constantFrom("Jeremy", "jeremy", " AI ", "ai", "A I"), fileString(1, 12).filter((t) => /[\p{L}\p{N}]/u.test(t)));
const tagList = fc.oneof(
  fc.array(tag, { maxLength: 6 }),
  fc.array(tag.filter((t) => typeof t === "string" && !/[,，]/.test(t)), { minLength: 1, maxLength: 4 }).map((t) => t.join(", ")),
);
const summary = fc.oneof(
  words(1, 20),
  fc.array(words(1, 6), { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join("\n")),
  fileString(1, 80),
  fc.constant("  "),
);
const safeUrl = fc.oneof(
  fc.stringMatching(/^https:\/\/[a-z]{1,8}\.example\/[a-z0-9/]{0,12}\.(png|jpg|webp)$/),
  fc.stringMatching(/^\/img\/[a-z0-9]{1,8}\.png$/),
  fc.constantFrom(" https://x.example/a.png ", "img/a b.png"),
);
const goodAlias = fc.oneof(
  fc.stringMatching(/^\/[a-z0-9_-]{1,10}(\/[a-z0-9_-]{1,10}){0,2}\/?$/),
  fc.constantFrom("/weekly_news/ai_news_2026-W06", "/a/index.html", "/b.html", "/c/INDEX.HTM", "/d.HTML"),
);

export interface GeneratedPost {
  source: string;
  contentPath: string;
}

const fields = fc.record(
  {
    title,
    kind: fc.constantFrom("weekly", "week", "周报", "daily", "day", "日报", "deep-dive", "Deep Dive", "deep_dive", "report", "深度"),
    lang: fc.constantFrom("zh", "en", "zh-CN", "EN-us", "cn", "zh-Hans"),
    date: fc.oneof({ weight: 3, arbitrary: recentDate }, { weight: 2, arbitrary: writtenDate }),
    week: weekOfYear,
    summary,
    description: summary,
    tags: tagList,
    category: fc.oneof(tagList, fc.constantFrom("AI 日报", "周报", "Deep Dive")),
    authors: tagList,
    author: tag,
    seo: tagList,
    keywords: tagList,
    cover: fc.oneof(safeUrl, fc.record({ src: safeUrl, alt: fc.oneof(words(0, 4), fileString(0, 10)) }, { requiredKeys: ["src"] })),
    coverImage: safeUrl,
    translationKey: fc.oneof(fc.stringMatching(/^ ?[a-z0-9-]{1,12} ?$/), fc.integer({ min: 0, max: 999 })),
    slug: fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}$/),
    draft: fc.boolean(),
    scheduled: fc.oneof(recentDate, writtenDate),
    aliases: fc.oneof(fc.array(goodAlias, { maxLength: 3 }), goodAlias),
    layout: fc.constant("layouts/post.njk"),
  },
  { requiredKeys: [] },
);

/** Importable fields with one or two of them wrong: the mistakes editors actually make. */
export const nearlyValidFrontMatter = fc
  .tuple(fields, fc.array(fc.tuple(key, anyValue), { maxLength: 2 }))
  .map(([data, wrong]) => {
    const fm: Record<string, unknown> = { title: "AI 日报 2026-02-06", ...data };
    for (const [k, v] of wrong) fm[k] = v;
    return fm;
  });

const folders = fc.constantFrom("", "zh/", "en/", "zh/weekly/", "en/daily/", "zh/deep-dive/", "weekly/", "misc/");
const fileName = fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), recentDate.map((d) => `${d}-news`), fc.constant("2026年2月6日"));

/** A post that should import: random canonical-ish fields, a Markdown body, YAML, TOML or no front matter. */
export const importablePost: fc.Arbitrary<GeneratedPost> = fc
  .tuple(
    fields,
    fc.constantFrom("field", "field", "field", "field+heading", "heading", "styled", "field+other-heading"),
    fc.constantFrom("yaml", "yaml", "yaml", "yaml", "toml", "none"),
    body,
    folders,
    fileName,
    fc.constantFrom(".md", ".md", ".txt", ".markdown"),
    fc.boolean(),
    eol,
  )
  .map(([data, titleMode, format, b, folder, name, ext, bom, nl]) => {
    const fm: Record<string, unknown> = { ...data };
    const t = String(data.title ?? "AI 周报 2026-W06");
    let first = "";
    if (titleMode !== "field") delete fm.title;
    if (titleMode === "field+heading") fm.title = t;
    if (titleMode === "field+other-heading") fm.title = t + " (more)";
    if (titleMode === "heading" || titleMode.startsWith("field+")) first = `# ${t}${nl}${nl}`;
    if (titleMode === "styled") first = `<span style="color:#1677ff;font-weight:bold;">${t}</span>${nl}${nl}`;
    if (titleMode === "field" && fm.title === undefined) fm.title = t;
    let source: string;
    if (format === "none") source = first + b;
    else if (format === "toml") source = `+++\n${toToml(fm)}\n+++\n${first}${b}`;
    else source = `---\n${toYaml(fm)}---\n${first}${b}`;
    return { source: (bom ? "\uFEFF" : "") + source, contentPath: `${folder}${name}${ext}` };
  });

/** Front matter as an object: canonical and legacy keys with values of any type. */
export const anyFrontMatter = fc.oneof(
  { weight: 20, arbitrary: fc.dictionary(key, anyValue, { maxKeys: 10 }) },
  { weight: 20, arbitrary: nearlyValidFrontMatter },
  // Every canonical field, each plausible or hostile (bad dates, weeks, kinds, slugs, URLs).
  {
    weight: 12,
    arbitrary: fc.record(
      { title: fc.oneof(nastyString(), words(1, 6)), date: dateish, kind: kindish, lang: langish, week: weekish, slug: slugish, tags: fc.oneof(nastyString(), fc.array(fc.oneof(word, nastyString()), { maxLength: 5 })), cover: fc.oneof(urlish, fc.record({ src: urlish, alt: nastyString() }, { requiredKeys: [] })), aliases: fc.array(aliasish, { maxLength: 3 }), scheduled: fc.oneof(dateish, fc.constant(null)), draft: fc.boolean(), summary: nastyString(60), extra: anyValue },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ title: huge, date: dateish }, { requiredKeys: ["title"] }) },
  { weight: 1, arbitrary: fc.record({ summary: huge, tags: huge, title: words(1, 3), date: dateish }, { requiredKeys: [] }) },
);

// ---------------------------------------------------------------------------------------------
// Assembling sources

/** Renders front matter as text that may or may not be valid YAML. */
const yamlText = (data: Record<string, unknown>) =>
  fc.oneof(
    fc.constant(null).map(() => safe(() => toYaml(data), () => JSON.stringify(data) + "\n")),
    fc.constant(null).map(() => safe(() => toYaml(data, { lineWidth: 0, flowCollectionPadding: false, defaultStringType: "QUOTE_DOUBLE" }), () => "")),
    fc.constant(null).map(() => safe(() => JSON.stringify(data) + "\n", () => "")),
    // Raw "key: value" lines as editors type them, unquoted.
    fc.constant(null).map(() => Object.entries(data).map(([k, v]) => `${k}: ${typeof v === "object" ? safe(() => JSON.stringify(v), () => "") : String(v)}\n`).join("")),
  );

const tomlText = (data: Record<string, unknown>) =>
  fc.oneof(
    fc.constant(null).map(() => safe(() => toToml(data) + "\n", () => "")),
    fc.constant(null).map(() => Object.entries(data).map(([k, v]) => `${k} = ${typeof v === "string" ? JSON.stringify(v) : safe(() => JSON.stringify(v), () => "")}\n`).join("")),
  );

function safe(make: () => string, fallback: () => string): string {
  try {
    return make();
  } catch {
    return fallback();
  }
}

export type Mutation =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "replace"; at: number; length: number; text: string }
  | { op: "truncate"; at: number }
  | { op: "bom" }
  | { op: "crlf" }
  | { op: "cr" }
  | { op: "nul"; at: number }
  | { op: "duplicate-line"; line: number }
  | { op: "swap-delimiters" };

/** Bytes that are not text, read as the two encodings a careless tool would use. */
const junk = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom<"latin1" | "utf8">("latin1", "utf8"))
  .map(([bytes, enc]) => Buffer.from(bytes).toString(enc));

/** A relative position in the text (fc.double would crowd near 0, the opening delimiter). */
const at = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("insert" as const), at, text: fc.oneof(nastyString(8), junk, syntax) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("replace" as const), at, length: fc.integer({ min: 1, max: 8 }), text: fc.oneof(nastyString(4), junk, syntax) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at }) },
  { weight: 1, arbitrary: fc.constant({ op: "bom" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "crlf" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "cr" as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("nul" as const), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicate-line" as const), line: fc.integer({ min: 0, max: 12 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: "swap-delimiters" as const }) },
);
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 });

export function mutate(source: string, ops: Mutation[]): string {
  let s = source;
  const pos = (f: number) => Math.min(s.length, Math.floor(f * (s.length + 1)));
  for (const m of ops) {
    switch (m.op) {
      case "insert":
        s = s.slice(0, pos(m.at)) + m.text + s.slice(pos(m.at));
        break;
      case "delete":
        s = s.slice(0, pos(m.at)) + s.slice(pos(m.at) + m.length);
        break;
      case "replace":
        s = s.slice(0, pos(m.at)) + m.text + s.slice(pos(m.at) + m.length);
        break;
      case "truncate":
        s = s.slice(0, pos(m.at));
        break;
      case "bom":
        s = "\uFEFF" + s;
        break;
      case "crlf":
        s = s.replace(/\r?\n/g, "\r\n");
        break;
      case "cr":
        s = s.replace(/\r?\n/g, "\r");
        break;
      case "nul":
        s = s.slice(0, pos(m.at)) + "\u0000" + s.slice(pos(m.at));
        break;
      case "duplicate-line": {
        // Lines near the top are front matter: duplicating one gives a duplicate key.
        const lines = s.split("\n");
        const i = Math.min(m.line, lines.length - 1);
        lines.splice(i, 0, lines[i]!);
        s = lines.join("\n");
        break;
      }
      case "swap-delimiters":
        s = s.replace(/^(\uFEFF?)(---|\+\+\+)/, (_, bom: string, d: string) => bom + (d === "---" ? "+++" : "---"));
        break;
    }
  }
  return s;
}

/** Any post a hostile world could hand the content layer, with the shape it was built as. */
export const hostileSource = {
  yaml: fc
    .tuple(anyFrontMatter, body, fc.option(mutations, { nil: undefined, freq: 1 }), fc.constantFrom("---", "--- ", "---\t"))
    .chain(([data, b, ops, opener]) => yamlText(data).map((matter) => ({ data, source: maybeMutate(`${opener}\n${matter}---\n${b}`, ops) }))),
  toml: fc
    .tuple(anyFrontMatter, body, fc.option(mutations, { nil: undefined, freq: 1 }))
    .chain(([data, b, ops]) => tomlText(data).map((matter) => ({ data, source: maybeMutate(`+++\n${matter}+++\n${b}`, ops) }))),
  none: fc.tuple(
    fc.oneof(
      fc.constant(""),
      fc.tuple(fc.constantFrom("# ", "<span style=\"font-weight:bold\">", "<h1>", "", "#"), fc.oneof(nastyString(), words(1, 6), dateish.map(String))).map(([open, t]) =>
        open.startsWith("<") ? `${open}${t}</${open.slice(1, open.search(/[ >]/))}>\n` : `${open}${t}\n`,
      ),
    ),
    body,
    fc.option(mutations, { nil: undefined, freq: 1 }),
  ).map(([first, b, ops]) => ({ source: maybeMutate(first + b, ops) })),
  junk: fc.oneof(
    junk,
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes).toString("utf8")),
    fc.tuple(fc.constantFrom("---\n", "+++\n", "\uFEFF---\r\n", ""), fc.uint8Array({ maxLength: 512 }), fc.constantFrom("---\n", "+++\n", "")).map(
      ([open, bytes, close]) => open + Buffer.from(bytes).toString("latin1") + "\n" + close,
    ),
    nastyString(200),
  ),
};

function maybeMutate(source: string, ops: Mutation[] | undefined): string {
  return ops ? mutate(source, ops) : source;
}


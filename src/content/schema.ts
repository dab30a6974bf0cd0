import { z } from "zod";
import type { Kind, Lang } from "../config.ts";
import type { ContentProblem } from "./errors.ts";

/*
 * The content boundary. `FrontMatter` accepts every shape editors paste (canonical fields and
 * the legacy ones of Hexo, Hugo, Jekyll and older Eleventy sites); `Post` is what the rest
 * of the site works on. Nothing downstream reads raw front matter.
 */

const text = (what: string) => z.string({ error: `expected ${what} (text)` });
const scalar = z.union([z.string(), z.number()]).transform(String);
/** A list of strings, also written as one string ("a, b") as many blogs do. */
const stringList = (what: string) =>
  z.union([scalar, z.array(scalar)], { error: `expected ${what}: a list of strings or one comma-separated string` });
/**
 * Authors as names ("Jeremy", "a, b") or as the objects Docusaurus and Hexo themes write
 * ({ name, url, title, image_url }, or a list of them): the name is what the site keeps.
 */
const authorName = z.union([scalar, z.object({ name: scalar }).loose().transform((author) => author.name)]);
const authorList = (what: string) =>
  z.union([authorName, z.array(authorName)], { error: `expected ${what}: names ("Jeremy" or a list), or { name: "…", url: "…" } objects` });
const dateText = z.union([z.string(), z.number()], {
  error: "expected a date such as 2026-02-06 or 2026-02-06T08:00:00+08:00",
}).transform(String);

export const coverSchema = z.union(
  [
    z.string(),
    z.object({ src: z.string({ error: "expected cover.src: an image URL" }), alt: z.string().optional() }).loose(),
  ],
  { error: 'expected an image URL, or { src: "...", alt: "..." }' },
);

/** One correction as front matter writes it; a missing date is reported by normalize with its line. */
const correctionSchema = z
  .object(
    {
      date: dateText.optional(),
      text: text("the correction (Markdown)"),
    },
    { error: 'expected a correction: { date: 2026-02-07, text: "…" }' },
  )
  .loose();

export const frontMatterSchema = z
  .object({
    title: scalar.optional(),
    kind: text("weekly, daily or deep-dive").optional(),
    lang: text("zh or en").optional(),
    date: dateText.optional(),
    week: text("an ISO week such as 2026-W06").optional(),
    summary: text("a summary").nullish(),
    description: text("a description").nullish(),
    tags: stringList("tags").nullish(),
    category: stringList("a category").nullish(),
    categories: stringList("categories").nullish(),
    /** Zola's [taxonomies] table. */
    taxonomies: z
      .object({ tags: stringList("tags").nullish(), categories: stringList("categories").nullish() }, { error: "expected a table of taxonomies such as tags = [\"a\"]" })
      .loose()
      .nullish(),
    authors: authorList("authors").nullish(),
    author: authorList("an author").nullish(),
    seo: stringList("SEO keywords").nullish(),
    keywords: stringList("keywords").nullish(),
    cover: coverSchema.nullish(),
    coverImage: text("an image URL").nullish(),
    image: text("an image URL").nullish(),
    translationKey: scalar.optional(),
    slug: scalar.optional(),
    draft: z.boolean({ error: "expected true or false" }).optional(),
    scheduled: dateText.nullish(),
    aliases: stringList("old URLs").nullish(),
    entities: stringList("entity ids").nullish(),
    updated: dateText.nullish(),
    lastmod: dateText.nullish(),
    last_modified_at: dateText.nullish(),
    corrections: z.array(correctionSchema, { error: "expected a list of corrections, each { date, text }" }).nullish(),
    series: z.union([z.string(), z.number()], { error: "expected the series' name (text)" }).transform(String).nullish(),
    part: z.union([z.number(), z.string()], { error: "expected the part's number: 1, 2, 3…" }).nullish(),
    translationOf: z
      .object(
        {
          source: text("the original's path below the content folder, such as zh/weekly/x.md"),
          slug: scalar.optional(),
          digest: scalar,
        },
        { error: "expected source, slug and digest below it (npm run new --translate and npm run status --accept write them)" },
      )
      .loose()
      .nullish(),
  })
  .loose();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface Cover {
  src: string;
  alt: string;
  /** The front-matter field that set it (cover, coverImage or image) and its line, for messages. */
  field?: string;
  line?: number;
}

/** Where a field's value came from when the post did not say it outright. */
export interface Inference {
  field: string;
  value: string;
  from: string;
}

/** Which version of which original a translation was made from (`translationOf`). */
export interface TranslationOf {
  /** The original's path below the content folder when the translation was made: "zh/weekly/x.md". */
  source: string;
  /** The original's slug then, to find it again after a rename. */
  slug?: string;
  /** bodyDigest of the original's body then (src/content/digest.ts). */
  digest: string;
  /** The field's line, for messages. */
  line?: number;
}

/** A correction shown at the top of a post: when it was made and what it says (Markdown). */
export interface Correction {
  date: Date;
  /** Calendar day of `date` in the site time zone. */
  day: string;
  text: string;
}

/** The series a post belongs to, and its place in it. */
export interface SeriesRef {
  name: string;
  /** Its part number; absent when the post gives none (or none that is a whole number: see `partText`). */
  part?: number;
  /** A `part` that is not a whole number from 1, as written: the series orders it by date, and check warns. */
  partText?: string;
  /** The `series` field's line, for messages. */
  line?: number;
}

export interface EntityOverrides {
  include: string[];
  exclude: string[];
  /** Line of the `entities` field, for messages about an id the registry lacks. */
  line?: number;
}

export interface Post {
  /** Path of the source file relative to the project root, with forward slashes. */
  sourcePath: string;
  /** Path below the content folder ("zh/weekly/x.md"); the same path under zh/ and en/ pairs translations. */
  contentPath: string;
  title: string;
  kind: Kind;
  lang: Lang;
  /** Publication instant (a bare date is the start of that day in the site time zone). */
  date: Date;
  /** Calendar day of `date` in the site time zone, YYYY-MM-DD. */
  day: string;
  /** ISO week the post belongs to; for a weekly digest, the week it covers. */
  week: string;
  /** Summary as written (Markdown allowed), from front matter or the first paragraph. */
  summary: string;
  /** The summary as one line of plain text, for meta tags and feeds. */
  description: string;
  tags: string[];
  authors: string[];
  keywords: string[];
  cover?: Cover;
  translationKey?: string;
  slug: string;
  draft: boolean;
  /** Not published before this instant. */
  scheduled?: Date;
  /** When the post was last changed after publication: `updated`, or its newest correction when later. Never reorders lists. */
  updated?: Date;
  /** Corrections, newest first. */
  corrections: Correction[];
  series?: SeriesRef;
  /** Old site-relative URLs ("/weekly_news/x/") that must keep working. */
  aliases: string[];
  /** For a translation: the version of the original it was made from. */
  translationOf?: TranslationOf;
  /** The front-matter line of `aliases`, for messages about an old URL. */
  aliasesLine?: number;
  /** Entities the front matter says the post is about (`qwen`) or not about (`-meta`), by id. */
  entities: EntityOverrides;
  /** Markdown body, without a repeated title line. */
  body: string;
  /** Line of the source file on which `body` starts. */
  bodyLine: number;
  inferred: Inference[];
  /** What reads but deserves an editor's look (a key set twice, a third language); npm run check and import show them. */
  warnings: ContentProblem[];
}

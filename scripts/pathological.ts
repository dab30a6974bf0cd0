/**
 * Posts built to make the content layer and the Markdown renderer backtrack or recurse: long
 * runs of one delimiter, deep nesting, huge lines, titles and front matter, and the classic
 * pathological Markdown shapes (those commonmark.js and markdown-it test against), each
 * through the build's own entry points. `tests/content/pathological.test.ts` runs every one
 * and `npm run bench` prints the time per MB of each beside a real post's.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { site } from "../src/config.ts";
import { renderBody, type RenderedBody } from "../src/collections/entries.ts";
import type { LinkTargets } from "../src/collections/links.ts";
import { urls } from "../src/collections/urls.ts";
import { groupByWeek } from "../src/collections/weeks.ts";
import type { ContentProblem } from "../src/content/errors.ts";
import { normalizePost } from "../src/content/normalize.ts";
import type { Post } from "../src/content/schema.ts";
import { createMatcher } from "../src/entities/matcher.ts";
import { loadRegistry } from "../src/entities/registry.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface PathologicalInput {
  name: string;
  /** Where the post lives below content/: its folders say the language and kind (a brief looks for news items). */
  contentPath: string;
  /** The size its name promises (1 MB, 10,000 keys, 1,000 levels), else 50 KB: what the test runs. */
  bytes: number;
  /** The post's whole source, about `bytes` long in UTF-8. */
  build: (bytes: number) => string;
}

const RUN = 50_000;
const MB = 2 ** 20;
const FRONT_MATTER = "---\ntitle: Pathological input\ndate: 2026-02-06\n---\n";
const BRIEF = "zh/daily/2026-02-06-pathological.md";
const DIGEST = "en/weekly/2026-02-06-pathological.md";

/** `unit` repeated until it is `bytes` long in UTF-8. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / Buffer.byteLength(unit))));

/** Lines `line(0)`, `line(1)`, … until they are `bytes` long. */
function lines(bytes: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let length = 0, i = 0; length < bytes; i++) {
    const text = line(i);
    out.push(text);
    length += Buffer.byteLength(text) + 1;
  }
  return out.join("\n") + "\n";
}

/** A body under plain front matter, in a daily brief (or an English digest: news items by the stricter rules). */
const body = (name: string, make: (bytes: number) => string, options: { bytes?: number; contentPath?: string } = {}): PathologicalInput => ({
  name,
  contentPath: options.contentPath ?? BRIEF,
  bytes: options.bytes ?? RUN,
  build: (bytes) => FRONT_MATTER + make(bytes),
});

/** A whole source, front matter included. */
const source = (name: string, bytes: number, build: (bytes: number) => string): PathologicalInput => ({ name, contentPath: BRIEF, bytes, build });

/** List entries nested `depth` deep, `indent` spaces a level, then again from the top. */
const nestedList = (marker: string, indent: number, depth: number) => (bytes: number) =>
  lines(bytes, (i) => `${" ".repeat((i % depth) * indent)}${marker} entry ${i}`);
/** Bytes of one full descent of such a list. */
const descent = (indent: number, depth: number) => (indent * depth * (depth - 1)) / 2 + 12 * depth;

const CJK_LATIN = "人工智能 AI 模型 GPT-5.3 发布，推理 reasoning 能力提升 benchmark 成绩；";
/** UTF-8 bytes per character of that text. */
const CJK_LATIN_WIDTH = Buffer.byteLength(CJK_LATIN) / CJK_LATIN.length;

/** A brief's news item: headline, labelled lines, a list, a source line. */
const newsItem = (i: number) =>
  `模型发布第 ${i} 条：OpenAI 与 Anthropic 更新 Claude ${i}\n说明：第 ${i} 条说明，融资 ${i} 亿美元，推理能力提升。\n要点：\n- 要点一 ${i}\n- 要点二 ${i}\n来源：[报道 ${i}](https://news.example/${i})\n`;

export const PATHOLOGICAL_INPUTS: PathologicalInput[] = [
  // Runs of one delimiter, each one paragraph.
  body("run of *", (n) => fill("*", n)),
  body("run of _", (n) => fill("_", n)),
  body("run of [", (n) => fill("[", n)),
  body("run of ](", (n) => fill("](", n)),
  body("run of {{", (n) => fill("{{", n)),
  body("run of {%", (n) => fill("{%", n)),
  body("run of backticks", (n) => fill("`", n)),
  body("backtick runs of growing length", (n) => {
    let text = "";
    for (let i = 1; text.length < n; i++) text += "e" + "`".repeat(i % 2000);
    return text;
  }),
  body("run of <", (n) => fill("<", n)),
  body("run of <!--", (n) => fill("<!--", n)),
  body("</ then a run of <!--", (n) => "</" + fill("<!--", n)),
  body("run of <?", (n) => "x " + fill("<?", n)),
  body("run of <![CDATA[", (n) => "x " + fill("<![CDATA[", n)),
  body("run of <!--a---> (never closed)", (n) => "x " + fill("<!--a--->", n)),
  body("run of &#", (n) => fill("&#", n)),
  body("run of backslashes", (n) => fill("\\", n)),
  body("run of digits in a news item", (n) => `**新闻**\n\n标题一行\n说明：${fill("1", n)}\n来源：[x](https://news.example/)\n`),
  source("run of spaces inside a # title line", RUN, (n) => `---\ndate: 2026-02-06\n---\n# a${fill(" ", n)}b\n\nbody\n`),
  // Tables.
  body("a table row of pipes", (n) => `| a | b |\n| - | - |\n${fill("|", n)}\n`),
  body("a table of many columns", (n) => `${fill("| a ", n / 2)}|\n${fill("| - ", n / 2)}|\n`),
  body("a table of many rows", (n) => `| a | b |\n| - | - |\n${fill("| x | y |\n", n)}`),
  // Nesting.
  body("a run of >", (n) => fill(">", n) + " x\n"),
  body("blockquotes 1,000 deep", (n) => lines(n, (i) => "> ".repeat(i % 1000) + "x"), { bytes: descent(2, 1000) }),
  body("bullet list 1,000 deep", nestedList("-", 2, 1000), { bytes: descent(2, 1000) }),
  body("ordered list 1,000 deep", nestedList("1.", 3, 1000), { bytes: descent(3, 1000) }),
  body("emphasis nesting", (n) => `${fill("*a **a ", n / 2)}b${fill(" a** a*", n / 2)}`),
  body("brackets nesting", (n) => `${fill("[", n / 2)}a${fill("]", n / 2)}`),
  // The classic pathological Markdown cases.
  body("emphasis closers with no openers", (n) => fill("a_ ", n)),
  body("emphasis openers with no closers", (n) => fill("_a ", n)),
  body("mismatched emphasis", (n) => fill("*a_ ", n)),
  body("openers and closers, multiple of 3", (n) => "a**b" + fill("c* ", n)),
  body("link openers and emphasis closers", (n) => fill("[ a_", n)),
  body("[ (]( repeated", (n) => fill("[ (](", n)),
  body("unclosed links with <", (n) => fill("[a](<b", n)),
  body("unclosed links", (n) => fill("[a](b", n)),
  body("many reference definitions", (n) => lines(n, (i) => `[r${i}]: https://example.org/${i}`) + "\n[r1] [r2]\n"),
  // Raw HTML, which goes through the sanitizer.
  body("unclosed <b> tags on one line", (n) => fill("<b>", n), { bytes: 32_000 }),
  body("a <b> tag on every line", (n) => fill("a<b>\n", n), { bytes: 32_000 }),
  body("a paragraph of <br> lines", (n) => "x\n" + fill("<br>\n", n)),
  // Many of one thing.
  body("identical headings", (n) => fill("## 同一个标题\n\n", n), { bytes: 100_000 }),
  body("identical news items", (n) => fill("### 同一条新闻\n说明：相同。\n来源：[x](https://news.example/)\n\n", n), { bytes: 100_000 }),
  body("1 MB news item list", (n) => lines(n, newsItem), { bytes: MB }),
  body(
    "digest of bold-led list entries",
    (n) => lines(n, (i) => `- **OpenAI ships model ${i} with reasoning**: entry ${i} says something of its own. [Source](https://news.example/${i})`),
    { contentPath: DIGEST, bytes: 100_000 },
  ),
  // Size.
  body("1 MB single line of CJK and Latin", (n) => fill(CJK_LATIN, n) + "\n", { bytes: MB }),
  source("a title of 100,000 characters", 100_000 * CJK_LATIN_WIDTH, (n) => `---\ntitle: "${fill(CJK_LATIN, n)}"\ndate: 2026-02-06\n---\nbody\n`),
  source("a # title line of 100,000 characters", 100_000 * CJK_LATIN_WIDTH, (n) => `# ${fill(CJK_LATIN, n)}\n\nbody\n`),
  // Front matter.
  source("10,000 YAML keys", 10_000 * 18, (n) => `---\ntitle: x\ndate: 2026-02-06\n${lines(n, (i) => `key${i}: value ${i}`)}---\nbody\n`),
  source("10,000 TOML keys", 10_000 * 20, (n) => `+++\ntitle = "x"\ndate = "2026-02-06"\n${lines(n, (i) => `key${i} = "value ${i}"`)}+++\nbody\n`),
  source("1 MB of YAML front matter", MB, (n) => `---\ntitle: x\ndate: 2026-02-06\nsummary: "${fill("摘要 summary ", n / 2)}"\ntags:\n${lines(n / 2, (i) => `  - tag ${i % 5000}`)}---\nbody\n`),
  source("10,000 old URLs that are not paths", 10_000 * 20, (n) => `---\ntitle: x\ndate: 2026-02-06\naliases:\n${lines(n, (i) => `  - not-a-path-${i}`)}---\nbody\n`),
  source("10,000 tags that are not text", 10_000 * 10, (n) => `---\ntitle: x\ndate: 2026-02-06\ntags:\n${lines(n, (i) => `  - [${i}]`)}---\nbody\n`),
  source("YAML flow nesting", RUN, (n) => `---\ntitle: x\ndate: 2026-02-06\nextra: ${fill("[", n / 2)}${fill("]", n / 2)}\n---\nbody\n`),
  source("YAML block nesting 1,000 deep", descent(1, 1000), (n) => `---\ntitle: x\ndate: 2026-02-06\n${lines(n, (i) => `${" ".repeat(i % 1000)}k${i}:`)}---\nbody\n`),
  source("TOML array nesting", RUN, (n) => `+++\ntitle = "x"\ndate = "2026-02-06"\nextra = ${fill("[", n / 2)}${fill("]", n / 2)}\n+++\nbody\n`),
  source("front matter never closed", RUN, (n) => `---\ntitle: x\ndate: 2026-02-06\n${lines(n, (i) => `line ${i}`)}`),
];

/** A real brief of this blog (the first under content/zh/daily/), its body repeated to about `bytes`. */
export const NORMAL_POST: PathologicalInput = {
  name: "a real brief, its body repeated",
  contentPath: "zh/daily/2026-02-06-normal.md",
  bytes: MB,
  build: (bytes) => {
    const dir = path.join(ROOT, "content/zh/daily");
    const file = readdirSync(dir).filter((name) => name.endsWith(".md")).sort()[0];
    if (!file) throw new Error(`no post in ${dir} to repeat`);
    const text = readFileSync(path.join(dir, file), "utf8");
    const end = text.indexOf("\n---\n", 4) + 5;
    return text.slice(0, end) + fill(text.slice(end), bytes - end);
  },
};

/** Link targets as the build has them for a post with no other posts around: the real entity registry, first mentions linked. */
export function pathologicalTargets(): LinkTargets {
  const { registry } = loadRegistry(ROOT, "content");
  return {
    weeks: groupByWeek([]),
    postBySource: new Map(),
    aliases: new Map(),
    entities: { finder: createMatcher(registry.entities.values()), href: urls.topic },
  };
}

export interface Processed {
  post?: Post;
  rendered?: RenderedBody;
  problems: ContentProblem[];
}

/** A post through the build's entry points: normalizePost, then renderBody (body, summary, sources, mentions) when it is a post. */
export function processPost(text: string, contentPath: string, targets: LinkTargets): Processed {
  const normalized = normalizePost(text, { sourcePath: `content/${contentPath}`, contentPath, timeZone: site.timeZone, authors: site.authors });
  if (!normalized.post) return { problems: normalized.problems };
  const problems: ContentProblem[] = [];
  const rendered = renderBody(normalized.post, targets, new URL(site.url).origin, problems);
  return { post: normalized.post, rendered, problems };
}

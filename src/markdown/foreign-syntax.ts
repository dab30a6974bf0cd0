import MarkdownIt from "markdown-it";
import deflist from "markdown-it-deflist";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";
import { footnote } from "./extensions.ts";

/**
 * Other site generators' syntax in a post (Hugo, Jekyll/Liquid, Hexo, Zola, kramdown,
 * VuePress/Docusaurus containers, MDX): outside code it is published as literal text, or
 * vanishes as an unknown tag. Found in the render's own parse, from the blocks' source text.
 */
export interface ForeignSyntax {
  /** 0-based line within the body. */
  line: number;
  /** What was found, e.g. 'Hugo shortcode "{{< figure >}}"'. */
  syntax: string;
  /** What to do about it, one sentence. */
  advice: string;
}

export interface ForeignSyntaxEnv {
  /** Filled with the foreign syntax of the body, in order, when given. */
  foreignSyntax?: ForeignSyntax[];
}

interface FootnoteRefs {
  footnotes?: { refs?: Record<string, number> };
}

const IMPORT = 'run "npm run import" on the original post to convert it';
const AS_CODE = "to show it as text put it in `code`";
const rewrite = (how: string) => `${IMPORT}, or ${how}; ${AS_CODE}`;

const ADVICE = {
  image: rewrite("write it as Markdown (an image: ![alt](src))"),
  video: rewrite("write it as a link ([▶ YouTube: title](https://www.youtube.com/watch?v=ID))"),
  alert: rewrite("write it as a GitHub alert (a quote whose first line is > [!NOTE], [!TIP] or [!WARNING])"),
  code: rewrite("write it as a fenced code block (```lang … ```)"),
  link: rewrite("write it as a Markdown link to the page ([text](/path/))"),
  details: rewrite("write it as <details><summary>Title</summary> … </details>"),
  quote: rewrite("write it as a Markdown quote (> text)"),
  tabs: rewrite("write each tab as a section under a heading of its own"),
  raw: rewrite('remove the "{% raw %}" and "{% endraw %}" markers and keep what is between them'),
  comment: rewrite("remove it (a hidden note can be an HTML comment <!-- … -->)"),
  url: rewrite("write the address itself (/path/ or https://…): templates are not run here"),
  toc: rewrite("remove it: posts with three or more sections get a table of contents of their own"),
  attributes: rewrite('remove it: classes are not kept (a heading id is written "## Title {#id}")'),
  mdxImport: rewrite("remove it: imports and exports are not run here"),
  shortcodeText: `remove it, or put it in \`code\` to show the shortcode as text`,
  generic: rewrite("replace it with the text or Markdown it stands for: templates and components are not run here"),
};
type Advice = keyof typeof ADVICE;

/** Names that tell what an embedded thing is, lower-cased, across generators. */
const KINDS: [Advice, RegExp][] = [
  ["image", /^(?:figure|img|image|asset_img|asset_path|asset_link|picture)$/],
  ["video", /^(?:youtube|vimeo|tweet|twitter|x|gist|instagram|bilibili|video|iframe|embed|codepen)$/],
  ["alert", /^(?:notice|alert|admonition|hint|callout|note|tip|info|warning|danger|caution|important|warn|success|error)$/],
  ["code", /^(?:end)?(?:highlight|codeblock|code)$/],
  ["link", /^(?:ref|relref|post_url|link|post_link|post_path|url_for)$/],
  ["details", /^(?:details|expand|collapse|spoiler)$/],
  ["quote", /^(?:end)?(?:blockquote|pullquote|quote)$/],
  ["tabs", /^(?:tabs|tabitem|tab|codegroup|code-group)$/],
  ["raw", /^(?:end)?raw$/],
  ["comment", /^(?:end)?comment$/],
];
const adviceFor = (name: string): string => ADVICE[KINDS.find(([, names]) => names.test(name.toLowerCase()))?.[0] ?? "generic"];

const HEXO_TAGS = new Set([
  "codeblock", "endcodeblock", "code", "endcode", "asset_img", "asset_path", "asset_link", "img", "post_link", "post_path",
  "blockquote", "endblockquote", "pullquote", "endpullquote", "youtube", "vimeo", "iframe", "jsfiddle", "gist",
]);

/** Elements of HTML, SVG and MathML: a capitalized one ("<Div>", "<B>") is still HTML, not a component. */
const HTML_TAGS = new Set(
  ("a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup " +
    "data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header " +
    "hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee math menu meta meter nav noscript object ol " +
    "optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strike " +
    "strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr").split(" "),
);

/** One pattern, and what a match of it is; undefined when the match is not foreign after all. */
interface Detector {
  pattern: RegExp;
  /** Where it applies: Markdown text, raw HTML blocks, or only top-level paragraphs. */
  in: "markdown" | "all" | "top";
  /** The closing text that must follow on the same line, when the opener alone is not enough. */
  closer?: string;
  /** `closedAt` is where the closer starts, when the detector has one. */
  found: (m: RegExpExecArray, context: Context, closedAt: number) => { syntax: string; advice: string } | undefined;
}

interface Context {
  defined: (label: string) => boolean;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** A regex character class written in prose ("[^a-z]", "[^\s]"), not a footnote reference. */
const looksLikeCharClass = (label: string) =>
  /[\\^$|*+?()]/.test(label) || [...label.matchAll(/([a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])/g)].some((m) => m[1]!.charCodeAt(0) <= m[1]!.charCodeAt(2));

const DETECTORS: Detector[] = [
  {
    // Hugo: {{< name >}}, {{% name %}}, closers {{< /name >}}, escaped {{</* name */>}}.
    pattern: /(?<![\\{])\{\{([<%])\s*(\/\*)?\s*(\/)?\s*([A-Za-z_][\w.-]*)/g,
    in: "all",
    found: (m) => {
      const [, delimiter, escaped, close, name] = m as unknown as [string, "<" | "%", string | undefined, string | undefined, string];
      const end = delimiter === "<" ? ">" : "%";
      if (escaped) return { syntax: `Hugo escaped shortcode "{{${delimiter}/* ${name} */${end}}}"`, advice: ADVICE.shortcodeText };
      return { syntax: `Hugo shortcode "{{${delimiter} ${close ?? ""}${name} ${end}}}"`, advice: adviceFor(name) };
    },
  },
  {
    // Liquid (Jekyll), Hexo and Zola tags: {% name … %}, Zola's {% name(…) %} … {% end %}.
    pattern: /(?<![\\{])\{%-?\s*([A-Za-z_][\w-]*)(\s*\()?/g,
    in: "all",
    closer: "%}",
    found: (m) => {
      const [, name, call] = m as unknown as [string, string, string?];
      if (call) return { syntax: `Zola shortcode "{% ${name}(…) %}"`, advice: adviceFor(name) };
      if (name === "end") return { syntax: 'Zola shortcode end "{% end %}"', advice: ADVICE.generic };
      const kind = HEXO_TAGS.has(name) ? "Hexo tag" : "Liquid tag";
      return { syntax: `${kind} "{% ${name} %}"`, advice: adviceFor(name) };
    },
  },
  {
    // Output tags: Zola's {{ name(arg=…) }}, Liquid's {{ site.baseurl }} and {{ "/x" | relative_url }}, Hugo's {{ .Title }}.
    // Bare "{{name}}" is left alone: prose about prompt templates writes it.
    pattern:
      /(?<![\\{])\{\{-?\s*(?:([A-Za-z_]\w*)\s*\((?=\s*(?:\)|[A-Za-z_]\w*\s*=))|((?:site|page|post|paginator|jekyll|include|layout|config|section)(?:\.[\w-]+)+)|(\.[A-Z]\w*(?:\.\w+)*)|(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z_][\w.]*)\s*\|\s*(relative_url|absolute_url|prepend|append|markdownify|relURL|absURL|relLangURL|absLangURL|safe|date|date_to_string|date_to_xmlschema|escape|xml_escape|jsonify|slugify|url_encode|strip_html|truncate|img_url|asset_url|asset_path|url_for|get_url)\b)/g,
    in: "all",
    closer: "}}",
    found: (m) => {
      const [, call, variable, hugo, filter] = m as unknown as [string, string?, string?, string?, string?];
      if (call) return { syntax: `Zola shortcode "{{ ${call}(…) }}"`, advice: adviceFor(call) };
      if (hugo) return { syntax: `Hugo template "{{ ${hugo} }}"`, advice: ADVICE.generic };
      return { syntax: `Liquid output "{{ ${variable ?? `… | ${filter}`} }}"`, advice: ADVICE.url };
    },
  },
  {
    // Zola internal links: [text](@/blog/post.md).
    pattern: /\]\(\s*<?(@\/[^\s)>]+)/g,
    in: "markdown",
    found: (m) => ({ syntax: `Zola internal link "${shorten(m[1]!)}"`, advice: ADVICE.link }),
  },
  {
    // kramdown: {:toc}, {: .class}, {:.class}, {: #id}, {: key="v"}, {::options … /}.
    // "{:.2f}" (a Python format spec) is not one: a class or id starts with a letter.
    pattern: /(?<!\\)\{:(?:(toc)\}|(:\w+)|[ \t]*[.#][A-Za-z_][^\s}]*[ \t]*\}|[ \t]*[A-Za-z_][\w-]*=)/g,
    in: "all",
    closer: "}",
    found: (m, _context, closedAt) => {
      if (m[1]) return { syntax: 'kramdown TOC marker "{:toc}"', advice: ADVICE.toc };
      if (m[2]) return { syntax: `kramdown extension "{:${m[2]}}"`, advice: ADVICE.generic };
      return { syntax: `kramdown attribute list "${shorten(m.input.slice(m.index, closedAt + 1))}"`, advice: ADVICE.attributes };
    },
  },
  {
    // VuePress/VitePress containers (::: tip Title) and Docusaurus admonitions (:::note[Title]), on a line of their own.
    pattern: /(?<![^\n])[ \t]*(:{3,})[ \t]*(?:([A-Za-z][\w-]*)|(?=[\n{[]|$))/g,
    in: "markdown",
    found: (m) => {
      const [, colons, name] = m as unknown as [string, string, string?];
      if (!name) return { syntax: `container "${colons}"`, advice: ADVICE.generic };
      return { syntax: `container "${colons} ${name}"`, advice: adviceFor(name) };
    },
  },
  {
    // MDX: import and export lines at the top level.
    pattern:
      /(?<![^\n])(?:import[ \t]+(?:[\w$*{},]+(?:[ \t]+[\w$*{},]+)*?[ \t]+from[ \t]+)?["'][^"'\n]+["'];?[ \t]*(?=\n|$)|export[ \t]+(?:const|let|var|function|class|default)\b)/g,
    in: "top",
    found: (m) => ({ syntax: `MDX ${m[0].startsWith("import") ? "import" : "export"} line: ${shorten(m[0].trim())}`, advice: ADVICE.mdxImport }),
  },
  {
    // MDX/JSX components: <Tabs>, <TabItem value="a">, <YouTube id="x" />, </Tabs>.
    // Only what JSX could parse: every attribute a name (with a value or not), so prose in
    // angle brackets ("<Claude 3.5 Sonnet>", "<OpenAI DevDay 2024>") is not taken for one.
    pattern:
      /<(\/?)([A-Z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)(?:[ \t\n]+[A-Za-z_:][\w:.-]*(?:[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|\{[^{}\n]*\}))?)*[ \t\n]*\/?>/g,
    in: "all",
    found: (m) => {
      const [, close, name] = m as unknown as [string, string, string];
      if (!/[a-z]/.test(name) || HTML_TAGS.has(name.toLowerCase())) return undefined;
      return { syntax: `MDX component "<${close}${name}>"`, advice: adviceFor(name.split(".").at(-1)!) };
    },
  },
  {
    // MDX comments: {/* … */}.
    pattern: /(?<!\\)\{\/\*/g,
    in: "all",
    found: () => ({ syntax: 'MDX comment "{/* … */}"', advice: ADVICE.comment }),
  },
  {
    // Table-of-contents markers on a line of their own: [TOC], [[toc]], [[_TOC_]], ${toc}.
    pattern: /(?<![^\n])[ \t]*(\[toc\]|\[\[_?toc_?\]\]|\$\{toc\})[ \t]*(?=\n|$)/gi,
    in: "markdown",
    found: (m) => ({ syntax: `TOC marker "${m[1]}"`, advice: ADVICE.toc }),
  },
  {
    // A footnote reference with no definition stays literal "[^9]".
    pattern: /(?<![\\!])\[\^([^\]\s]+)\]/g,
    in: "markdown",
    found: (m, context) => {
      const label = m[1]!;
      if (context.defined(label) || looksLikeCharClass(label)) return undefined;
      return {
        syntax: `footnote reference "[^${shorten(label)}]" without a definition`,
        advice: `add its text on a line of its own ("[^${shorten(label)}]: …") or remove the reference; ${AS_CODE}`,
      };
    },
  },
];

/** One search that every foreign syntax above passes: most blocks are let go after it. */
const PREFILTER = /\{[{%:/]|:::|\[\^|\[\[?_?(?:toc|TOC|Toc)|\$\{toc\}|(?<![^\n])[ \t]*(?:import|export)[ \t]|<\/?[A-Z]|\]\(\s*<?@\//;

/** The next index of `needle` at or after a position, for positions that only grow: each character is read once. */
function nextFinder(text: string, needle: string): (from: number) => number {
  let searchedFrom = Infinity;
  let found = -1;
  return (from) => {
    if (from >= searchedFrom && (found === -1 || from <= found)) return found;
    searchedFrom = from;
    found = text.indexOf(needle, from);
    return found;
  };
}

/** `text` with the ranges blanked out, lines kept where they were. */
function blank(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  let out = "";
  let from = 0;
  for (const [start, end] of ranges) {
    out += text.slice(from, start) + text.slice(start, end).replace(/[^\n]/g, " ");
    from = end;
  }
  return out + text.slice(from);
}

/**
 * The code spans of a paragraph's source: a run of n backticks up to the next run of exactly
 * n (CommonMark). Each run's length maps to its runs' positions, so a run with no partner
 * costs one lookup, never a scan.
 */
function codeSpans(text: string): [number, number][] {
  const runs: { start: number; length: number }[] = [];
  for (let i = text.indexOf("`"); i !== -1; i = text.indexOf("`", i)) {
    let j = i;
    while (text.charCodeAt(j) === 0x60) j++;
    runs.push({ start: i, length: j - i });
    i = j;
  }
  if (runs.length < 2) return [];
  const byLength = new Map<number, number[]>();
  runs.forEach((run, k) => {
    const same = byLength.get(run.length);
    if (same) same.push(k);
    else byLength.set(run.length, [k]);
  });
  const next = new Map<number, number>();
  const spans: [number, number][] = [];
  for (let k = 0; k < runs.length; k++) {
    let { start, length } = runs[k]!;
    let backslashes = 0;
    while (text.charCodeAt(start - 1 - backslashes) === 0x5c) backslashes++;
    // An escaped backtick is text; the rest of its run can still open a span.
    if (backslashes % 2 === 1) {
      start++;
      length--;
    }
    const same = byLength.get(length);
    if (!same) continue;
    let at = next.get(length) ?? 0;
    while (at < same.length && same[at]! <= k) at++;
    next.set(length, at);
    if (at === same.length) continue;
    const close = same[at]!;
    spans.push([start, runs[close]!.start + length]);
    k = close;
  }
  return spans;
}

/** Regions of raw HTML shown as code or not at all: <code>, <pre>, comments. */
function htmlCodeRanges(text: string): [number, number][] {
  if (!text.includes("<")) return [];
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  const open = /<!--|<(code|pre)\b[^<>]*>/gi;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const closer = m[0] === "<!--" ? "-->" : `</${m[1]!.toLowerCase()}>`;
    const end = lower.indexOf(closer, open.lastIndex);
    if (end === -1) break;
    ranges.push([m.index, end + closer.length]);
    open.lastIndex = end + closer.length;
  }
  return ranges;
}

/** The foreign syntax of one block's source text, `line` being the block's first line. */
function scan(source: string, line: number, where: "markdown" | "top" | "html", context: Context, out: ForeignSyntax[]): void {
  if (!PREFILTER.test(source)) return;
  const withoutSpans = where === "html" ? source : blank(source, codeSpans(source));
  const text = blank(withoutSpans, htmlCodeRanges(withoutSpans));
  let newlines: number[] | undefined;
  const lineOf = (index: number) => {
    newlines ??= [...text.matchAll(/\n/g)].map((m) => m.index);
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return line + lo;
  };
  const found: { index: number; finding: ForeignSyntax }[] = [];
  const taken = new Set<number>();
  for (const detector of DETECTORS) {
    if (detector.in === "top" ? where !== "top" : detector.in === "markdown" && where === "html") continue;
    const pattern = new RegExp(detector.pattern.source, detector.pattern.flags);
    const closer = detector.closer ? nextFinder(text, detector.closer) : undefined;
    const lineEnd = nextFinder(text, "\n");
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === "") pattern.lastIndex++;
      // Where the syntax starts: past the indentation a line-start pattern takes in.
      const index = m.index + (m[0].length - m[0].trimStart().length);
      if (taken.has(index)) continue;
      let closedAt = -1;
      if (closer) {
        // Searched from just after the two-character opener: "{:toc}" is all in the match.
        closedAt = closer(m.index + 2);
        const end = lineEnd(m.index + 2);
        if (closedAt === -1 || (end !== -1 && end < closedAt)) continue;
      }
      const result = detector.found(m, context, closedAt);
      if (!result) continue;
      taken.add(index);
      found.push({ index, finding: { line: lineOf(index), ...result } });
    }
  }
  found.sort((a, b) => a.index - b.index);
  for (const f of found) out.push(f.finding);
}

/** The core rule: reads every block's source outside code, before any rule rewrites it (GitHub alerts drop their marker line). */
function findForeignSyntax(state: StateCore): void {
  const env = state.env as ForeignSyntaxEnv & FootnoteRefs;
  const out = env.foreignSyntax;
  if (!out) return;
  const context: Context = { defined: (label) => env.footnotes?.refs?.[`:${label}`] !== undefined };
  const tokens = state.tokens;
  // A table cell's text has no lines of its own: its row's.
  let line = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token: Token = tokens[i]!;
    if (token.map) line = token.map[0];
    if (token.type === "html_block") scan(token.content, line, "html", context, out);
    else if (token.type === "inline") {
      const parent = tokens[i - 1];
      const top = parent?.type === "paragraph_open" && parent.level === 0;
      scan(token.content, line, top ? "top" : "markdown", context, out);
    }
  }
}

/** Adds the detector to a parser: it fills `env.foreignSyntax` when the env has one. Use after plugins whose rules follow "block" and rewrite blocks' text. */
export function foreignSyntaxPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "foreign_syntax", findForeignSyntax);
}

/** Block structure only, as the site's renderer reads it: enough to find foreign syntax. */
const blocksOnly = new MarkdownIt({ html: true }).use(footnote).use(deflist).use(foreignSyntaxPlugin);
blocksOnly.core.ruler.disable(["inline", "linkify", "replacements", "smartquotes", "text_join", "footnote_tail"]);

/** The foreign syntax of a body, for callers that do not render it. */
export function foreignSyntaxIn(body: string): ForeignSyntax[] {
  const env: ForeignSyntaxEnv = { foreignSyntax: [] };
  blocksOnly.parse(body, env);
  return env.foreignSyntax!;
}

/**
 * Cross-site scripting vectors (the families of the OWASP XSS filter-evasion cheat sheet)
 * and a checker that says whether HTML is inert: nothing in it can run script, load a
 * frame, submit a form, redirect or re-base the page.
 *
 * Every payload sets `window.__xss = 1` or calls `alert(1)` if it ever runs, so the
 * browser tests can tell.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { ROOT } from "./seeds.ts";

export interface Vector {
  /** Family of the cheat sheet the vector belongs to. */
  family: string;
  /** Short name, unique within the list. */
  name: string;
  /** The markup (or Markdown) as an author would write it. */
  payload: string;
  /**
   * The build refuses it as a link that leads nowhere (Markdown keeps a scheme split by
   * whitespace as a relative path): it never reaches a page, and it is tested on its own.
   */
  buildRejects?: boolean;
}

/** A marker word every hostile fixture carries, so a search for it finds them all. */
export const XSS_MARKER = "xssprobe";

const B64_SCRIPT = Buffer.from("<script>window.__xss=1</script>").toString("base64");
const B64_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>').toString("base64");
/** `javascript:window.__xss=1` with every character a padded decimal entity. */
const PADDED_DECIMAL = [..."javascript:window.__xss=1"].map((c) => `&#${String(c.codePointAt(0)).padStart(7, "0")}`).join("");
/** The same with hexadecimal entities and no semicolons. */
const HEX_NO_SEMICOLON = [..."javascript:window.__xss=1"].map((c) => `&#x${c.codePointAt(0)!.toString(16)}`).join("");

const family = (name: string, vectors: ([string, string] | [string, string, "build rejects"])[]): Vector[] =>
  vectors.map(([vector, payload, rejects]) => ({ family: name, name: vector, payload, ...(rejects ? { buildRejects: true } : {}) }));

/** Raw HTML vectors, as they would be pasted into a post body. */
export const HTML_VECTORS: Vector[] = [
  ...family("script elements", [
    ["plain script", "<script>window.__xss=1</script>"],
    ["upper-case SCRIPT SRC", "<SCRIPT SRC=http://xss.test/xss.js></SCRIPT>"],
    ["script with junk attribute", '<SCRIPT/XSS SRC="data:,window.__xss=1"></SCRIPT>'],
    ["nested split script", "<scr<script>ipt>window.__xss=1</scr</script>ipt>"],
    ["double open bracket", "<<SCRIPT>window.__xss=1//<</SCRIPT>"],
    ["unclosed script", "<script>window.__xss=1"],
    ["script in attribute quote confusion", '<img """><script>window.__xss=1</script>">'],
  ]),
  ...family("event handlers", [
    ["img onerror", "<img src=https://xss.test/x onerror=alert(1)>"],
    ["odd casing and spacing", "<IMG SRC=https://xss.test/x OnErRoR =alert(1)>"],
    ["newline before equals", "<img src=https://xss.test/x onerror\n=alert(1)>"],
    ["slash separator", '<img src="https://xss.test/x"/onerror=alert(1)>'],
    ["tab separators", "<img\tsrc=https://xss.test/x\tonerror=window.__xss=1>"],
    ["entity-encoded handler body", "<img src=https://xss.test/x onerror=&#x77;indow.__xss=1>"],
    ["svg onload", "<svg onload=alert(1)>"],
    ["svg slash onload", "<svg/onload=window.__xss=1>"],
    ["body onload", "<body onload=alert(1)>"],
    ["details ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"],
    ["input autofocus onfocus", "<input autofocus onfocus=alert(1)>"],
    ["marquee onstart", "<marquee onstart=alert(1)>x</marquee>"],
    ["div onmouseover", '<div onmouseover="alert(1)">hover</div>'],
    ["a OnMouseOver", '<a href="https://example.org/" OnMouseOver="alert(1)">x</a>'],
    ["audio onerror", "<audio src=https://xss.test/x onerror=window.__xss=1>"],
    ["video source onerror", "<video><source onerror=window.__xss=1></video>"],
    ["span onclick in allowed tag", '<span class="a" onclick="window.__xss=1">x</span>'],
  ]),
  ...family("svg and math", [
    ["svg script", "<svg><script>window.__xss=1</script></svg>"],
    ["svg script href", '<svg><script href="data:,window.__xss=1"/></svg>'],
    ["svg a xlink:href", '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>'],
    ["svg animate onbegin", '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>'],
    ["svg set href", '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>'],
    ["svg foreignObject", '<svg><foreignObject><iframe srcdoc="<script>parent.__xss=1</script>"></iframe></foreignObject></svg>'],
    ["math mglyph style mXSS", "<math><mtext><table><mglyph><style><img src=https://xss.test/x onerror=alert(1)>"],
    ["math href", '<math href="javascript:alert(1)"><mi>x</mi></math>'],
    ["svg style breakout", '<svg></p><style><a id="</style><img src=https://xss.test/1 onerror=alert(1)>">'],
    ["math textarea path mXSS", '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=https://xss.test/1>">'],
  ]),
  ...family("javascript: URLs", [
    ["plain", '<a href="javascript:alert(1)">x</a>'],
    ["odd casing", '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ["decimal entity", '<a href="&#106;avascript:alert(1)">x</a>'],
    ["hex entity", '<a href="&#x6A;avascript:alert(1)">x</a>'],
    ["padded decimal entities, no semicolons", `<a href="${PADDED_DECIMAL}">x</a>`],
    ["hex entities, no semicolons", `<a href="${HEX_NO_SEMICOLON}">x</a>`],
    ["entity tab", '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ["entity newline", '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
    ["entity carriage return", '<a href="jav&#x0D;ascript:alert(1)">x</a>'],
    ["raw tab", '<a href="java\tscript:alert(1)">x</a>'],
    ["raw NUL", '<a href="java\0script:alert(1)">x</a>', "build rejects"],
    ["leading spaces and control", '<a href=" &#14;  javascript:alert(1)">x</a>'],
    ["named colon entity", '<a href="javascript&colon;alert(1)">x</a>'],
    ["img src", '<img src="javascript:alert(1)">'],
    ["img srcset", '<img src="https://xss.test/a.png" srcset="javascript:alert(1) 1x, https://xss.test/b.png 2x">'],
    ["unquoted", "<a href=javascript:window.__xss=1>x</a>"],
    ["body background", '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'],
    ["video poster", '<video poster="javascript:alert(1)"></video>'],
  ]),
  ...family("data: and vbscript: URLs", [
    ["data:text/html base64 link", `<a href="data:text/html;base64,${B64_SCRIPT}">x</a>`],
    ["data:text/html plain link", '<a href="data:text/html,<script>window.__xss=1</script>">x</a>'],
    ["data:image/svg+xml img", `<img src="data:image/svg+xml;base64,${B64_SVG}">`],
    ["vbscript link", '<a href="vbscript:msgbox(1)">x</a>'],
    ["VBSCRIPT img", '<img src="VBSCRIPT:msgbox(1)">'],
    ["picture source data srcset", `<picture><source srcset="data:image/svg+xml;base64,${B64_SVG}"><img src="https://xss.test/a.png"></picture>`],
  ]),
  ...family("frames and embedded objects", [
    ["iframe javascript src", '<iframe src="javascript:alert(1)"></iframe>'],
    ["iframe srcdoc", '<iframe srcdoc="&lt;script&gt;parent.__xss=1&lt;/script&gt;"></iframe>'],
    ["iframe data src", `<iframe src="data:text/html;base64,${B64_SCRIPT}"></iframe>`],
    ["object data", '<object data="javascript:alert(1)"></object>'],
    ["embed data", `<embed src="data:text/html;base64,${B64_SCRIPT}">`],
    ["frameset frame", '<frameset><frame src="javascript:alert(1)"></frameset>'],
    ["applet", '<applet code="javascript:alert(1)"></applet>'],
  ]),
  ...family("forms", [
    ["form action", '<form action="javascript:alert(1)"><input type="submit"></form>'],
    ["button formaction", '<form><button formaction="javascript:alert(1)">x</button></form>'],
    ["input image onerror", '<input type="image" src="https://xss.test/x" onerror="alert(1)">'],
    ["isindex", '<isindex action="javascript:alert(1)" type="submit">'],
  ]),
  ...family("meta, base and link", [
    ["meta refresh javascript", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ["meta refresh data", `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${B64_SCRIPT}">`],
    ["base href javascript", '<base href="javascript:alert(1)//">'],
    ["base href elsewhere", '<base href="https://evil.test/">'],
    ["link rel import", `<link rel="import" href="data:text/html;base64,${B64_SCRIPT}">`],
    ["link rel stylesheet", '<link rel="stylesheet" href="javascript:alert(1)">'],
  ]),
  ...family("style", [
    ["style @import", "<style>@import 'javascript:alert(1)';</style>"],
    ["style url()", '<style>body{background:url("javascript:alert(1)")}</style>'],
    ["style expression()", "<style>p{width:expression(alert(1))}</style>"],
    ["style attribute expression()", '<span style="width: expression(alert(1))">x</span>'],
    ["style attribute url(javascript:)", '<span style="background-image: url(javascript:alert(1))">x</span>'],
    ["style attribute control-char url", '<div style="background:url(&#1;javascript:alert(1))">x</div>'],
    ["style attribute escaped expression", '<span style="color: \\65 xpression(alert(1))">x</span>'],
    ["style attribute behavior and binding", '<span style="behavior: url(x.htc); -moz-binding: url(https://xss.test/x.xml#x)">x</span>'],
    ["style attribute comment split", '<span style="color:red/**/;background:url(javascript:alert(1))">x</span>'],
  ]),
  ...family("parser breakouts", [
    ["noscript title", '<noscript><p title="</noscript><img src=https://xss.test/x onerror=alert(1)>"></noscript>'],
    ["title", "<title><img src=https://xss.test/x onerror=alert(1)></title>"],
    ["title closed early", "<title></title><img src=https://xss.test/x onerror=alert(1)>"],
    ["textarea", '<textarea><p title="</textarea><img src=https://xss.test/x onerror=alert(1)>"></textarea>'],
    ["xmp", '<xmp><p title="</xmp><img src=https://xss.test/x onerror=alert(1)>"></xmp>'],
    ["noembed", '<noembed><p title="</noembed><img src=https://xss.test/x onerror=alert(1)>"></noembed>'],
    ["iframe text", '<iframe><p title="</iframe><img src=https://xss.test/x onerror=alert(1)>"></iframe>'],
    ["template", "<template><img src=https://xss.test/x onerror=alert(1)></template>"],
    ["comment hiding a tag", '<!--<img src="--><img src=https://xss.test/x onerror=alert(1)//">'],
    ["abrupt comment", "<!--><img src=https://xss.test/x onerror=alert(1)>-->"],
    ["bang comment end", "<!-- --!><img src=https://xss.test/x onerror=alert(1)> -->"],
    ["CDATA", "<![CDATA[<img src=https://xss.test/x onerror=alert(1)>]]>"],
    ["processing instruction", "<?xml ?><img src=https://xss.test/x onerror=alert(1)>"],
  ]),
];

/** Markdown vectors: links, images, autolinks and references, as an author would write them. */
export const MARKDOWN_VECTORS: Vector[] = [
  ...family("Markdown links", [
    ["javascript: link", "[x](javascript:alert(1))"],
    ["odd-case link", "[x](JaVaScRiPt:alert(1))"],
    ["decimal entity link", "[x](&#106;avascript:alert(1))"],
    ["hex entity link", "[x](&#x6A;avascript:alert(1))"],
    ["entity tab link", "[x](jav&#x09;ascript:alert(1))", "build rejects"],
    ["angle-bracket spaced link", "[x](<java script:alert(1)>)", "build rejects"],
    ["angle-bracket newline entity link", "[x](<javascript&#10;:alert(1)>)", "build rejects"],
    ["link with title", '[x](javascript:alert(1) "t")'],
    ["data: link", "[x](data:text/html;base64," + B64_SCRIPT + ")"],
    ["vbscript: link", "[x](vbscript:msgbox(1))"],
    ["title attribute breakout", '[x](https://example.org/ "a\\" onmouseover=\\"alert(1)")'],
    ["href attribute breakout", '[x](https://example.org/"onmouseover="alert(1))'],
    ["HTML as link text", "[<img src=https://xss.test/x onerror=alert(1)>](https://example.org/)"],
  ]),
  ...family("Markdown images", [
    ["javascript: image", "![x](javascript:alert(1))"],
    ["data: image", `![x](data:image/svg+xml;base64,${B64_SVG})`],
    ["alt attribute breakout", '![x" onerror="alert(1)](https://example.org/a.png)'],
    ["image title breakout", '![x](https://example.org/a.png "\\" onerror=\\"alert(1)")'],
  ]),
  ...family("Markdown autolinks and references", [
    ["javascript: autolink", "<javascript:alert(1)>"],
    ["vbscript: autolink", "<vbscript:msgbox(1)>"],
    ["data: autolink", "<data:text/html;base64," + B64_SCRIPT + ">"],
    ["reference link", "[x][evil]\n\n[evil]: javascript:alert(1)"],
    ["entity reference link", "[x][evil2]\n\n[evil2]: <&#106;avascript:alert(1)>"],
    ["reference image", "![x][evil3]\n\n[evil3]: javascript:alert(1)"],
    ["collapsed reference", "[evil4][]\n\n[evil4]: JAVASCRIPT:alert(1)"],
  ]),
  ...family("Markdown with inline HTML", [
    ["heading with handler", "## <img src=https://xss.test/x onerror=alert(1)> heading"],
    ["emphasis around script", "*<script>window.__xss=1</script>*"],
    ["code span is text", "`<script>window.__xss=1</script>`"],
    ["fenced code is text", "```html\n<script>window.__xss=1</script>\n```"],
    ["link around HTML href", '<a href="javascript:alert(1)">[x](https://example.org/)</a>'],
  ]),
];

export const ALL_VECTORS: Vector[] = [...HTML_VECTORS, ...MARKDOWN_VECTORS];

/** Vector counts by family, in list order. */
export function familyCounts(vectors: Vector[] = ALL_VECTORS): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of vectors) counts[v.family] = (counts[v.family] ?? 0) + 1;
  return counts;
}

/** A post body holding every vector, each in its own block. */
export function vectorBody(vectors: Vector[]): string {
  return vectors.map((v) => `${XSS_MARKER} ${v.name}:\n\n${v.payload}\n`).join("\n");
}

/** Site paths of the hostile fixture posts written by `writeHostileContent`. */
export const HOSTILE_POSTS = {
  frontMatter: "/zh/daily/xss-front-matter/",
  toml: "/en/weekly/xss-toml-weekly/",
  inferred: "/en/deep-dive/2026-03-03-deep-dive-script-window-xss-1-script-xssprobe/",
  htmlVectors: "/zh/daily/xss-html-vectors/",
  markdownVectors: "/en/daily/xss-markdown-vectors/",
} as const;

/**
 * A content folder of hostile posts: the hand-written ones under tests/fixtures/xss/
 * (vectors in every front-matter field) plus one post with every raw HTML vector in its
 * body and one with every Markdown vector.
 */
/** The moment the hostile posts are built at: after every date they carry, so all are published. */
export const HOSTILE_BUILD_TIME = "2030-01-01T00:00:00Z";

export function writeHostileContent(dir = mkdtempSync(path.join(tmpdir(), "xss-content-"))): string {
  cpSync(path.join(ROOT, "tests/fixtures/xss"), dir, { recursive: true });
  const post = (file: string, matter: Record<string, unknown>, body: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    const yaml = Object.entries(matter).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");
    writeFileSync(path.join(dir, file), `---\n${yaml}\n---\n\n${body}`);
  };
  post(
    "zh/daily/html-vectors.md",
    {
      title: `HTML 向量 ${XSS_MARKER} <img src=https://xss.test/x onerror=alert(1)>`,
      date: "2026-03-04",
      slug: "xss-html-vectors",
      tags: ["<script>window.__xss=1</script>"],
      // A series name and a correction reach the series box and page, JSON-LD and the feeds.
      series: `</title><script>window.__xss=1</script> ${XSS_MARKER}`,
      corrections: [{ date: "2026-03-05", text: `<img src=https://xss.test/x onerror=alert(1)> [x](javascript:alert(1)) ${XSS_MARKER}` }],
    },
    vectorBody(HTML_VECTORS.filter((v) => !v.buildRejects)),
  );
  post(
    "en/daily/markdown-vectors.md",
    { title: `Markdown vectors ${XSS_MARKER} <svg onload=alert(1)>`, date: "2026-03-04", slug: "xss-markdown-vectors", tags: ["</title><script>window.__xss=1</script>"] },
    vectorBody(MARKDOWN_VECTORS.filter((v) => !v.buildRejects)),
  );
  // An entity named like the markup in those titles: its name and description reach topic
  // pages, post pages' topic lists, JSON-LD, feed titles and the search page's menu.
  mkdirSync(path.join(dir, "entities"), { recursive: true });
  writeFileSync(
    path.join(dir, "entities/hostile.yaml"),
    `evil:\n  type: organization\n  name: ${JSON.stringify({ zh: "<img src=https://xss.test/x onerror=alert(1)>", en: "<svg onload=alert(1)>" })}\n  description: ${JSON.stringify({ zh: "</script><script>window.__xss=1</script>", en: "\"><script>window.__xss=1</script>" })}\n`,
  );
  // A tag merged from a spelling that is markup: its redirect page names the tag that stays.
  writeFileSync(path.join(dir, "tags.yaml"), `synonyms:\n  en:\n    ${JSON.stringify("<svg onload=alert(1)>")}: ${JSON.stringify("</title><script>window.__xss=1</script>")}\n`);
  return dir;
}

// ---------------------------------------------------------------------------------------
// The inertness checker.

type Doc = ReturnType<typeof parseDocument>;
type AnyNode = Doc["children"][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

export interface InertOptions {
  /** Which part of the markup the findings come from, for messages. */
  where?: string;
}

/** Elements that never come from a post: scripts, frames, plug-ins, forms, document metadata, raw-text and foreign content. */
const FORBIDDEN_ELEMENTS = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
  "form", "input", "button", "select", "textarea", "isindex", "keygen",
  "meta", "base", "link", "title", "template", "noscript", "noembed", "noframes", "xmp", "plaintext",
  "svg", "math", "foreignobject", "animate", "set", "handler", "use", "portal",
]);

/** Attributes whose value is a URL the browser may navigate to, load or run. */
const URL_ATTRIBUTES = new Set([
  "href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "codebase",
  "cite", "dynsrc", "lowsrc", "longdesc", "ping", "manifest", "icon", "profile", "usemap", "to", "from", "values",
]);

/** Schemes a link or image in a post may use; anything else (javascript:, vbscript:, data:, …) is active or unknown. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/**
 * A URL attribute's value as the browser's URL parser sees it: entities are already
 * decoded by the HTML parser; every whitespace and control character is dropped (the
 * parser strips leading C0 controls and spaces and removes tabs and newlines anywhere).
 */
export function normalizeUrl(value: string): string {
  return decodeNumericReferences(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
}

/**
 * htmlparser2 7 leaves numeric character references without a semicolon ("&#106" or
 * "&#x6A") undecoded, but browsers decode them: decode what is left, so "&#0000106avascript:"
 * counts as javascript:. (A literal "&amp;#106;" is then decoded once too many: that only
 * makes the check stricter.)
 */
function decodeNumericReferences(value: string): string {
  return value.replace(/&#(?:x([0-9a-f]+)|([0-9]+));?/gi, (whole, hex: string | undefined, dec: string | undefined) => {
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The scheme of a normalized URL, or undefined for a relative one. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
}

function urlProblem(attr: string, value: string): string | undefined {
  const candidates = attr === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
  for (const candidate of candidates) {
    const url = normalizeUrl(candidate);
    const scheme = schemeOf(url);
    if (scheme === "javascript" || scheme === "vbscript" || scheme === "data") return `${scheme}: URL in ${attr}="${value}"`;
    if (scheme && !SAFE_SCHEMES.has(scheme)) return `unexpected scheme ${scheme}: in ${attr}="${value}"`;
  }
  return undefined;
}

const STYLE_DANGER = /url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:|-moz-binding|\\/i;

function describe(el: Element): string {
  const attrs = Object.entries(el.attribs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(" ");
  return `<${el.name}${attrs ? ` ${attrs}` : ""}>`;
}

/** Checks the attributes of one element that came from content; pushes what is active. */
function checkAttributes(el: Element, problems: string[], where: string): void {
  for (const [rawName, value] of Object.entries(el.attribs)) {
    const name = rawName.toLowerCase();
    if (/^[^a-z]*on/.test(name)) problems.push(`${where}: event handler ${name} on ${describe(el)}`);
    if (name === "srcdoc" || name === "formaction") problems.push(`${where}: ${name} on ${describe(el)}`);
    if (URL_ATTRIBUTES.has(name) || name === "srcset") {
      const problem = urlProblem(name, value);
      if (problem) problems.push(`${where}: ${problem} on <${el.name}>`);
    }
    if (name === "style" && STYLE_DANGER.test(decodeNumericReferences(value))) problems.push(`${where}: style that can load or run something: ${describe(el)}`);
  }
}

/** Walks nodes that came from content: every element, attribute and comment must be inert. */
function checkContent(nodes: AnyNode[], problems: string[], where: string, allow?: (el: Element) => boolean): void {
  for (const node of nodes) {
    // Browsers and htmlparser2 disagree on where odd comments ("<!-->", "--!>") end: none may come from content.
    if (DomUtils.isComment(node)) {
      problems.push(`${where}: comment <!--${node.data}--> in content`);
      continue;
    }
    if (node.type === "directive" || DomUtils.isCDATA(node)) {
      problems.push(`${where}: ${node.type} in content`);
      continue;
    }
    if (!DomUtils.isTag(node)) continue;
    const el = node as Element;
    if (!(allow?.(el) ?? false)) {
      if (FORBIDDEN_ELEMENTS.has(el.name.toLowerCase())) problems.push(`${where}: forbidden element ${describe(el)}`);
    }
    checkAttributes(el, problems, where);
    checkContent(el.children, problems, where, allow);
  }
}

/** Problems of an HTML fragment that came from content (a rendered post, a feed entry); [] when inert. */
export function inertProblems(html: string, options: InertOptions = {}): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  checkContent(doc.children, problems, options.where ?? "content");
  return problems;
}

/** Throws, listing every active construct, unless a content fragment is inert. */
export function assertInert(html: string, where = "content"): void {
  const problems = inertProblems(html, { where });
  if (problems.length) throw new Error(`not inert:\n  ${problems.join("\n  ")}\n--- markup ---\n${html}`);
}

/** Scripts a page of the site itself loads. */
const OWN_SCRIPT = /^\/assets\/[\w-]+\.js$/;
/** Link relations of the site's own <head>; the search page preloads Pagefind's client, and only that module. */
const OWN_LINK_RELS = new Set(["canonical", "alternate", "icon", "stylesheet", "modulepreload"]);
const OWN_MODULE = "/pagefind/pagefind.js";

/** The JSON of a JSON-LD script, or a problem: raw "<" must never appear inside the script. */
function checkJsonLd(text: string, problems: string[], where: string): void {
  if (text.includes("<")) problems.push(`${where}: raw "<" inside JSON-LD`);
  try {
    JSON.parse(text);
  } catch (error) {
    problems.push(`${where}: JSON-LD is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Problems of a whole page of the site; [] when inert. The <head> may hold the site's own
 * metadata (meta tags, a Content-Security-Policy, a refresh to a path on the site, canonical/alternate/icon/stylesheet links with safe
 * URLs, JSON-LD, scripts from /assets/, Pagefind's client preloaded); the <body> is held to
 * the content rules, except what the search page's own template puts directly in <main>: a
 * <noscript> hint, the search form with its input and menus, and the "more results" button (post
 * content is always wrapped in an <article>, never a direct child of <main>).
 */
export function pageProblems(html: string, where = "page"): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, withStartIndices: true, withEndIndices: true });
  const [htmlEl] = DomUtils.getElementsByTagName("html", doc.children, false, 1);
  if (!htmlEl) return [`${where}: no <html> element`];
  checkAttributes(htmlEl, problems, where);
  const head = DomUtils.getElementsByTagName("head", htmlEl.children, false, 1)[0];
  const body = DomUtils.getElementsByTagName("body", htmlEl.children, false, 1)[0];
  if (!head || !body) return [`${where}: no <head> or <body>`];
  // Nothing outside <head> and <body>: markup there would escape the checks below.
  for (const node of [...doc.children, ...htmlEl.children]) {
    if (DomUtils.isTag(node) && node !== htmlEl && node !== head && node !== body) problems.push(`${where}: element outside <head> and <body>: ${describe(node as Element)}`);
  }
  if (DomUtils.getElementsByTagName("head", doc, true).length !== 1) problems.push(`${where}: more than one <head>`);
  if (DomUtils.getElementsByTagName("body", doc, true).length !== 1) problems.push(`${where}: more than one <body>`);

  for (const node of head.children) {
    if (node.type === "comment") problems.push(`${where}: comment in <head>`);
    if (!DomUtils.isTag(node)) continue;
    const el = node as Element;
    const at = `${where} <head>`;
    checkAttributes(el, problems, at);
    if (el.name === "title") continue;
    if (el.name === "meta") {
      const equiv = (el.attribs["http-equiv"] ?? "").toLowerCase();
      // The site's own: a Content-Security-Policy, and redirects to a path on the site (root page, old URLs).
      const refreshTo = /^\s*\d+\s*;\s*url=(.*)$/i.exec(el.attribs.content ?? "")?.[1] ?? "";
      if (equiv === "refresh" ? !/^\/(?![\/\\])/.test(normalizeUrl(refreshTo)) : equiv && equiv !== "content-security-policy") {
        problems.push(`${at}: meta http-equiv ${describe(el)}`);
      }
      const content = el.attribs.content ?? "";
      const property = el.attribs.property ?? el.attribs.name ?? "";
      if (/(?:url|image)$/.test(property) && (urlProblem("content", content) || !/^https?:\/\//i.test(normalizeUrl(content)))) {
        problems.push(`${at}: ${property} is not an http(s) URL: ${content}`);
      }
      continue;
    }
    if (el.name === "link") {
      const rel = (el.attribs.rel ?? "").toLowerCase();
      if (!OWN_LINK_RELS.has(rel) || (rel === "modulepreload" && el.attribs.href !== OWN_MODULE)) problems.push(`${at}: link ${describe(el)}`);
      continue;
    }
    if (el.name === "script") {
      const type = el.attribs.type;
      if (type === "application/ld+json") checkJsonLd(DomUtils.textContent(el), problems, `${at} JSON-LD`);
      else if (!(el.attribs.src && OWN_SCRIPT.test(el.attribs.src) && el.children.length === 0)) problems.push(`${at}: script ${describe(el)}`);
      continue;
    }
    problems.push(`${at}: unexpected element ${describe(el)}`);
  }

  checkAttributes(body, problems, `${where} <body>`);
  const ownNoscript = (el: Element) => {
    if (el.name !== "noscript" || !DomUtils.isTag(el.parent as AnyNode) || (el.parent as Element).name !== "main") return false;
    // A browser reads <noscript> as raw text up to the first "</noscript": there must be only the closing one.
    const raw = html.slice(el.startIndex ?? 0, (el.endIndex ?? 0) + 1);
    return (raw.match(/<\/noscript/gi) ?? []).length === 1;
  };
  const parentOf = (el: Element | undefined) => (el && DomUtils.isTag(el.parent as AnyNode) ? (el.parent as Element) : undefined);
  const hasClass = (el: Element | undefined, name: string) => !!el && (el.attribs.class ?? "").split(/\s+/).includes(name);
  const searchForm = (el: Element | undefined) => el?.name === "form" && hasClass(el, "search-form") && parentOf(el)?.name === "main";
  const insideSearchForm = (el: Element) => {
    for (let up = parentOf(el); up; up = parentOf(up)) if (searchForm(up)) return true;
    return false;
  };
  // The search page's own controls, each only where its template puts it.
  const ownSearch = (el: Element) =>
    searchForm(el) ||
    (el.name === "input" && searchForm(parentOf(el))) ||
    // Its menus (language, order, filters): each a <select id="search-…"> of plain <option>s in a label inside the search form.
    (el.name === "select" && /^search-[a-z]+$/.test(el.attribs.id ?? "") && hasClass(parentOf(el), "search-form__filter") && insideSearchForm(el)) ||
    (el.name === "button" && hasClass(el, "search-more") && hasClass(parentOf(el), "search-output") && parentOf(parentOf(el))?.name === "main");
  checkContent(body.children, problems, `${where} <body>`, (el) => ownNoscript(el) || ownSearch(el));
  return problems;
}

/** Throws unless a whole page is inert. */
export function assertInertPage(html: string, where = "page"): void {
  const problems = pageProblems(html, where);
  if (problems.length) throw new Error(`page not inert:\n  ${problems.join("\n  ")}`);
}

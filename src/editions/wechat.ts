import { t } from "../i18n/strings.ts";
import type { Edition } from "./edition.ts";
import { classesOf, escapeAttr, escapeText, rewriteHtml, type Attributes, type OpenElement, type Rewrite } from "./html.ts";
import { GENERATOR, labelled, linkHtml, weekHtml } from "./parts.ts";

/** WeChat articles link only to other WeChat articles; every other link becomes a numbered reference. */
export const WECHAT_HOST = "mp.weixin.qq.com";

export interface Reference {
  n: number;
  url: string;
  /** The words of the link that first cited it. */
  text: string;
}

/** Numbers URLs in the order they are first cited; a URL cited again keeps its number. */
export class References {
  readonly list: Reference[] = [];
  private readonly byUrl = new Map<string, Reference>();

  cite(url: string): Reference {
    let reference = this.byUrl.get(url);
    if (!reference) {
      reference = { n: this.list.length + 1, url, text: "" };
      this.byUrl.set(url, reference);
      this.list.push(reference);
    }
    return reference;
  }
}

export function isWechatUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname === WECHAT_HOST;
  } catch {
    return false;
  }
}

// Single quotes: these go inside style="…".
const FONTS = `-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif`;
const MONO = `Menlo, Consolas, 'Courier New', monospace`;
const TEXT = "#333333";
const STRONG = "#1f2328";
const MUTED = "#888888";
const RULE = "#e5e5e5";
const BOX = "#f7f7f7";
/** The colour WeChat gives its own links. */
const LINK = "#576b95";

/**
 * Chinese reads best at 16 px with generous leading, a little tracking and justified lines;
 * English keeps its natural spacing and a ragged right edge.
 */
const textStyle = (lang: Edition["lang"]) =>
  lang === "zh" ? `font-size:16px;line-height:1.75;letter-spacing:0.5px;text-align:justify;color:${TEXT};` : `font-size:16px;line-height:1.75;color:${TEXT};`;

/** The style each element gets. The editor keeps `style` and drops stylesheets, classes and ids. */
function styleOf(element: OpenElement, ancestors: readonly OpenElement[], lang: Edition["lang"]): string {
  const classes = classesOf(element);
  const small = `font-size:14px;line-height:1.7;color:${MUTED};`;
  // Footnotes stay small all the way down: the editor does not inherit a section's size into its paragraphs.
  const inFootnotes = ancestors.some((a) => classesOf(a).has("footnotes"));
  const text = inFootnotes ? small : textStyle(lang);
  if (classes.has("news-item")) return "margin:0 0 24px;";
  if (classes.has("news-label")) return `font-weight:bold;color:${MUTED};`;
  if (classes.has("news-source")) return `margin:0 0 16px;${small}`;
  if (classes.has("markdown-alert")) return `margin:0 0 16px;padding:8px 14px;border-left:3px solid ${RULE};background-color:${BOX};`;
  if (classes.has("markdown-alert-title") || classes.has("details-summary")) return `margin:0 0 8px;${text}font-weight:bold;`;
  if (classes.has("footnotes")) return `margin:24px 0 0;${small}`;
  if (classes.has("footnote-ref")) return `font-size:12px;line-height:0;color:${MUTED};`;
  if (classes.has("week-range")) return `font-weight:normal;font-size:14px;color:${MUTED};`;
  switch (element.name) {
    case "p":
      return `margin:0 0 16px;${text}`;
    case "h1":
    case "h2":
      return `margin:32px 0 16px;padding-bottom:6px;border-bottom:1px solid ${RULE};font-size:18px;line-height:1.5;font-weight:bold;color:${STRONG};`;
    case "h3":
      return `margin:24px 0 12px;font-size:17px;line-height:1.5;font-weight:bold;color:${STRONG};`;
    case "h4":
    case "h5":
    case "h6":
      return `margin:20px 0 10px;font-size:16px;line-height:1.5;font-weight:bold;color:${STRONG};`;
    case "ul":
    case "ol":
      return `margin:0 0 16px;padding-left:1.5em;${text}`;
    case "li":
      return `margin:0 0 8px;${text}`;
    case "strong":
    case "b":
      return `font-weight:bold;color:${STRONG};`;
    case "em":
    case "i":
      return "font-style:italic;";
    case "a":
      return `color:${LINK};text-decoration:none;`;
    case "blockquote":
      return `margin:0 0 16px;padding:8px 14px;border-left:3px solid ${RULE};background-color:${BOX};color:#666666;`;
    case "img":
      return "display:block;max-width:100%;height:auto;margin:16px auto;";
    case "figcaption":
      return `margin:0 0 16px;text-align:center;${small}`;
    case "hr":
      return `margin:24px 0;border:0;border-top:1px solid ${RULE};`;
    case "pre":
      return `margin:0 0 16px;padding:12px;background-color:${BOX};color:${TEXT};font-family:${MONO};font-size:13px;line-height:1.6;letter-spacing:0;text-align:left;white-space:pre-wrap;word-break:break-all;`;
    case "code":
      return `font-family:${MONO};font-size:14px;letter-spacing:0;`;
    case "table":
      return "width:100%;margin:0 0 16px;border-collapse:collapse;font-size:14px;";
    case "th":
      return `padding:6px 8px;border:1px solid ${RULE};background-color:${BOX};font-weight:bold;text-align:left;vertical-align:top;`;
    case "td":
      return `padding:6px 8px;border:1px solid ${RULE};text-align:left;vertical-align:top;`;
    default:
      return "";
  }
}

/** The attributes an element keeps besides `style`: what it means, not how the site styled it. */
const KEPT: Record<string, string[]> = {
  img: ["src", "alt"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan"],
  ol: ["start"],
  li: ["value"],
};

const BLOCK_RENAMES: Record<string, string> = { div: "section", figure: "section", h1: "h2" };

const SUP = `font-size:12px;line-height:0;color:${LINK};`;

/**
 * Rewrites an edition's HTML for the WeChat editor: inline styles only (no class, no id),
 * divs as sections, a link to an outside page as its words and a superscript number, its
 * URL listed at the end; a link into the post itself (a footnote mark) as its words; an
 * entity's topic page as plain text, since a name is not a citation.
 */
export function wechatFragment(html: string, edition: Pick<Edition, "lang" | "url">, references: References): string {
  const { lang } = edition;
  const ownPage = `${edition.url}#`;
  return rewriteHtml(html, (element, ancestors): Rewrite => {
    const { name, attribs } = element;
    const kept: Attributes = {};
    for (const key of KEPT[name] ?? []) if (attribs[key] !== undefined) kept[key] = attribs[key]!;
    const align = attribs.align && (name === "td" || name === "th") ? `text-align:${attribs.align};` : "";
    const style = styleOf(element, ancestors, lang) + align + (attribs.style ?? "");
    const styled = style ? { ...kept, style } : kept;
    if (name === "a") {
      const href = attribs.href ?? "";
      const inFootnoteMark = ancestors.some((a) => classesOf(a).has("footnote-ref"));
      if (inFootnoteMark) return { unwrap: true, text: (text) => text.replace(/^\[(\d+)\]$/, (_, n: string) => t(lang, "edition.footnoteRef", { n })) };
      if (!href || href.startsWith(ownPage) || classesOf(element).has("entity-link")) return { unwrap: true };
      if (isWechatUrl(href)) return { attribs: { href, ...styled } };
      const reference = references.cite(href);
      const first = reference.text === "";
      return {
        unwrap: true,
        // The first citation's words name the reference in the list.
        text: (text) => {
          if (first) reference.text += text;
          return text;
        },
        after: `<sup style="${SUP}">[${reference.n}]</sup>`,
      };
    }
    if (name === "span" && !style) return { unwrap: true };
    return { name: BLOCK_RENAMES[name] ?? name, attribs: styled };
  });
}

/** The numbered list of every URL the article cites, written out: WeChat readers copy them from here. */
export function referencesHtml(references: References, lang: Edition["lang"]): string {
  if (references.list.length === 0) return "";
  const line = `margin:0 0 8px;font-size:13px;line-height:1.6;letter-spacing:0;text-align:left;color:${MUTED};word-break:break-all;`;
  const items = references.list.map((r) => {
    const words = r.text.replace(/\s+/g, " ").replace(/\s*→$/, "").trim();
    const named = words && words !== r.url ? escapeText(labelled(lang, words)) : "";
    return `<p style="${line}">[${r.n}] ${named}${escapeText(r.url)}</p>`;
  });
  return `<section style="margin:32px 0 0;padding-top:16px;border-top:1px solid ${RULE};">
<p style="margin:0 0 12px;font-size:15px;line-height:1.6;font-weight:bold;color:${STRONG};">${escapeText(t(lang, "edition.references"))}</p>
${items.join("\n")}
</section>`;
}

/**
 * What gets pasted: the post as its page shows it below the title (WeChat has a field of its
 * own for the title and one for the digest), then the week's links, the site, and the list
 * of references every link above points to.
 */
export function wechatArticle(edition: Edition): string {
  const { lang, footer } = edition;
  const references = new References();
  const meta = [`${edition.kindLabel} · ${edition.week.label}`, edition.dateLabel, edition.updatedLabel].filter(Boolean).map((s) => escapeText(s!)).join(" · ");
  const corrections = edition.corrections.map((c) => `<blockquote><p><strong>${escapeText(c.dateLabel)}</strong></p>${c.html}</blockquote>`).join("");
  const cover = edition.cover ? `<p><img src="${escapeAttr(edition.cover.src)}" alt="${escapeAttr(edition.cover.alt)}"></p>` : "";
  const summary = edition.summaryHtml ? `<blockquote>${edition.summaryHtml}</blockquote>` : "";
  const follow = [
    linkHtml({ title: t(lang, "edition.readOnline"), url: edition.url }),
    linkHtml({ title: t(lang, "edition.feed"), url: footer.feedUrl }),
    footer.subscribeUrl ? linkHtml({ title: t(lang, "edition.subscribe"), url: footer.subscribeUrl }) : "",
  ].filter(Boolean);
  const html = `<p class="news-source">${meta}</p>
${corrections}${cover}${summary}
${edition.bodyHtml}
<hr>
${weekHtml(edition)}
<hr>
<p class="news-source"><strong>${escapeText(footer.site)}</strong> · ${escapeText(footer.description)}</p>
<p class="news-source">${follow.join(" · ")}</p>`;
  const fragment = wechatFragment(html, edition, references);
  return `<section style="margin:0;padding:0;font-family:${FONTS};${textStyle(lang)}word-break:break-word;overflow-wrap:break-word;">
${fragment}
${referencesHtml(references, lang)}
</section>`;
}

/**
 * The WeChat edition as a page to open in a browser: nothing but the article, so that
 * selecting all and copying takes exactly what the editor should get.
 */
export function wechatHtml(edition: Edition): string {
  return `<!doctype html>
<html lang="${edition.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR}">
<title>${escapeText(edition.title)}</title>
</head>
<body style="max-width:600px;margin:0 auto;padding:20px 16px;background-color:#ffffff;color:${TEXT};">
${wechatArticle(edition)}
</body>
</html>
`;
}

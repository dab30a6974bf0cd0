import { convert, type HtmlToTextOptions } from "html-to-text";
import juice from "juice";
import { t } from "../i18n/strings.ts";
import type { Edition } from "./edition.ts";
import { classesOf, escapeAttr, escapeText, rewriteHtml } from "./html.ts";
import { GENERATOR, labelled, linkHtml as link, weekHtml } from "./parts.ts";

/** The frame's width: what every mail client shows without scrolling sideways. */
const WIDTH = 600;

const FONTS = `-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif`;
const MONO = `ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace`;

/**
 * Colours for clients that keep them and for those that invert them (Gmail and Outlook in
 * dark mode): an off-white page and near-black text, never #fff on #000, so an inverted
 * copy is dark grey with light text rather than glare; every box names both its background
 * and its text colour, so no client pairs our text with its own background.
 */
const COLOURS = {
  outside: "#ecebe6",
  page: "#fbfaf7",
  text: "#1f2328",
  muted: "#5b6068",
  rule: "#d9d6cc",
  link: "#0b57a4",
  box: "#f1efe8",
  code: "#f3f1ea",
};

/**
 * The stylesheet, written once and inlined into every element by juice: mail clients drop
 * <style> (or parts of it) and never load a stylesheet. No flex, grid, variables or
 * position, which they ignore; tables make the frame, plain blocks fill it.
 */
const STYLESHEET = `
body { margin: 0; padding: 0; background-color: ${COLOURS.outside}; color: ${COLOURS.text}; -webkit-text-size-adjust: 100%; }
table { border-collapse: collapse; }
.outer { width: 100%; background-color: ${COLOURS.outside}; color: ${COLOURS.text}; }
.outer-cell { padding: 16px 8px; background-color: ${COLOURS.outside}; color: ${COLOURS.text}; }
.frame { width: 100%; max-width: ${WIDTH}px; background-color: ${COLOURS.page}; color: ${COLOURS.text}; }
.cell { padding: 0 24px; background-color: ${COLOURS.page}; color: ${COLOURS.text}; font-family: ${FONTS}; font-size: 16px; line-height: 1.7; word-break: break-word; overflow-wrap: anywhere; }
.top { padding-top: 16px; padding-bottom: 8px; font-size: 13px; color: ${COLOURS.muted}; }
.top a { color: ${COLOURS.muted}; }
.head { padding-top: 8px; padding-bottom: 8px; }
.kind { margin: 0 0 8px; font-size: 13px; color: ${COLOURS.muted}; }
.kind-label { font-weight: bold; color: ${COLOURS.text}; }
h1 { margin: 0 0 8px; font-size: 26px; line-height: 1.3; font-weight: bold; color: ${COLOURS.text}; }
.meta { margin: 0 0 8px; font-size: 13px; color: ${COLOURS.muted}; }
.tags { margin: 0 0 8px; font-size: 13px; color: ${COLOURS.muted}; }
.tags a { color: ${COLOURS.muted}; }
.summary-box { margin: 8px 0 0; padding: 12px 16px; background-color: ${COLOURS.box}; color: ${COLOURS.text}; border-left: 3px solid ${COLOURS.rule}; }
.corrections { margin: 8px 0 0; padding: 12px 16px; background-color: ${COLOURS.box}; color: ${COLOURS.text}; font-size: 14px; }
.cover { display: block; width: 100%; max-width: 100%; height: auto; margin: 8px 0 0; border: 0; }
.body { padding-top: 8px; padding-bottom: 16px; }
h2 { margin: 28px 0 12px; font-size: 21px; line-height: 1.35; font-weight: bold; color: ${COLOURS.text}; }
h3 { margin: 24px 0 8px; font-size: 18px; line-height: 1.4; font-weight: bold; color: ${COLOURS.text}; }
h4, h5, h6 { margin: 20px 0 8px; font-size: 16px; line-height: 1.5; font-weight: bold; color: ${COLOURS.text}; }
p { margin: 0 0 14px; }
ul, ol { margin: 0 0 14px; padding-left: 24px; }
li { margin: 0 0 6px; }
a { color: ${COLOURS.link}; text-decoration: underline; }
strong, b { font-weight: bold; }
.entity-link { color: ${COLOURS.text}; text-decoration: underline; text-decoration-color: ${COLOURS.rule}; }
hr { height: 0; margin: 24px 0; border: 0; border-top: 1px solid ${COLOURS.rule}; }
blockquote { margin: 0 0 14px; padding: 4px 0 4px 14px; border-left: 3px solid ${COLOURS.rule}; color: ${COLOURS.muted}; }
img { max-width: 100%; height: auto; border: 0; }
pre { margin: 0 0 14px; padding: 12px; background-color: ${COLOURS.code}; color: ${COLOURS.text}; font-family: ${MONO}; font-size: 13px; line-height: 1.5; white-space: pre-wrap; word-break: break-all; }
code { font-family: ${MONO}; font-size: 14px; background-color: ${COLOURS.code}; color: ${COLOURS.text}; }
pre code { font-size: 13px; }
.body table { width: 100%; margin: 0 0 14px; font-size: 14px; }
.body th, .body td { padding: 6px 8px; border: 1px solid ${COLOURS.rule}; background-color: ${COLOURS.page}; color: ${COLOURS.text}; text-align: left; vertical-align: top; }
.body th { background-color: ${COLOURS.box}; font-weight: bold; }
.news-item { margin: 0 0 8px; }
.news-label { font-weight: bold; color: ${COLOURS.muted}; }
.news-source { font-size: 14px; color: ${COLOURS.muted}; }
.markdown-alert { margin: 0 0 14px; padding: 8px 14px; background-color: ${COLOURS.box}; color: ${COLOURS.text}; border-left: 3px solid ${COLOURS.rule}; }
.markdown-alert-title { font-weight: bold; }
.details-summary { font-weight: bold; }
.footnotes { font-size: 14px; color: ${COLOURS.muted}; }
.week { padding-top: 16px; padding-bottom: 16px; border-top: 1px solid ${COLOURS.rule}; }
.week h2 { margin: 0 0 8px; font-size: 17px; }
.week h3 { margin: 12px 0 6px; font-size: 15px; }
.week ul { margin: 0 0 8px; }
.week-range { font-weight: normal; color: ${COLOURS.muted}; }
.foot { padding-top: 16px; padding-bottom: 24px; border-top: 1px solid ${COLOURS.rule}; font-size: 13px; line-height: 1.6; color: ${COLOURS.muted}; }
.foot p { margin: 0 0 8px; }
.foot a { color: ${COLOURS.muted}; }
.site-name { font-weight: bold; color: ${COLOURS.text}; }
`;

/** The hidden first line inbox lists show beside the subject; the padding keeps the body's first words out of it. */
function preheader(summary: string): string {
  const padding = "&#847;&zwnj;&nbsp;".repeat(40);
  const style = "display:none;max-height:0;max-width:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;";
  return `<div style="${style}color:${COLOURS.outside};background-color:${COLOURS.outside};">${escapeText(summary)}${padding}</div>`;
}

/** The header, as the post page's: kind, week, title, date, tags, corrections, cover, summary box. */
function headHtml(edition: Edition): string {
  const meta = [edition.dateLabel, edition.updatedLabel].filter(Boolean).map((s) => escapeText(s!)).join(" · ");
  const tags = edition.tags.length ? `<p class="tags">${escapeText(labelled(edition.lang, t(edition.lang, "tags")))}${edition.tags.map((tag) => link(tag)).join(" · ")}</p>` : "";
  const corrections = edition.corrections.length
    ? `<div class="corrections">${edition.corrections.map((c) => `<p><strong>${escapeText(c.dateLabel)}</strong></p>${c.html}`).join("")}</div>`
    : "";
  const cover = edition.cover ? `<img class="cover" src="${escapeAttr(edition.cover.src)}" alt="${escapeAttr(edition.cover.alt)}" width="${WIDTH - 48}">` : "";
  const summary = edition.summaryHtml ? `<div class="summary-box">${edition.summaryHtml}</div>` : "";
  return `<p class="kind"><span class="kind-label">${escapeText(edition.kindLabel)}</span> · ${escapeText(edition.week.label)}</p>
<h1>${link({ title: edition.title, url: edition.url }, { style: `color:${COLOURS.text};text-decoration:none;` })}</h1>
<p class="meta">${meta}</p>
${tags}${corrections}${cover}${summary}`;
}

/** The footer: the site, where to read and follow it, and the unsubscribe link the mail service fills in. */
function footHtml(edition: Edition): string {
  const { footer, lang } = edition;
  const follow = [
    link({ title: t(lang, "edition.readOnline"), url: edition.url }),
    link({ title: t(lang, "edition.feed"), url: footer.feedUrl }),
    footer.subscribeUrl ? link({ title: t(lang, "edition.subscribe"), url: footer.subscribeUrl }) : "",
  ].filter(Boolean);
  return `<p><a class="site-name" href="${escapeAttr(footer.siteUrl)}">${escapeText(footer.site)}</a> · ${escapeText(footer.description)}</p>
<p>${follow.join(" · ")}</p>
<p>${escapeText(t(lang, "edition.received", { site: footer.site }))} <a href="${escapeAttr(footer.unsubscribeUrl)}">${escapeText(t(lang, "edition.unsubscribe"))}</a></p>`;
}

/** Mail clients know tables and plain blocks: sections become divs. */
const mailBody = (html: string) => rewriteHtml(html, (element) => (element.name === "section" || element.name === "figure" ? { name: "div" } : undefined));

/** Once the styles are inline, classes only weigh on the message; ids lead nowhere, since every link goes to the web. */
const withoutClassesAndIds = (html: string) =>
  rewriteHtml(html, (element) => {
    if (!("class" in element.attribs) && !("id" in element.attribs)) return undefined;
    const { class: _class, id: _id, ...attribs } = element.attribs;
    return { attribs };
  });

/**
 * The email edition: a complete document, a 600 px frame of tables centred on the page
 * (as wide as the screen on a phone), every style inline and every URL absolute.
 */
export function emailHtml(edition: Edition): string {
  const { lang } = edition;
  const row = (classes: string, html: string) => `<tr><td class="cell ${classes}">${html}</td></tr>`;
  const frame = [
    row("top", `<a href="${escapeAttr(edition.footer.siteUrl)}">${escapeText(edition.footer.site)}</a> · ${link({ title: t(lang, "edition.readOnline"), url: edition.url })}`),
    row("head", headHtml(edition)),
    row("body", mailBody(edition.bodyHtml)),
    row("week", weekHtml(edition)),
    row("foot", footHtml(edition)),
  ].join("\n");
  const document = `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<meta name="generator" content="${GENERATOR}">
<title>${escapeText(edition.title)}</title>
</head>
<body>
${preheader(edition.summary)}
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="outer-cell" align="center">
<table role="presentation" class="frame" width="${WIDTH}" cellpadding="0" cellspacing="0" border="0" align="center">
${frame}
</table>
</td></tr>
</table>
</body>
</html>
`;
  const inlined = juice(document, {
    extraCss: STYLESHEET,
    removeStyleTags: true,
    // Nothing may stay behind in a <style>: no media queries, fonts, keyframes or pseudo-classes.
    preserveMediaQueries: false,
    preserveFontFaces: false,
    preserveKeyFrames: false,
    preservePseudos: false,
    preserveImportant: false,
    // The frame's width="600" is Outlook's; its style says 100% up to 600 px for everyone else.
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
  });
  // The rewriter leaves the doctype out with the comments; it goes back on top.
  return `<!doctype html>\n${withoutClassesAndIds(inlined).trimStart()}`;
}

/** Text settings: links as "text [url]" (images as "alt [url]"), headings as written, Chinese never wrapped (it has no spaces to wrap at). */
function textOptions(edition: Edition): HtmlToTextOptions {
  const heading = (level: number) => ({ selector: `h${level}`, options: { uppercase: false, leadingLineBreaks: level <= 2 ? 2 : 1, trailingLineBreaks: 1 } });
  return {
    wordwrap: edition.lang === "zh" ? false : 78,
    selectors: [
      { selector: "a", options: { linkBrackets: ["[", "]"], hideLinkHrefIfSameAsText: true } },
      { selector: "hr", options: { length: 20 } },
      { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
      ...[1, 2, 3, 4, 5, 6].map(heading),
    ],
  };
}

/**
 * The links a text reader needs: an entity's topic page and a footnote mark linked to the
 * web page are noise in plain text, so they become their words.
 */
const textBody = (edition: Edition) =>
  rewriteHtml(edition.bodyHtml, (element) =>
    element.name === "a" && (classesOf(element).has("entity-link") || (element.attribs.href ?? "").startsWith(`${edition.url}#`)) ? { unwrap: true } : undefined,
  );

/**
 * The plain-text alternative: the same parts in the same order (every headline and every
 * source URL), for clients and readers that show no HTML.
 */
export function emailText(edition: Edition): string {
  const { lang, footer } = edition;
  const line = (text: string) => `<p>${escapeText(text)}</p>`;
  const lines = (texts: (string | undefined | false)[]) => `<div>${texts.filter((text): text is string => !!text).map((text) => `${escapeText(text)}<br>`).join("")}</div>`;
  const html = [
    lines([`${edition.kindLabel} · ${edition.week.label}`, edition.title, [edition.dateLabel, edition.updatedLabel].filter(Boolean).join(" · ")]),
    line(labelled(lang, t(lang, "edition.readOnline")) + edition.url),
    edition.corrections.map((c) => `<p>${escapeText(c.dateLabel)}</p>${c.html}`).join(""),
    edition.summaryHtml ? `<blockquote>${edition.summaryHtml}</blockquote>` : "",
    "<hr>",
    textBody(edition),
    "<hr>",
    weekHtml(edition),
    "<hr>",
    line(`${footer.site} · ${footer.description}`),
    lines([
      labelled(lang, t(lang, "edition.readOnline")) + edition.url,
      labelled(lang, t(lang, "edition.feed")) + footer.feedUrl,
      footer.subscribeUrl && labelled(lang, t(lang, "edition.subscribe")) + footer.subscribeUrl,
    ]),
    line(t(lang, "edition.received", { site: footer.site })),
  ].join("\n");
  const text = convert(html, textOptions(edition)).replace(/\n{3,}/g, "\n\n").trim();
  // Last and on a line of its own: the placeholder has spaces ("{{ unsubscribe_url }}") that wrapping must not break.
  return `${text}\n${labelled(lang, t(lang, "edition.unsubscribe"))}${footer.unsubscribeUrl}\n`;
}

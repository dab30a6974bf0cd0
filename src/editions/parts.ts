import type { Lang } from "../config.ts";
import type { Edition, EditionLink } from "./edition.ts";
import { attributesHtml, escapeAttr, escapeText } from "./html.ts";

/** Marks a file as this generator's (<meta name="generator">), so a second run may replace it and nothing else. */
export const GENERATOR = "npm run edition";

/** "标签：" / "Tags: ": a label before what it names, with each language's colon. */
export const labelled = (lang: Lang, label: string) => `${label}${lang === "zh" ? "：" : ": "}`;

/** A link as HTML; its title is text, escaped. */
export const linkHtml = (link: EditionLink, attribs: Record<string, string> = {}) =>
  `<a href="${escapeAttr(link.url)}"${attributesHtml(attribs)}>${escapeText(link.title)}</a>`;

/**
 * The week box both editions end with, as the post page's: a digest lists its week's
 * briefs and deep dives, a brief or deep dive its week's digest, and all link the week.
 */
export function weekHtml(edition: Pick<Edition, "week">): string {
  const { week } = edition;
  const groups = week.groups
    .map((group) => `<h3>${escapeText(group.heading)}</h3>\n<ul>${group.links.map((l) => `<li>${linkHtml(l)}</li>`).join("")}</ul>`)
    .join("\n");
  return `<h2>${escapeText(week.label)} <span class="week-range">${escapeText(week.range)}</span></h2>
${groups}${week.note ? `<p>${escapeText(week.note)}</p>` : ""}
<p>${linkHtml({ title: `${week.hub.title} →`, url: week.hub.url })}</p>`;
}

import type { Kind, Lang, SiteConfig } from "../config.ts";
import type { PublicationStatus } from "../content/publish.ts";
import { absoluteUrl, absolutizeHtml } from "../feeds/absolute.ts";
import { feedUrls } from "../feeds/feeds.ts";
import { formatDate, formatWeek, formatWeekRange } from "../i18n/dates.ts";
import { kindName, t, tn } from "../i18n/strings.ts";
import type { PostPage } from "../pages/posts/post.ts";
import { classesOf, rewriteHtml, type Attributes } from "./html.ts";

/** The editions a post has besides its web page. */
export const EDITION_KINDS = ["email", "wechat"] as const;
export type EditionKind = (typeof EDITION_KINDS)[number];

/** A link of an edition: always an absolute URL, since no edition has a base URL. */
export interface EditionLink {
  title: string;
  url: string;
}

/** A news item of the post: its headline, its place on the web page and the pages it cites. */
export interface EditionItem {
  headline: string;
  url: string;
  sources: string[];
}

/** The week box under a post, as the post page shows it. */
export interface EditionWeek {
  /** "2026 年第 6 周" / "Week 6, 2026". */
  label: string;
  /** "2月2日–2月8日" / "Feb 2 – Feb 8, 2026". */
  range: string;
  groups: { heading: string; links: EditionLink[] }[];
  /** Said instead of the groups when there are none (a brief whose digest is not out yet). */
  note?: string;
  hub: EditionLink;
}

export interface EditionFooter {
  site: string;
  description: string;
  siteUrl: string;
  /** The Atom feed of the post's language. */
  feedUrl: string;
  /** Where readers sign up for the email edition; absent while the site has none. */
  subscribeUrl?: string;
  /** The mail service's placeholder for each reader's unsubscribe link. */
  unsubscribeUrl: string;
}

/**
 * A post as its editions show it, the same for email and WeChat: what the post page shows
 * (kind, week, date, summary, body, the week's cross-links, tags) with every URL absolute,
 * and the web page's own furniture (heading anchors, footnote back links) left out.
 */
export interface Edition {
  lang: Lang;
  kind: Kind;
  slug: string;
  title: string;
  kindLabel: string;
  dateLabel: string;
  /** "更新于 2026年2月7日" when the post was updated. */
  updatedLabel?: string;
  /** The post's web page. */
  url: string;
  /** The summary as one line of plain text: the email's preheader, WeChat's digest field. */
  summary: string;
  /** The summary box, when the editor's summary adds to what the body opens with. */
  summaryHtml?: string;
  cover?: { src: string; alt: string };
  corrections: { dateLabel: string; html: string }[];
  bodyHtml: string;
  items: EditionItem[];
  tags: EditionLink[];
  week: EditionWeek;
  footer: EditionFooter;
  status: PublicationStatus;
}

/** What an edition is made from: the post page's model, or the parts of it tests build by hand. */
export type EditionSource = Pick<
  PostPage,
  "post" | "url" | "html" | "items" | "weekHub" | "weekDigests" | "weekDailies" | "weekDeepDives" | "tagLinks" | "status" | "summaryHtml" | "showSummary" | "corrections"
>;

export type EditionConfig = Pick<SiteConfig, "url" | "title" | "description" | "timeZone" | "emailSubscribeUrl" | "emailUnsubscribeUrl">;

export interface EditionOptions {
  /**
   * Whether a page of the site is live. An edition made of a draft is loaded with every
   * unpublished post, and a link to another post that is not out yet would lead nowhere.
   */
  isLive?: (siteUrl: string) => boolean;
}

/** Attributes only the web page uses: search hints and the like. */
const PAGE_ONLY_ATTRIBUTE = /^(?:data-|loading$|decoding$|srcset$)/;

/**
 * The body without what only the web page needs: the "#" link beside each heading and
 * item, footnotes' back links, a task's disabled checkbox (a mark instead, since mail
 * clients drop form controls), <picture> sources (the <img> inside stays), and <details>
 * opened up (no mail client or WeChat folds them).
 */
export function editionBodyHtml(html: string, lang: Lang): string {
  return rewriteHtml(html, (element) => {
    const { name } = element;
    const classes = classesOf(element);
    if (name === "a" && (classes.has("heading-anchor") || classes.has("footnote-backref"))) return { replace: "", trimBefore: true };
    if (name === "input") return { replace: "checked" in element.attribs ? "☑ " : "☐ " };
    if (name === "source") return { replace: "" };
    if (name === "picture") return { unwrap: true };
    const attribs: Attributes = Object.fromEntries(Object.entries(element.attribs).filter(([key]) => !PAGE_ONLY_ATTRIBUTE.test(key)));
    if (name === "details") return { name: "div", attribs: { ...attribs, class: "details" } };
    if (name === "summary") return { name: "p", attribs: { ...attribs, class: "details-summary" } };
    // The page's stylesheet spaces a label from its text; an edition carries no stylesheet.
    if (classes.has("news-label") && lang === "en") return { attribs, after: " " };
    return { attribs };
  });
}

export function editionOf(page: EditionSource, config: EditionConfig, options: EditionOptions = {}): Edition {
  const { post } = page;
  const { lang } = post;
  const zone = config.timeZone;
  const isLive = options.isLive ?? (() => true);
  const url = absoluteUrl(page.url, config.url);
  const link = (l: { title: string; url: string }): EditionLink => ({ title: l.title, url: absoluteUrl(l.url, config.url) });
  const live = (links: { title: string; url: string }[]) => links.filter((l) => isLive(l.url)).map(link);
  const absolute = (html: string) => absolutizeHtml(editionBodyHtml(html, lang), page.url, config.url);

  const groups =
    post.kind === "weekly"
      ? [
          { heading: t(lang, "weekDailies"), links: live(page.weekDailies) },
          { heading: t(lang, "weekDeepDives"), links: live(page.weekDeepDives) },
        ]
      : [{ heading: t(lang, "weekDigests"), links: live(page.weekDigests) }];
  const shown = groups.filter((group) => group.links.length > 0);

  return {
    lang,
    kind: post.kind,
    slug: post.slug,
    title: post.title,
    kindLabel: kindName(lang, post.kind),
    dateLabel: formatDate(post.date, lang, zone),
    updatedLabel: post.updated && `${t(lang, "updated")} ${formatDate(post.updated, lang, zone)}`,
    url,
    summary: post.description,
    summaryHtml: page.showSummary && page.summaryHtml ? absolute(page.summaryHtml) : undefined,
    cover: post.cover && { src: absoluteUrl(post.cover.src, config.url), alt: post.cover.alt },
    corrections: page.corrections.map((c) => ({ dateLabel: `${tn(lang, "corrections", 1)} ${formatDate(c.date, lang, zone)}`, html: absolute(c.html) })),
    bodyHtml: absolute(page.html),
    items: page.items.map((item) => ({ headline: item.headline, url: `${url}#${encodeURIComponent(item.anchor)}`, sources: item.sources.map((s) => absoluteUrl(s, config.url)) })),
    tags: page.tagLinks.map(link),
    week: {
      label: formatWeek(post.week, lang),
      range: formatWeekRange(post.week, lang),
      groups: shown,
      note: shown.length === 0 && post.kind !== "weekly" ? t(lang, "noDigestYet") : undefined,
      hub: link({ title: t(lang, "weekHub"), url: page.weekHub }),
    },
    footer: {
      site: config.title[lang],
      description: config.description[lang],
      siteUrl: absoluteUrl(`/${lang}/`, config.url),
      feedUrl: absoluteUrl(feedUrls.atom(lang), config.url),
      subscribeUrl: config.emailSubscribeUrl.trim() || undefined,
      unsubscribeUrl: config.emailUnsubscribeUrl,
    },
    status: page.status,
  };
}

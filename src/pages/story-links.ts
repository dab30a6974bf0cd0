import { LANG_TAGS, otherLang, type Lang } from "../config.ts";
import type { Post } from "../content/schema.ts";
import { urls } from "../collections/urls.ts";
import { formatMonthDay } from "../i18n/dates.ts";
import { t } from "../i18n/strings.ts";
import { escapeHtml } from "../i18n/typography.ts";
import type { ItemRelations } from "../stories/relations.ts";

/** An item another links to: where it is, and its headline for the link's title. */
export interface LinkTarget {
  post: Post;
  anchor: string;
  headline: string;
}

/** The item's address: its post's page and its anchor. */
export const itemUrl = (item: LinkTarget): string => `${urls.post(item.post)}#${item.anchor}`;

/** What a link to an item says, in the page's language: "2月6日日报", "the W06 digest". */
export function itemLabel(item: LinkTarget, lang: Lang): string {
  const post = item.post;
  const vars = { date: formatMonthDay(post.day, lang), week: post.week.replace(/^\d{4}-/, "") };
  return t(lang, `storyLink.${post.kind}`, vars);
}

/** Links to items, each saying which post it is in; when two would read alike, they name their posts. */
export function linksTo(items: LinkTarget[], lang: Lang): string {
  const labels = items.map((item) => itemLabel(item, lang));
  const keys = items.map((item, i) => `${item.post.lang}|${labels[i]}`);
  const uses = new Map<string, number>();
  for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
  return items
    .map((item, i) => {
      const label = uses.get(keys[i]!) === 1 ? labels[i]! : t(lang, "storyLinkTitled", { label: labels[i]!, title: item.post.title });
      const foreign = item.post.lang !== lang;
      const attrs = `href="${escapeHtml(itemUrl(item))}" title="${escapeHtml(item.headline)}"${foreign ? ` hreflang="${LANG_TAGS[item.post.lang]}"` : ""}`;
      return `<a ${attrs}>${escapeHtml(label)}</a>${foreign ? escapeHtml(t(lang, `storyInLang.${item.post.lang}`)) : ""}`;
    })
    .join(lang === "zh" ? "、" : ", ");
}

/**
 * The line under a news item that links it to the rest of its story: where it broke, the
 * digest that picked it up, what came after, the same item in the other language. "" when
 * it has none of these.
 */
export function itemLinksHtml(relations: ItemRelations<LinkTarget>, lang: Lang): string {
  const parts: string[] = [];
  const part = (key: string, items: LinkTarget[]) => {
    if (items.length) parts.push(`<span class="item-story__part"><span class="item-story__label">${escapeHtml(t(lang, key))}</span> ${linksTo(items, lang)}</span>`);
  };
  part("storyFirstIn", relations.firstIn);
  part("storyBuildsOn", relations.buildsOn);
  part("storyIncludedIn", relations.includedIn);
  part("storyFollowUps", relations.followUps);
  part("storySameDay", relations.sameDay);
  for (const item of relations.translations) {
    const text = t(lang, "storyTranslation", { langName: t(lang, `langNameIn.${otherLang(lang)}`) });
    parts.push(`<span class="item-story__part"><a href="${escapeHtml(itemUrl(item))}" hreflang="${LANG_TAGS[item.post.lang]}">${escapeHtml(text)}</a></span>`);
  }
  return parts.length ? `<p class="item-story" data-pagefind-ignore>${parts.join(" ")}</p>` : "";
}

/** A body's HTML with each item's line of links placed where the item ends. */
export function withItemLinks(html: string, items: readonly { anchor: string; offset: number }[], lineOf: (anchor: string) => string): string {
  const places = items.filter((item) => item.offset >= 0).map((item) => ({ at: item.offset, html: lineOf(item.anchor) })).filter((p) => p.html);
  if (places.length === 0) return html;
  places.sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const place of places) {
    out += html.slice(from, place.at) + place.html;
    from = place.at;
  }
  return out + html.slice(from);
}

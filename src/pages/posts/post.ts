import { LANGS, otherLang, type Lang, type SiteConfig } from "../../config.ts";
import { bodyDigest } from "../../content/digest.ts";
import type { Post } from "../../content/schema.ts";
import { authorFor } from "../../collections/authors.ts";
import type { Link, PostEntry } from "../../collections/entries.ts";
import { urls } from "../../collections/urls.ts";
import type { EntityType } from "../../entities/registry.ts";
import { feedUrls } from "../../feeds/feeds.ts";
import { isoDateTime } from "../../i18n/dates.ts";
import { t } from "../../i18n/strings.ts";
import { pageShareImage, postCard } from "../../share/card.ts";
import { seriesParts } from "../../collections/series.ts";
import type { StoryItem } from "../../collections/stories.ts";
import type { ItemRelations } from "../../stories/relations.ts";
import { itemLinksHtml, withItemLinks } from "../story-links.ts";
import { alternatesOf, nearbyPage, switchOrNearby, type Nearby, type PageBase, type PageContext, type PageType } from "../page-type.ts";

/** A post's own page: its body, with links to its week, its translation and its neighbours. */
export interface PostPage extends PageBase, PostEntry {
  /** Whom each news item links to in its story, by item anchor (see src/stories/); items without links are absent. */
  itemRelations: Record<string, ItemRelations<StoryItem>>;
  tagLinks: Link[];
  authorLinks: Link[];
  /** The entities it mentions, what it is about first, each linking to its page. */
  entityLinks: (Link & { about: boolean; type: EntityType; homepage?: string })[];
  weekHub: string;
  /** For dailies and deep dives: the digests of their week. */
  weekDigests: Link[];
  /** For digests: the daily briefs and deep dives of the week they cover. */
  weekDailies: Link[];
  weekDeepDives: Link[];
  prev?: Link;
  next?: Link;
  /** Without a translation: the other language's nearest page, which layouts/translation-note.njk links. */
  untranslated?: Nearby;
  /** The sitemap's lastmod: the day it was published, or the moment it was last updated. */
  lastmod: string;
  /** The series it is a part of: every part, this one marked, and its neighbours in the series. */
  series?: SeriesBox;
  /** A translation whose original changed after it was made (see `translationOf`): the original, which the note links. */
  originalUpdated?: Link & { lang: Lang };
  subscribe: SubscribeLine;
}

/** The line that ends a post: the feeds of its language and kind, the email sign-up when the site has one, every feed. */
export interface SubscribeLine {
  feeds: { url: string; label: string; title: string }[];
  email?: string;
  more: string;
}

function subscribeLine(post: Post, config: Pick<SiteConfig, "emailSubscribeUrl">): SubscribeLine {
  const feed = (url: string, label: string) => ({ url, label, title: t(post.lang, "subscribeFeedTitle", { name: label }) });
  return {
    feeds: [feed(feedUrls.atom(post.lang), t(post.lang, "subscribeAll")), feed(feedUrls.kind(post.lang, post.kind), t(post.lang, `kindPlural.${post.kind}`))],
    ...(config.emailSubscribeUrl ? { email: config.emailSubscribeUrl } : {}),
    more: feedUrls.index(post.lang),
  };
}

/** A series as a box on each of its parts' pages. */
export interface SeriesBox {
  name: string;
  url: string;
  parts: (Link & { number: number; current: boolean })[];
  /** This post's number in the series. */
  number: number;
  /** The highest number (the count, unless parts are missing). */
  total: number;
  prev?: Link;
  next?: Link;
}

/** The original of a translation, when its body is no longer the version the translation was made from. */
function updatedOriginal(post: Post, original: Post | undefined): PostPage["originalUpdated"] {
  if (!original || bodyDigest(original.body) === post.translationOf!.digest) return undefined;
  return { url: urls.post(original), title: original.title, lang: original.lang };
}

const link = (entry: PostEntry): Link => ({ url: entry.url, title: entry.post.title });

/**
 * The body as the page shows it: under each item, its line of story links. Made while the
 * page renders, so the models hold neither a second copy of every body nor the lines.
 */
export function postBodyHtml(page: Pick<PostPage, "html" | "items" | "itemRelations" | "lang">): string {
  return withItemLinks(page.html, page.items, (anchor) => {
    const relations = page.itemRelations[anchor];
    return relations ? itemLinksHtml(relations, page.lang) : "";
  });
}

function entityLinks(entry: PostEntry, context: PageContext): PostPage["entityLinks"] {
  const { about, mentions } = entry.entities;
  const ids = [...new Set([...about, ...mentions.map((m) => m.id)])];
  return ids.flatMap((id) => {
    const entity = context.registry.entities.get(id);
    return entity ? [{ title: entity.name[entry.post.lang], url: urls.topic(entry.post.lang, id), about: about.includes(id), type: entity.type, homepage: entity.homepage }] : [];
  });
}

export const postPages: PageType<"posts", PostPage> = {
  name: "posts",
  pages(context) {
    const { config, weeks } = context;
    const pageOf = new Map<PostEntry, PostPage>();
    for (const entry of context.entries) {
      const post = entry.post;
      const set = context.translations.get(post);
      const alternates = alternatesOf(LANGS.map((lang) => [lang, lang === post.lang ? entry.url : set?.[lang] && urls.post(set[lang]!)]));
      const other = otherLang(post.lang);
      const nearby = nearbyPage(context, other, post.week, post.kind);
      const switchTo = switchOrNearby(post.lang, alternates, nearby.url);
      pageOf.set(entry, {
        ...entry,
        itemRelations: Object.fromEntries(context.stories.relationsOf(post)),
        lang: post.lang,
        alternates,
        switchTo,
        untranslated: switchTo.exact ? undefined : nearby,
        originalUpdated: config.noteStaleTranslations ? updatedOriginal(post, context.originals.get(post)) : undefined,
        tagLinks: context.tagsOf(post).map((tag) => ({ title: tag.name, url: urls.tag(post.lang, tag.slug) })),
        authorLinks: post.authors.map((name) => ({ title: name, url: urls.author(post.lang, authorFor(name, config.authors).id) })),
        entityLinks: entityLinks(entry, context),
        weekHub: urls.weekHub(post.lang, post.week),
        shareImage: config.shareImages ? pageShareImage(postCard(post, config), entry.url, post.sourcePath) : undefined,
        subscribe: subscribeLine(post, config),
        lastmod: post.updated ? isoDateTime(post.updated, config.timeZone) : post.day,
        weekDigests: [],
        weekDailies: [],
        weekDeepDives: [],
      });
    }

    // Cross-links between a week's digest and its dailies and deep dives.
    for (const lang of LANGS) {
      for (const group of weeks[lang].values()) {
        const links = (posts: Post[]) => posts.map((post) => link(context.entryOf(post)));
        const [digests, dailies, deepDives] = [links(group.digests), links(group.dailies), links(group.deepDives)];
        for (const post of group.digests) Object.assign(pageOf.get(context.entryOf(post))!, { weekDailies: dailies, weekDeepDives: deepDives });
        for (const post of [...group.dailies, ...group.deepDives]) pageOf.get(context.entryOf(post))!.weekDigests = digests;
      }
    }

    // Each part of a series shows the whole series, itself marked.
    for (const lang of LANGS) {
      for (const group of context.series[lang].values()) {
        const parts = seriesParts(group, context.entryOf);
        const url = urls.series(lang, group.slug);
        parts.forEach(({ entry, number }, i) => {
          pageOf.get(entry)!.series = {
            name: group.name,
            url,
            number,
            total: Math.max(...parts.map((part) => part.number)),
            parts: parts.map((part) => ({ ...link(part.entry), number: part.number, current: part.entry === entry })),
            prev: parts[i - 1] && link(parts[i - 1]!.entry),
            next: parts[i + 1] && link(parts[i + 1]!.entry),
          };
        });
      }
    }

    // Previous/next stay inside one language and kind; groups are newest first.
    for (const lang of LANGS) {
      for (const group of Object.values(context.byKind[lang])) {
        group.forEach((entry, i) => {
          const page = pageOf.get(entry)!;
          const newer = group[i - 1];
          const older = group[i + 1];
          if (older) page.prev = link(older);
          if (newer) page.next = link(newer);
        });
      }
    }
    return [...pageOf.values()];
  },
  sitemap: (page) => ({ url: page.url, alternates: page.alternates, lastmod: page.lastmod }),
  refresh: (pages, edited) => pages.flatMap((page) => {
    const entry = edited.get(page.post.sourcePath);
    // The edit kept every item's headline and sources (or the build would be a full one): the links stay, their places move with the items.
    return entry ? [Object.assign(page, entry)] : [];
  }),
};

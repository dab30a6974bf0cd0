import { LANG_TAGS, LANGS, otherLang, type Kind, type Lang, type SiteConfig } from "../../config.ts";
import type { EntityGroup, EntityPost } from "../../collections/entities.ts";
import { urls } from "../../collections/urls.ts";
import { ENTITY_TYPES, SCHEMA_ORG_TYPES, type Entity, type EntityType } from "../../entities/registry.ts";
import { absoluteUrl } from "../../feeds/absolute.ts";
import { feedUrls, type FeedSpec } from "../../feeds/feeds.ts";
import { t } from "../../i18n/strings.ts";
import { escapeHtml } from "../../i18n/typography.ts";
import { pageShareImage, topicCard } from "../../share/card.ts";
import { scriptSafeJson } from "../metadata.ts";
import { alternatesOf, paginate, sitemapLine, type PageBase, type PageContext, type PageType, type Paged } from "../page-type.ts";

/** A post on an entity's timeline, with the news items or sections that mention the entity. */
export interface TimelinePost {
  url: string;
  title: string;
  kind: Kind;
  /** YYYY-MM-DD */
  day: string;
  units: { url: string; title: string; item: boolean }[];
}

/** A link to another entity's page. */
export interface EntityLink {
  name: string;
  url?: string;
}

/** One page of an entity's timeline in one language: its names, relations and the posts that mention it, by ISO week. */
export interface TopicPage extends PageBase, Paged<TimelinePost> {
  topic: {
    id: string;
    type: EntityType;
    name: string;
    /** Its name in the other language, when that differs. */
    otherName?: string;
    aliases: string[];
    homepage?: string;
    description?: string;
    org?: EntityLink;
    /** What belongs to it (an organization's models, products, people and parts), by type, with pages where they have one. */
    members: { type: EntityType; links: EntityLink[] }[];
    /** Posts in this language that mention it. */
    count: number;
    feedUrl?: string;
  };
  /** This page's posts, grouped by the ISO week they belong to, newest first. */
  weeks: { week: string; url: string; posts: TimelinePost[] }[];
  /** Entities mentioned in the same news items or sections of this language's posts, the most often first. */
  related: EntityLink[];
  /** When no post in this language mentions it: the other language's page and how many do there. */
  pointer?: { lang: Lang; count: number; url: string };
  jsonLd: string;
}

export interface TopicPageOptions {
  /** Posts per timeline page (a line each); default 50. */
  pageSize?: number;
  /** Posts per topic feed; default 20 (a post that names thirty entities is in thirty feeds). */
  feedSize?: number;
}

function timelinePost({ post, units }: EntityPost): TimelinePost {
  const url = urls.post(post);
  return {
    url,
    title: post.title,
    kind: post.kind,
    day: post.day,
    units: units.map((unit) => ({ url: `${url}#${unit.anchor}`, title: unit.title, item: unit.item })),
  };
}

/**
 * A page's posts by the ISO week they belong to, newest week first; posts keep their order
 * (newest first) within a week. A digest dated after the week it covers joins that week.
 */
function byWeek(lang: Lang, posts: TimelinePost[], weekOf: Map<string, string>): TopicPage["weeks"] {
  const weeks = new Map<string, TimelinePost[]>();
  for (const post of posts) {
    const week = weekOf.get(post.url)!;
    weeks.set(week, [...(weeks.get(week) ?? []), post]);
  }
  return [...weeks]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([week, list]) => ({ week, url: urls.weekHub(lang, week), posts: list }));
}

/** A topic feed's entry: the post's summary, then its news items or sections that mention the entity. */
function feedContent(description: string, post: TimelinePost, readPost: string): string {
  const units = post.units.map((unit) => `<li><a href="${escapeHtml(unit.url)}">${escapeHtml(unit.title)}</a></li>`).join("");
  return `<p>${escapeHtml(description)}</p>${units ? `<ul>${units}</ul>` : ""}<p><a href="${escapeHtml(post.url)}">${escapeHtml(readPost)}</a></p>`;
}

/** schema.org markup of an entity: its type, names, homepage and what it belongs to. */
export function entityJsonLd(entity: Entity, lang: Lang, pageUrl: string, registry: Map<string, Entity>, config: Pick<SiteConfig, "url">): Record<string, unknown> {
  const org = entity.org ? registry.get(entity.org) : undefined;
  const orgThing = org && { "@type": "Organization", name: org.name[lang], ...(org.homepage ? { sameAs: [org.homepage] } : {}) };
  const relation = !orgThing
    ? {}
    : entity.type === "organization"
      ? { parentOrganization: orgThing }
      : entity.type === "person"
        ? { affiliation: orgThing }
        : entity.type === "product"
          ? { manufacturer: orgThing }
          : { creator: orgThing };
  const url = absoluteUrl(pageUrl, config.url);
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    url,
    inLanguage: LANG_TAGS[lang],
    mainEntity: {
      "@type": SCHEMA_ORG_TYPES[entity.type],
      "@id": `${url}#entity`,
      name: entity.name[lang],
      alternateName: entity.aliases.filter((alias) => alias !== entity.name[lang]),
      ...(entity.homepage ? { sameAs: [entity.homepage] } : {}),
      ...(entity.description[lang] ? { description: entity.description[lang] } : {}),
      ...relation,
    },
  };
}

/** Where an entity's page is, when it has one (some post in either language mentions it). */
const pageOf = (context: PageContext, lang: Lang, id: string) => (context.entities.has(id) ? urls.topic(lang, id) : undefined);

export function topicPages(options: TopicPageOptions = {}): PageType<"topics", TopicPage> {
  return {
    name: "topics",
    pages(context) {
      const size = options.pageSize ?? 50;
      const entities = context.registry.entities;
      // Members of each organization, from the registry in one pass.
      const members = new Map<string, Entity[]>();
      for (const entity of entities.values()) if (entity.org) members.set(entity.org, [...(members.get(entity.org) ?? []), entity]);

      return [...context.entities.values()].flatMap((group: EntityGroup) => {
        const { entity } = group;
        return LANGS.flatMap((lang) => {
          const other = otherLang(lang);
          const posts = group.posts[lang].map(timelinePost);
          const weekOf = new Map(group.posts[lang].map(({ post }) => [urls.post(post), post.week]));
          const link = (e: Entity): EntityLink => ({ name: e.name[lang], url: pageOf(context, lang, e.id) });
          const org = entity.org ? entities.get(entity.org) : undefined;
          const count = posts.length;
          const topic: TopicPage["topic"] = {
            id: entity.id,
            type: entity.type,
            name: entity.name[lang],
            otherName: entity.name[other] !== entity.name[lang] ? entity.name[other] : undefined,
            aliases: entity.aliases.filter((alias) => alias !== entity.name.zh && alias !== entity.name.en),
            homepage: entity.homepage,
            description: entity.description[lang],
            org: org && link(org),
            members: ENTITY_TYPES.map((type) => ({ type, links: (members.get(entity.id) ?? []).filter((m) => m.type === type).map(link) })).filter((m) => m.links.length > 0),
            count,
            feedUrl: count ? feedUrls.topic(urls.topic(lang, entity.id)) : undefined,
          };
          const related = group.related[lang].map(({ entity: e }) => link(e));
          const pointer = count === 0 ? { lang: other, count: group.posts[other].length, url: urls.topic(other, entity.id) } : undefined;
          const jsonLd = scriptSafeJson(entityJsonLd(entity, lang, urls.topic(lang, entity.id), entities, context.config));
          const shareImage = context.config.shareImages ? pageShareImage(topicCard(lang, { name: topic.name, type: entity.type, count }, context.config), urls.topic(lang, entity.id)) : undefined;
          return paginate(posts, size, (n) => urls.topic(lang, entity.id, n)).map((chunk) => ({
            ...chunk,
            lang,
            url: urls.topic(lang, entity.id, chunk.pageNumber),
            alternates: alternatesOf([
              [lang, urls.topic(lang, entity.id, chunk.pageNumber)],
              [other, chunk.pageNumber === 1 ? urls.topic(other, entity.id) : undefined],
            ]),
            switchTo: { lang: other, url: urls.topic(other, entity.id), exact: true },
            topic,
            shareImage,
            weeks: byWeek(lang, chunk.items, weekOf),
            related,
            pointer,
            jsonLd,
          }));
        });
      });
    },
    sitemap: sitemapLine,
    /**
     * An Atom feed per entity and language with posts that mention it. Its entries carry the
     * post's summary and links to the items that mention the entity, not the whole post: a
     * post that names thirty entities is in thirty feeds, and a reader of one wants its items.
     */
    feeds(collections) {
      const { config } = collections;
      return [...collections.entities.values()].flatMap(({ entity, posts }) =>
        LANGS.filter((lang) => posts[lang].length > 0).map((lang): FeedSpec => {
          const latest = posts[lang].slice(0, options.feedSize ?? 20);
          // By URL: watch mode gives an edited post a new Post, at the same URL.
          const timeline = new Map(latest.map((p) => [urls.post(p.post), timelinePost(p)]));
          return {
            url: feedUrls.topic(urls.topic(lang, entity.id)),
            format: "atom",
            lang,
            scope: "topic",
            title: `${config.title[lang]} · ${entity.name[lang]}`,
            description: t(lang, "topicFeedDescription", { name: entity.name[lang] }),
            pageUrl: urls.topic(lang, entity.id),
            entries: latest.map(({ post }) => collections.entryOf(post)),
            contentOf: (entry) => feedContent(entry.post.description, timeline.get(entry.url)!, t(lang, "topicFeedReadPost")),
          };
        }),
      );
    },
  };
}

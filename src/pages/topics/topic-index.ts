import { LANGS, otherLang, type Lang } from "../../config.ts";
import { urls } from "../../collections/urls.ts";
import { ENTITY_TYPES, type EntityType } from "../../entities/registry.ts";
import { inEveryLang, sitemapLine, type PageBase, type PageType } from "../page-type.ts";

/** An entity on the index: its page, and how many posts mention it in this language and the other. */
export interface TopicSummary {
  name: string;
  url: string;
  count: number;
  otherCount: number;
}

/** A language's topics: every entity some post mentions, by type, the most mentioned first (then by id, the same on every machine). */
export interface TopicIndexPage extends PageBase {
  groups: { type: EntityType; topics: TopicSummary[] }[];
}

export const topicIndexPages: PageType<"topicIndexes", TopicIndexPage> = {
  name: "topicIndexes",
  pages(context) {
    if (context.entities.size === 0) return [];
    return LANGS.map((lang: Lang) => {
      const other = otherLang(lang);
      const byType = new Map<EntityType, TopicSummary[]>(ENTITY_TYPES.map((type) => [type, []]));
      for (const { entity, posts } of context.entities.values()) {
        byType.get(entity.type)!.push({ name: entity.name[lang], url: urls.topic(lang, entity.id), count: posts[lang].length, otherCount: posts[other].length });
      }
      return {
        lang,
        url: urls.topicIndex(lang),
        alternates: inEveryLang(urls.topicIndex),
        switchTo: { lang: other, url: urls.topicIndex(other), exact: true },
        groups: [...byType]
          .filter(([, topics]) => topics.length > 0)
          .map(([type, topics]) => ({
            type,
            topics: topics.sort((a, b) => b.count - a.count || b.otherCount - a.otherCount || (a.url < b.url ? -1 : 1)),
          })),
      };
    });
  },
  sitemap: sitemapLine,
};

import { stringify } from "yaml";
import { isoDateTime } from "../i18n/dates.ts";
import { isoWeekOf, parseDate } from "./dates.ts";
import type { Post } from "./schema.ts";

/**
 * The canonical front matter of a post: every field the site would otherwise have to infer,
 * written out so the file says what the site believes. A derived summary is left out
 * (it follows the body); the slug is always written so the URL never moves.
 */
export function canonicalFrontMatter(post: Post, timeZone: string): Record<string, unknown> {
  const derived = new Set(post.inferred.map((i) => i.field));
  // Written as the site reads it back to the same instant: a bare day for midnight, else the
  // local date-time; UTC when the zone's offset is not whole minutes (local mean time before 1901).
  const when = (date: Date) => {
    const iso = isoDateTime(date, timeZone);
    const same = (text: string) => parseDate(text, timeZone)?.instant.getTime() === date.getTime();
    if (/T00:00:00(?![.\d])/.test(iso) && same(iso.slice(0, 10))) return iso.slice(0, 10);
    return same(iso) ? iso : date.toISOString();
  };
  const fm: Record<string, unknown> = {
    title: post.title,
    kind: post.kind,
    lang: post.lang,
    date: when(post.date),
  };
  // A digest always says its week; another post only when it is not the week of its date.
  if (post.kind === "weekly" || post.week !== isoWeekOf(post.date, timeZone)) fm.week = post.week;
  if (!derived.has("summary") && post.summary) fm.summary = post.summary;
  if (post.tags.length) fm.tags = post.tags;
  if (post.authors.length) fm.authors = post.authors;
  if (post.keywords.length) fm.keywords = post.keywords;
  if (post.cover) fm.cover = { src: post.cover.src, alt: post.cover.alt };
  if (post.translationKey) fm.translationKey = post.translationKey;
  fm.slug = post.slug;
  if (post.draft) fm.draft = true;
  if (post.scheduled) fm.scheduled = when(post.scheduled);
  // Only an `updated` of its own: one that a correction's date gives is read back from the correction.
  if (post.updated && post.updated.getTime() !== post.corrections[0]?.date.getTime()) fm.updated = when(post.updated);
  if (post.corrections.length) fm.corrections = post.corrections.map((c) => ({ date: when(c.date), text: c.text }));
  if (post.series) {
    fm.series = post.series.name;
    const part = post.series.part ?? post.series.partText;
    if (part !== undefined) fm.part = part;
  }
  if (post.aliases.length) fm.aliases = post.aliases;
  const entities = [...post.entities.include, ...post.entities.exclude.map((id) => `-${id}`)];
  if (entities.length) fm.entities = entities;
  if (post.translationOf) {
    const { source, slug, digest } = post.translationOf;
    fm.translationOf = slug ? { source, slug, digest } : { source, digest };
  }
  return fm;
}

/** A post file: canonical YAML front matter, then the body exactly as it was. */
export function canonicalSource(post: Post, originalBody: string, timeZone: string): string {
  const yaml = stringify(canonicalFrontMatter(post, timeZone), { lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${originalBody}`;
}

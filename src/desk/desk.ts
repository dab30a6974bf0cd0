import { DateTime } from "luxon";
import { LANGS, otherLang, perLang, type Kind, type Lang, type SiteConfig } from "../config.ts";
import { isoWeekOf, weekRange } from "../content/dates.ts";
import { publicationStatus, publishAt, type PublicationStatus } from "../content/publish.ts";
import type { Post } from "../content/schema.ts";
import { staleness, type History, type Staleness } from "./history.ts";
import { recordedPath, translationStates, type TranslationState, type TranslationStateName } from "./translations.ts";

/** A post as the desk shows it. */
export interface DeskPost {
  file: string;
  title: string;
  /** Its day (YYYY-MM-DD, site time zone). */
  date: string;
  kind: Kind;
  lang: Lang;
  status: PublicationStatus;
  /** When a scheduled post goes live (ISO, site time zone). */
  goesLive?: string;
  translation: DeskTranslation;
}

/** A post's other-language edition, seen from the post. */
export interface DeskTranslation {
  state: TranslationStateName;
  /** The other edition's file: the translation of an original, the original of a translation. */
  file?: string;
  /** True when this post is the translation. */
  isTranslation: boolean;
  /** For a translation whose original is gone or does not read: the path (project-relative) and slug it recorded. */
  recorded?: { source: string; slug?: string };
  /** For a stale translation: what the history tells of the change. */
  stale?: { since?: string; lines?: [number, number][]; sourceUnknown: boolean };
}

/** A day of a week, in one language. */
export interface DeskDay {
  date: string;
  /** Whether the rhythm expects a daily brief this day in this language. */
  expected: boolean;
  /** Today: a brief not there yet is due, not missing. */
  today: boolean;
  /** The day is after today: nothing is missing yet. */
  upcoming: boolean;
  dailies: DeskPost[];
}

export interface DeskWeekLang {
  days: DeskDay[];
  weekly: DeskPost[];
  /** Digests the rhythm expects this week. */
  weeklyExpected: number;
  /** The week's last day has come: a digest still missing is late. */
  weeklyDue: boolean;
  deepDives: DeskPost[];
}

export interface DeskWeek {
  week: string;
  start: string;
  end: string;
  langs: Record<Lang, DeskWeekLang>;
}

/** One thing for the editor to do, and the line that says it. */
export interface Todo {
  kind: Kind;
  lang: Lang;
  /** The day (dailies, deep dives) or week (digests) it concerns. */
  when: string;
  /** The file to act on, when there is one. */
  file?: string;
  text: string;
}

export interface Desk {
  /** The desk's notion of now (ISO, site time zone). */
  now: string;
  weeks: DeskWeek[];
  todo: Todo[];
}

export interface DeskOptions {
  /** ISO weeks to show, oldest first ("2026-W06"). */
  weeks: string[];
  now: Date;
  config: Pick<SiteConfig, "timeZone" | "rhythm" | "defaultLang">;
  /** The project's history, to say when an original changed; none without git. */
  history?: History;
  /** Files that did not read (project-relative): an original among them is not called gone. */
  unreadable?: ReadonlySet<string>;
}

/** The weeks ending with `last`, oldest first. */
export function weeksEnding(last: string, count: number): string[] {
  const monday = DateTime.fromISO(`${last}-1`, { zone: "UTC" });
  return Array.from({ length: count }, (_, i) => monday.minus({ weeks: count - 1 - i }).toFormat("kkkk-'W'WW"));
}

const isWeekday = (day: string) => DateTime.fromISO(day, { zone: "UTC" }).weekday <= 5;

const expectsDaily = (config: DeskOptions["config"], lang: Lang, day: string) =>
  config.rhythm.daily[lang] === "every day" || (config.rhythm.daily[lang] === "weekdays" && isWeekday(day));

/**
 * What is known of a stale translation, as the desk and npm run check say it: "translation
 * stale since zh changed on 2026-02-08, lines 12–40 of content/zh/weekly/x.md". The lines
 * are the original's.
 */
export function staleText(stale: DeskTranslation["stale"], originalLang: Lang, originalFile: string): string {
  if (stale?.sourceUnknown) return `translation stale, source unknown: no version of ${originalFile} in git history is the one recorded`;
  if (!stale?.since) return `translation stale: ${originalFile} changed after it was translated`;
  const since = stale.since === "uncommitted" ? `since ${originalLang} changed (not yet committed)` : `since ${originalLang} changed on ${stale.since}`;
  const ranges = stale.lines ?? [];
  if (ranges.length === 0) return `translation stale ${since} (${originalFile})`;
  const shown = ranges.slice(0, 3).map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`));
  const plural = ranges.length > 1 || ranges[0]![0] !== ranges[0]![1];
  return `translation stale ${since}, line${plural ? "s" : ""} ${shown.join(", ")}${ranges.length > 3 ? ", …" : ""} of ${originalFile}`;
}

/**
 * Describes translation states as the desk shows them, reading an original's history once
 * per recorded version however many times it is asked.
 */
export function translationDescriber(zone: string, history: History | undefined): (post: Post, state: TranslationState) => DeskTranslation {
  const known = new Map<string, Staleness>();
  return (post, state) => {
    const isTranslation = state.translation === post;
    const other = isTranslation ? state.original : state.translation;
    const translation: DeskTranslation = { state: state.state, file: other?.sourcePath, isTranslation };
    if ((state.state === "source missing" || state.state === "source unreadable") && state.record && state.translation) {
      translation.recorded = { source: recordedPath(state.translation, state.record), slug: state.record.slug };
    }
    if (state.state === "stale" && state.original && state.record) {
      const key = `${state.original.sourcePath}\0${state.record.digest}`;
      let stale = known.get(key);
      if (!stale) known.set(key, (stale = staleness(state.record.digest, state.original, history?.versions(state.original))));
      translation.stale = {
        since: stale.since instanceof Date ? DateTime.fromJSDate(stale.since, { zone }).toISODate()! : stale.since,
        lines: stale.lines,
        sourceUnknown: stale.sourceUnknown,
      };
    }
    return translation;
  };
}

/**
 * The desk: for each week and language, each day's brief, the week's digests and deep dives,
 * each post's translation state, and what is left to do against the rhythm. `posts` are
 * every post, drafts and scheduled ones included; only those of the weeks asked are shown. A
 * digest belongs to the week it covers; a brief or deep dive to the week of its day.
 */
export function buildDesk(posts: Post[], options: DeskOptions): Desk {
  const { config, now } = options;
  const zone = config.timeZone;
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const states = translationStates(posts, config.rhythm.translated, config.defaultLang, options.unreadable);
  const describe = translationDescriber(zone, options.history);

  const dayOf = (post: Post) => DateTime.fromJSDate(post.date, { zone }).toISODate()!;
  const deskPost = (post: Post): DeskPost => {
    const status = publicationStatus(post, now);
    return {
      file: post.sourcePath,
      title: post.title,
      date: dayOf(post),
      kind: post.kind,
      lang: post.lang,
      status,
      goesLive: status === "scheduled" ? DateTime.fromJSDate(publishAt(post), { zone }).toISO({ suppressMilliseconds: true })! : undefined,
      translation: describe(post, states.get(post)!),
    };
  };

  const weeks = new Map<string, DeskWeek>();
  for (const week of options.weeks) {
    const { start, end } = weekRange(week);
    const days = Array.from({ length: 7 }, (_, i) => DateTime.fromISO(start, { zone: "UTC" }).plus({ days: i }).toISODate()!);
    const langs = perLang<DeskWeekLang>((lang) => ({
      days: days.map((date) => ({ date, expected: expectsDaily(config, lang, date), today: date === today, upcoming: date > today, dailies: [] })),
      weekly: [],
      weeklyExpected: config.rhythm.weekly[lang],
      weeklyDue: end <= today,
      deepDives: [],
    }));
    weeks.set(week, { week, start, end, langs });
  }
  for (const post of posts) {
    const week = weeks.get(post.kind === "weekly" ? post.week : isoWeekOf(post.date, zone));
    if (!week) continue;
    const group = week.langs[post.lang];
    const entry = deskPost(post);
    if (post.kind === "weekly") group.weekly.push(entry);
    else if (post.kind === "deep-dive") group.deepDives.push(entry);
    else group.days.find((day) => day.date === entry.date)!.dailies.push(entry);
  }
  for (const week of weeks.values()) {
    for (const lang of LANGS) {
      const group = week.langs[lang];
      group.weekly.sort((a, b) => a.file.localeCompare(b.file));
      group.deepDives.sort((a, b) => a.file.localeCompare(b.file));
      for (const day of group.days) day.dailies.sort((a, b) => a.file.localeCompare(b.file));
    }
  }
  const list = options.weeks.map((week) => weeks.get(week)!);
  return { now: DateTime.fromJSDate(now, { zone }).startOf("second").toISO({ suppressMilliseconds: true })!, weeks: list, todo: todoOf(list, today) };
}

/** How a todo line names what it is about: "2026-02-11 zh daily", "en weekly 2026-W06". */
const label = (kind: Kind, lang: Lang, when: string) => (kind === "weekly" ? `${lang} weekly ${when}` : `${when} ${lang} ${kind}`);

/**
 * The translation todo a post gives, if any: a translation missing, stale, untracked or
 * orphaned. It is said from the translation's side; from the original's side only when the
 * translation is not among the posts shown (dated in another week), so it is said once.
 */
function translationTodo(post: DeskPost, when: string, shown: ReadonlySet<string>): Todo | undefined {
  const t = post.translation;
  const fromOriginal = !t.isTranslation && t.file !== undefined && !shown.has(t.file);
  if (t.state === "missing") return todo(post, otherLang(post.lang), when, `translation missing of ${post.file}`);
  if (!t.isTranslation && !fromOriginal) return undefined;
  const [translation, original, lang] = t.isTranslation ? [post.file, t.file!, post.lang] : [t.file!, post.file, otherLang(post.lang)];
  const accept = `npm run status -- --accept ${translation}`;
  if (t.state === "stale") return todo(post, lang, when, `${staleText(t.stale, otherLang(lang), original)}; update ${translation}, then ${accept}`);
  if (t.state === "untracked") return todo(post, lang, when, `${translation} records no version of ${original}; once it is in step, ${accept}`);
  const slug = t.recorded?.slug ? ` (last known slug ${t.recorded.slug})` : "";
  if (t.state === "source missing") return todo(post, lang, when, `the original of ${translation} is gone: no post at ${t.recorded?.source}${slug}; correct translationOf.source, or remove translationOf`);
  if (t.state === "source unreadable") return todo(post, lang, when, `the original of ${translation}, ${t.recorded?.source}, does not read; npm run check says why`);
  return undefined;
}

const todo = (post: DeskPost, lang: Lang, when: string, text: string): Todo => ({ kind: post.kind, lang, when, file: post.file, text: `${label(post.kind, lang, when)}: ${text}` });

/** Every thing to do in the weeks shown, week by week: each day's, then the week's. */
function todoOf(weeks: DeskWeek[], today: string): Todo[] {
  const list: Todo[] = [];
  const shown = new Set(weeks.flatMap((week) => LANGS.flatMap((lang) => [...week.langs[lang].days.flatMap((day) => day.dailies), ...week.langs[lang].weekly, ...week.langs[lang].deepDives].map((post) => post.file))));
  for (const week of weeks) {
    const items: Todo[] = [];
    const push = (item: Todo | undefined) => item && items.push(item);
    const draft = (post: DeskPost, when: string, due: boolean) => due && post.status === "draft" && push(todo(post, post.lang, when, `still a draft: ${post.file}`));
    // Translations owed into a language stand for the posts the rhythm expects there.
    const owed = new Set<string>();
    const owedWeekly = new Map<Lang, number>();
    for (const lang of LANGS) {
      const into = otherLang(lang);
      for (const post of week.langs[lang].weekly) if (post.translation.state === "missing") owedWeekly.set(into, (owedWeekly.get(into) ?? 0) + 1);
      for (const day of week.langs[lang].days) if (day.dailies.some((post) => post.translation.state === "missing")) owed.add(`${into} ${day.date}`);
    }
    for (const lang of LANGS) {
      const group = week.langs[lang];
      for (const day of group.days) {
        if (day.expected && !day.upcoming && day.dailies.length === 0 && !owed.has(`${lang} ${day.date}`)) {
          push({ kind: "daily", lang, when: day.date, text: `${label("daily", lang, day.date)}: ${day.today ? "due today" : "missing"}` });
        }
        for (const post of day.dailies) {
          draft(post, day.date, !day.upcoming);
          push(translationTodo(post, day.date, shown));
        }
      }
      for (const post of group.deepDives) {
        draft(post, post.date, post.date <= today);
        push(translationTodo(post, post.date, shown));
      }
      const present = group.weekly.length + (owedWeekly.get(lang) ?? 0);
      if (group.weeklyDue && present < group.weeklyExpected) {
        const lacking = group.weeklyExpected - present;
        push({ kind: "weekly", lang, when: week.week, text: `${label("weekly", lang, week.week)}: ${lacking === group.weeklyExpected ? "missing" : `${lacking} of ${group.weeklyExpected} missing`}` });
      }
      for (const post of group.weekly) {
        draft(post, week.week, group.weeklyDue);
        push(translationTodo(post, week.week, shown));
      }
    }
    // Days in order, then the week's digests.
    const order = (item: Todo) => (item.kind === "weekly" ? "~" : item.when);
    list.push(...items.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)));
  }
  return list;
}

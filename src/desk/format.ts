import { DateTime } from "luxon";
import { LANGS, otherLang, type Lang, type Rhythm } from "../config.ts";
import { escapeHtml } from "../i18n/typography.ts";
import { staleText, type Desk, type DeskDay, type DeskPost, type DeskTranslation, type DeskWeekLang } from "./desk.ts";

/** "zh dailies on weekdays, en none; a digest a week in zh and en; translations of weekly". */
export function rhythmText(rhythm: Rhythm): string {
  const daily = LANGS.map((lang) => `${lang} ${rhythm.daily[lang] === "none" ? "none" : `on ${rhythm.daily[lang]}`}`).join(", ");
  const weekly = LANGS.map((lang) => `${lang} ${rhythm.weekly[lang]}`).join(", ");
  const translated = rhythm.translated.length ? rhythm.translated.join(", ") : "none";
  return `dailies: ${daily}; digests a week: ${weekly}; translations expected: ${translated}`;
}

/** A post's translation state, seen from the post: "en: in step (content/en/…)", "translates content/zh/…: stale". */
export function translationText(post: DeskPost): string {
  const t: DeskTranslation = post.translation;
  const other = otherLang(post.lang);
  if (t.isTranslation) {
    if (t.state === "source missing") return `translation of ${t.recorded?.source}: original gone`;
    if (t.state === "source unreadable") return `translation of ${t.recorded?.source}: original does not read`;
    const state = t.state === "stale" ? staleText(t.stale, other, t.file!) : t.state === "untracked" ? "version not recorded" : t.state;
    return `translation of ${t.file}: ${state}`;
  }
  if (t.state === "missing" || t.state === "not expected") return `${other}: ${t.state === "missing" ? "translation missing" : "no translation (not expected)"}`;
  const state = t.state === "stale" ? "stale" : t.state === "untracked" ? "translated, version not recorded" : t.state;
  return `${other}: ${state} (${t.file})`;
}

/** "published", "scheduled for 2026-02-06T08:00:00+08:00", "draft". */
const statusText = (post: DeskPost) => (post.status === "scheduled" ? `scheduled for ${post.goesLive}` : post.status);

const weekday = (date: string) => DateTime.fromISO(date, { zone: "UTC" }).toFormat("ccc");

/** What a day shows when it has no brief. */
function emptyDay(day: DeskDay): string | undefined {
  if (!day.expected) return undefined;
  return day.upcoming ? "not yet due" : day.today ? "due today" : "missing";
}

/** What a week without a digest shows. */
const weeklyGap = (group: DeskWeekLang) => (group.weeklyExpected === 0 ? "none (not expected)" : group.weeklyDue ? "missing" : `not yet due (due by ${group.days.at(-1)!.date})`);

/** The desk as the terminal shows it. */
export function deskText(desk: Desk, rhythm: Rhythm): string {
  const out: string[] = [`Editor's desk at ${desk.now}`, `Rhythm: ${rhythmText(rhythm)}`];
  const postLine = (label: string, post: DeskPost) => `    ${label.padEnd(16)}${statusText(post)}  ${post.title}\n${" ".repeat(20)}${post.file}\n${" ".repeat(20)}${translationText(post)}`;
  for (const week of desk.weeks) {
    out.push("", `${week.week} (${week.start} to ${week.end})`);
    for (const lang of LANGS) {
      const group = week.langs[lang];
      out.push(`  ${lang}`);
      for (const day of group.days) {
        const label = `${weekday(day.date)} ${day.date}`;
        for (const post of day.dailies) out.push(postLine(label, post));
        const empty = day.dailies.length === 0 ? emptyDay(day) : undefined;
        if (empty) out.push(`    ${label.padEnd(16)}daily: ${empty}`);
      }
      for (const post of group.weekly) out.push(postLine("weekly", post));
      if (group.weekly.length === 0) out.push(`    ${"weekly".padEnd(16)}${weeklyGap(group)}`);
      for (const post of group.deepDives) out.push(postLine("deep dive", post));
    }
  }
  out.push("", desk.todo.length ? `To do (${desk.todo.length}):` : "Nothing to do: every expected post is there and every translation is in step.");
  for (const item of desk.todo) out.push(`  ${item.text}`);
  return out.join("\n");
}

const LANG_TAG: Record<Lang, string> = { zh: "zh-CN", en: "en" };

/** The desk as the dev server's page shows it: the things to do, then each week per language, as the terminal lists them. */
export function deskHtml(desk: Desk, rhythm: Rhythm): string {
  const e = escapeHtml;
  const cell = (post: DeskPost) =>
    `<strong lang="${LANG_TAG[post.lang]}">${e(post.title)}</strong><br><small>${e(statusText(post))} · <code>${e(post.file)}</code><br>${e(translationText(post))}</small>`;
  const row = (label: string, content: string) => `<tr><th scope="row" style="text-align:start;vertical-align:top;padding:.25rem .75rem .25rem 0;white-space:nowrap">${e(label)}</th><td style="vertical-align:top;padding:.25rem 0">${content}</td></tr>`;
  const sections: string[] = [];
  for (const week of desk.weeks) {
    sections.push(`<h2>${e(week.week)} <small>${e(week.start)} – ${e(week.end)}</small></h2>`);
    for (const lang of LANGS) {
      const group = week.langs[lang];
      const rows: string[] = [];
      for (const day of group.days) {
        const label = `${weekday(day.date)} ${day.date.slice(5)}`;
        const empty = day.dailies.length === 0 ? emptyDay(day) : undefined;
        if (day.dailies.length) rows.push(row(label, day.dailies.map(cell).join("<br>")));
        else if (empty) rows.push(row(label, `<em>${empty}</em>`));
      }
      rows.push(row("weekly", group.weekly.length ? group.weekly.map(cell).join("<br>") : `<em>${e(weeklyGap(group))}</em>`));
      if (group.deepDives.length) rows.push(row("deep dive", group.deepDives.map(cell).join("<br>")));
      sections.push(`<h3 lang="${LANG_TAG[lang]}">${lang === "zh" ? "中文" : "English"}</h3><div style="overflow-x:auto"><table style="border-collapse:collapse">${rows.join("")}</table></div>`);
    }
  }
  const todo = desk.todo.length ? `<ol>${desk.todo.map((item) => `<li>${e(item.text)}</li>`).join("")}</ol>` : "<p>Nothing to do: every expected post is there and every translation is in step.</p>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Editor's desk</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><main class="desk" style="max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere">
<h1>Editor's desk</h1><p><small>${e(desk.now)} · ${e(rhythmText(rhythm))} · the same as <code>npm run status</code>; this page exists only in the dev server.</small></p>
<h2>To do</h2>${todo}
${sections.join("\n")}
</main></body></html>
`;
}

import type { Kind, Lang } from "../config.ts";

/** Every UI string of the site. The English table must have exactly the keys of the Chinese one. */
const zh = {
  langName: "中文",
  otherLangLabel: "English",
  switchTo: "切换到英文",
  home: "首页",
  skipToContent: "跳到正文",
  mainNav: "主导航",
  "kind.weekly": "周报",
  "kind.daily": "日报",
  "kind.deep-dive": "深度",
  "kindPlural.weekly": "周报",
  "kindPlural.daily": "日报",
  "kindPlural.deep-dive": "深度报告",
  "kindIntro.weekly": "每周一期，汇总一周人工智能要闻。",
  "kindIntro.daily": "每日简报：当天的人工智能新闻，每条附来源。",
  "kindIntro.deep-dive": "深度报告：对重要进展的长篇分析。",
  latest: "最新",
  more: "查看全部",
  published: "发布于",
  tags: "标签",
  authors: "作者",
  summary: "摘要",
  sources: "来源链接",
  page: "第 {n} 页",
  pageOf: "第 {n} / {total} 页",
  pagination: "分页",
  previous: "上一页",
  next: "下一页",
  newer: "较新",
  older: "较早",
  prevPost: "上一篇",
  nextPost: "下一篇",
  empty: "暂无内容。",
  emptyKind: "这里还没有{kind}。",
  chooseLanguage: "选择语言",
  redirecting: "正在前往中文版……",
  footer: "人工智能新闻 · 周报、日报与深度报告",
  postNav: "文章导航",
  sectionLink: "本节链接",
  weeks: "每周",
  weekLabel: "{year} 年第 {week} 周",
  weekHub: "本周全部内容",
  weekHubTitle: "{week}：周报、日报与深度",
  prevWeek: "上一周",
  nextWeek: "下一周",
  weekDigests: "本周周报",
  weekDailies: "本周日报",
  weekDeepDives: "本周深度报告",
  noDigestYet: "本周周报尚未发布。",
  inThisWeek: "所属周",
  archive: "归档",
  archiveIntro: "按年份和周浏览全部内容。",
  tagIndex: "全部标签",
  tagIndexIntro: "按文章数排列的全部标签。",
  tagTitle: "标签：{tag}",
  authorTitle: "作者：{name}",
  "postsCount.one": "{n} 篇",
  "postsCount.other": "{n} 篇",
  onlyInOther: "你刚才看的文章暂无中文版，这里是相关的中文页面。",
  moved: "此页面已移至",
} as const;

export type StringKey = keyof typeof zh;
export type Strings = Record<StringKey, string>;

const en: Strings = {
  langName: "English",
  otherLangLabel: "中文",
  switchTo: "Switch to Chinese",
  home: "Home",
  skipToContent: "Skip to content",
  mainNav: "Main navigation",
  "kind.weekly": "Weekly",
  "kind.daily": "Daily",
  "kind.deep-dive": "Deep dive",
  "kindPlural.weekly": "Weekly digests",
  "kindPlural.daily": "Daily briefs",
  "kindPlural.deep-dive": "Deep dives",
  "kindIntro.weekly": "One digest a week: the week's AI news in one place.",
  "kindIntro.daily": "Daily briefs: the day's AI news, each item with its source.",
  "kindIntro.deep-dive": "Deep dives: long-form analysis of the developments that matter.",
  latest: "Latest",
  more: "See all",
  published: "Published",
  tags: "Tags",
  authors: "Authors",
  summary: "Summary",
  sources: "Sources",
  page: "Page {n}",
  pageOf: "Page {n} of {total}",
  pagination: "Pagination",
  previous: "Previous",
  next: "Next",
  newer: "Newer",
  older: "Older",
  prevPost: "Previous",
  nextPost: "Next",
  empty: "Nothing here yet.",
  emptyKind: "No {kind} yet.",
  chooseLanguage: "Choose a language",
  redirecting: "Taking you to the Chinese edition…",
  footer: "AI news · weekly digests, daily briefs and deep dives",
  postNav: "Post navigation",
  sectionLink: "Link to this section",
  weeks: "Weeks",
  weekLabel: "Week {week}, {year}",
  weekHub: "Everything this week",
  weekHubTitle: "{week}: digests, briefs and deep dives",
  prevWeek: "Previous week",
  nextWeek: "Next week",
  weekDigests: "This week's digest",
  weekDailies: "Daily briefs this week",
  weekDeepDives: "Deep dives this week",
  noDigestYet: "This week's digest is not out yet.",
  inThisWeek: "Week",
  archive: "Archive",
  archiveIntro: "Everything, by year and week.",
  tagIndex: "All tags",
  tagIndexIntro: "Every tag, most used first.",
  tagTitle: "Tagged “{tag}”",
  authorTitle: "Posts by {name}",
  "postsCount.one": "{n} post",
  "postsCount.other": "{n} posts",
  onlyInOther: "The post you came from has no English edition yet; this is the closest English page.",
  moved: "This page has moved to",
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** A UI string with {placeholders} filled in. Unknown keys fail loudly rather than print nothing. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const table = STRINGS[lang];
  if (!table) throw new Error(`unknown language "${lang}"`);
  const template = (table as Record<string, string>)[key];
  if (template === undefined) throw new Error(`missing UI string "${key}" for ${lang}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

const PLURALS: Record<Lang, Intl.PluralRules> = { zh: new Intl.PluralRules("zh-CN"), en: new Intl.PluralRules("en") };

/** A counted string: picks `key.one` or `key.other` by the language's plural rules. */
export function tn(lang: Lang, key: string, n: number): string {
  const form = PLURALS[lang].select(n) === "one" ? "one" : "other";
  return t(lang, `${key}.${form}`, { n: n.toLocaleString(lang === "zh" ? "zh-CN" : "en-US") });
}

export function kindName(lang: Lang, kind: Kind): string {
  return t(lang, `kind.${kind}`);
}

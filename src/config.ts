/** Site-wide settings: the one place that says what the site is. */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

export const KINDS = ["weekly", "daily", "deep-dive"] as const;
export type Kind = (typeof KINDS)[number];

/** One value per language, made fresh for each: groupings keyed by language rather than by a string. */
export const perLang = <T>(make: (lang: Lang) => T): Record<Lang, T> => ({ zh: make("zh"), en: make("en") });

/** Each language's BCP 47 tag, for hreflang, lang, inLanguage and feed languages. */
export const LANG_TAGS: Record<Lang, string> = { zh: "zh-CN", en: "en" };

/** The other language of a two-language site. */
export const otherLang = (lang: Lang): Lang => (lang === "zh" ? "en" : "zh");

export interface Author {
  /** URL segment of the author page. */
  id: string;
  name: string;
}

/** The days a daily brief is expected in a language. */
export type DailyRhythm = "every day" | "weekdays" | "none";

/** A publication's rhythm: what `npm run status` expects, and reports as missing when it is not there. */
export interface Rhythm {
  /** Days a daily brief is expected, per language. */
  daily: Record<Lang, DailyRhythm>;
  /** Weekly digests expected per ISO week, per language. */
  weekly: Record<Lang, number>;
  /** Kinds whose every post is expected in both languages. */
  translated: Kind[];
}

export interface SiteConfig {
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  /** Absolute origin plus optional path prefix, e.g. https://user.github.io/blog/ */
  url: string;
  timeZone: string;
  defaultLang: Lang;
  /** Posts per page on kind lists. */
  pageSize: number;
  /** Posts of each kind on a language home page. */
  homePerKind: number;
  /** Names that mark a post's author when legacy posts put them in `tags`. */
  authors: Author[];
  /** Entries per feed. */
  feedSize: number;
  /** The organization named as publisher in structured data. */
  publisher: string;
  /** Link the first mention of each entity in a post's prose to the entity's page. */
  linkFirstMentions: boolean;
  rhythm: Rhythm;
  /** A translation whose original changed after it was made says so at its top, linking the original. */
  noteStaleTranslations: boolean;
  /** Draw a share image for every post, tag and entity page (src/share/); off, every page shows assets/share.png. */
  shareImages: boolean;
  /** Where readers sign up for the email edition (a mail service's sign-up page); empty: posts offer their feeds only. */
  emailSubscribeUrl: string;
  /** What the mail service replaces with each reader's unsubscribe link in the email edition (Buttondown and Kit: `{{ unsubscribe_url }}`, Mailchimp: `*|UNSUB|*`). */
  emailUnsubscribeUrl: string;
}

export const site: SiteConfig = {
  title: { zh: "AI 新闻", en: "AI News" },
  description: {
    zh: "人工智能周报、日报与深度报告",
    en: "Weekly digests, daily briefs and deep dives on artificial intelligence",
  },
  url: "https://example.com/",
  timeZone: "Asia/Shanghai",
  defaultLang: "zh",
  pageSize: 20,
  homePerKind: 5,
  authors: [{ id: "jeremy", name: "Jeremy" }],
  feedSize: 50,
  publisher: "AI News",
  linkFirstMentions: true,
  // The sample content's rhythm: a Chinese brief every weekday, a digest a week in each
  // language, digests translated; English briefs and deep dives are not expected.
  rhythm: {
    daily: { zh: "weekdays", en: "none" },
    weekly: { zh: 1, en: 1 },
    translated: ["weekly"],
  },
  noteStaleTranslations: true,
  shareImages: true,
  emailSubscribeUrl: "",
  emailUnsubscribeUrl: "{{ unsubscribe_url }}",
};

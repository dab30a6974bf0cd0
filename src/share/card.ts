import { eastAsianWidth } from "get-east-asian-width";
import type { Kind, Lang, SiteConfig } from "../config.ts";
import { formatDate } from "../i18n/dates.ts";
import { kindName, t, tn } from "../i18n/strings.ts";

/** Every share image's size: the size Facebook, LinkedIn, X and WeChat show large. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** What a page's share image says. Everything that changes the picture is in here, so its hash names the image. */
export interface ShareCard {
  lang: Lang;
  /** The badge above the title: the kind, "标签", an entity's type. */
  label: string;
  /** Which of the site's colour families the badge and stripe take. */
  tone: Tone;
  title: string;
  /** The line beside the badge: the date, or how many posts. */
  meta: string;
  /** The site's name in the page's language, and its host, at the foot. */
  site: string;
  host: string;
  /** The cover's URL as the post gives it; rendered beside the text when it can be read. */
  cover?: string;
}

export type Tone = "weekly" | "daily" | "deep" | "accent";

/** The colours a card uses: custom properties of the site's light theme (assets/site.css). */
export interface CardColours {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  onAccent: string;
  tones: Record<Tone, { stripe: string; fg: string; bg: string }>;
}

/** The custom properties of the first `:root { … }` block of a stylesheet (the light theme). */
export function lightTokens(css: string): Record<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The card colours of the site's stylesheet; a token it lacks keeps a neutral default. */
export function cardColours(css: string): CardColours {
  const c = lightTokens(css);
  const get = (name: string, fallback: string) => c[name] ?? fallback;
  const tone = (name: string) => ({ stripe: get(name, get("accent", "#0b57d0")), fg: get(`${name}-fg`, get("text", "#1b1d21")), bg: get(`${name}-bg`, get("surface", "#f5f6f8")) });
  const accent = get("accent", "#0b57d0");
  return {
    bg: get("bg", "#ffffff"),
    surface: get("surface", "#f5f6f8"),
    text: get("text", "#1b1d21"),
    muted: get("muted", "#5a6270"),
    border: get("border", "#dde1e6"),
    accent,
    onAccent: get("on-accent", "#ffffff"),
    tones: { weekly: tone("weekly"), daily: tone("daily"), deep: tone("deep"), accent: { stripe: accent, fg: accent, bg: get("surface", "#f5f6f8") } },
  };
}

const TONE_OF_KIND: Record<Kind, Tone> = { weekly: "weekly", daily: "daily", "deep-dive": "deep" };

type Names = Pick<SiteConfig, "title" | "url" | "timeZone">;

const base = (lang: Lang, config: Names) => ({ lang, site: config.title[lang], host: new URL(config.url).host });

/** A post's card: its kind, date, title and cover. */
export function postCard(post: { lang: Lang; kind: Kind; title: string; date: Date; cover?: { src: string } }, config: Names): ShareCard {
  return {
    ...base(post.lang, config),
    label: kindName(post.lang, post.kind),
    tone: TONE_OF_KIND[post.kind],
    title: post.title,
    meta: formatDate(post.date, post.lang, config.timeZone),
    ...(post.cover ? { cover: post.cover.src } : {}),
  };
}

/** A tag page's card: the tag and how many posts carry it. */
export function tagCard(lang: Lang, tag: { name: string; count: number }, config: Names): ShareCard {
  return { ...base(lang, config), label: t(lang, "tags"), tone: "accent", title: tag.name, meta: tn(lang, "postsCount", tag.count) };
}

/** An entity page's card: the entity, its type and how many posts mention it. */
export function topicCard(lang: Lang, topic: { name: string; type: string; count: number }, config: Names): ShareCard {
  return { ...base(lang, config), label: t(lang, `entityType.${topic.type}`), tone: "accent", title: topic.name, meta: tn(lang, "postsCount", topic.count) };
}

/** A satori element: the shape of a React element, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode | string | (CardNode | string)[]; [key: string]: unknown };
}

const node = (type: string, style: Record<string, string | number>, children?: CardNode["props"]["children"], props: Record<string, unknown> = {}): CardNode => ({
  type,
  props: { style, ...props, ...(children === undefined ? {} : { children }) },
});

const COVER_WIDTH = 420;
const PADDING = 72;
const STRIPE = 14;
const BODY_HEIGHT = CARD_SIZE.height - STRIPE;

/** How wide a title reads, in ems: a wide (CJK) character is a full em, anything else about half of one. */
function titleWidth(title: string): number {
  let width = 0;
  for (const ch of title) width += eastAsianWidth(ch.codePointAt(0)!) === 2 ? 1 : 0.55;
  return width;
}

/** The text without emoji: the card's font has none, and a box in a headline reads as a fault. */
const drawable = (text: string) => text.replace(/\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*\s?/gu, "").trim();

/**
 * The title's size: as large as fits the text in at most four lines. Longer titles stop at the
 * fourth line with an ellipsis (satori's line clamp breaks between characters, never inside one).
 */
function titleSize(title: string, hasCover: boolean): number {
  const width = titleWidth(title) * (hasCover ? 1.6 : 1);
  return width <= 26 ? 72 : width <= 48 ? 62 : 54;
}

/**
 * The element tree of a card: a stripe in the kind's colour, the badge and date, the title,
 * the site's mark and name at the foot, and the cover on the right when there is one.
 * `coverSrc` is the cover as a data URI (satori fetches nothing); `withTitle: false` leaves the
 * title out, which the tests compare against.
 */
export function cardTree(card: ShareCard, colours: CardColours, coverSrc?: string, withTitle = true): CardNode {
  const tone = colours.tones[card.tone];
  const size = titleSize(card.title, !!coverSrc);
  const text = node(
    "div",
    // Satori sizes a box without its padding: the text area is the card less the margins.
    { display: "flex", flexDirection: "column", justifyContent: "space-between", width: CARD_SIZE.width - (coverSrc ? COVER_WIDTH : 0) - 2 * PADDING, height: BODY_HEIGHT - 2 * PADDING + 24, margin: `${PADDING - 8}px ${PADDING}px ${PADDING - 16}px` },
    [
      node("div", { display: "flex", alignItems: "center", fontSize: 28 }, [
        node("div", { display: "flex", padding: "8px 22px", borderRadius: 999, background: tone.bg, color: tone.fg, fontWeight: 700 }, card.label),
        node("div", { display: "flex", marginLeft: 20, color: colours.muted }, card.meta),
      ]),
      node(
        "div",
        { display: "flex", alignItems: "center", flexGrow: 1, paddingTop: 12, paddingBottom: 12 },
        node(
          "div",
          { display: "block", fontSize: size, fontWeight: 700, lineHeight: 1.28, color: colours.text, lineClamp: 4, wordBreak: "break-word", width: "100%" },
          withTitle ? drawable(card.title) : "",
        ),
      ),
      node("div", { display: "flex", alignItems: "center", fontSize: 28, color: colours.muted }, [
        node("div", { display: "flex", alignItems: "center", justifyContent: "center", width: 56, height: 56, borderRadius: 14, background: colours.accent, color: colours.onAccent, fontSize: 24, fontWeight: 700 }, "AI"),
        node("div", { display: "flex", marginLeft: 18, color: colours.text, fontWeight: 700 }, card.site),
        node("div", { display: "flex", marginLeft: 16 }, card.host),
      ]),
    ],
  );
  const body: CardNode[] = [text];
  if (coverSrc) {
    body.push(
      node("img", { width: COVER_WIDTH, height: BODY_HEIGHT, objectFit: "cover" }, undefined, { src: coverSrc, width: COVER_WIDTH, height: BODY_HEIGHT }),
    );
  }
  return node("div", { display: "flex", flexDirection: "column", width: CARD_SIZE.width, height: CARD_SIZE.height, background: colours.bg, fontFamily: "Noto Sans SC" }, [
    node("div", { display: "flex", height: STRIPE, width: CARD_SIZE.width, background: tone.stripe }),
    node("div", { display: "flex", width: CARD_SIZE.width, height: BODY_HEIGHT }, body),
  ]);
}

/** The image's alt text: what it shows. */
export function cardAlt(card: ShareCard): string {
  return t(card.lang, "shareCardAlt", { label: card.label, title: card.title, site: card.site });
}

/** A page's own share image: where it is served, what it shows, the post it comes from. */
export interface PageShareImage {
  src: string;
  alt: string;
  width: number;
  height: number;
  card: ShareCard;
  /** The post's file, for notes about its cover. */
  source?: string;
}

/** The share image of a page that shows `card`, served beside the page ("/zh/daily/x/" → "/zh/daily/x/share.png"). */
export function pageShareImage(card: ShareCard, pageUrl: string, source?: string): PageShareImage {
  return { src: `${pageUrl}share.png`, alt: cardAlt(card), ...CARD_SIZE, card, ...(source ? { source } : {}) };
}

/** Every page's own share image, each once (a tag's later pages share its first page's image). */
export function shareImagesOf(pages: Record<string, readonly object[]>): PageShareImage[] {
  const bySrc = new Map<string, PageShareImage>();
  for (const list of Object.values(pages)) {
    for (const page of list) {
      const image = (page as { shareImage?: PageShareImage }).shareImage;
      if (image && !bySrc.has(image.src)) bySrc.set(image.src, image);
    }
  }
  return [...bySrc.values()];
}

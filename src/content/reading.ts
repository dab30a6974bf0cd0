/** Reading speed: Chinese readers take in about 400 characters a minute, English readers about 230 words. */
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 230;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Minutes to read a text, counting CJK characters and Latin words separately; at least 1. */
export function readingMinutes(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, " ").match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}

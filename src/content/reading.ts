/** Reading speed: Chinese readers take in about 400 characters a minute, English readers about 230 words. */
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 230;

/** Hiragana, Katakana, CJK ideographs (with extension A and compatibility forms) and Hangul. */
const isCjk = (c: number) =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);

/**
 * Minutes to read a text, counting CJK characters and Latin words separately; at least 1.
 * One pass over the characters: it runs on every post of every build.
 */
export function readingMinutes(text: string): number {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      cjk++;
      inWord = false;
    } else if (isWordChar(c) || (inWord && (c === 0x27 || c === 0x2019 || c === 0x2d))) {
      if (!inWord) words++;
      inWord = true;
    } else inWord = false;
  }
  return Math.max(1, Math.round(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}

import { eastAsianWidthType } from "get-east-asian-width";
import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";

/*
 * A line break in the source is a space in HTML. Chinese puts no spaces between characters,
 * so a break between two CJK characters must render as nothing ("产业发展\n说明" is
 * "产业发展说明"), while one between Latin words stays a space. markdown-it-cjk-breaks does
 * this but throws on its own output when two breaks are separated by code or emphasis
 * ("**粗体**\n`code`\n一"), so this is the same rule over the same width table
 * (get-east-asian-width), reading characters from code spans too.
 */

/** Wide, but not Chinese or Japanese: Korean puts spaces between words, emoji are not text. */
const NOT_CJK = /\p{Script=Hangul}|\p{Extended_Pictographic}/u;

function isCjk(char: string | undefined): boolean {
  if (!char || NOT_CJK.test(char)) return false;
  const type = eastAsianWidthType(char.codePointAt(0)!);
  return type === "wide" || type === "fullwidth";
}

const textOf = (token: Token) => (token.type === "text" || token.type === "code_inline" ? token.content : "");

/** The character next to position `i` of `children`, looking backwards or forwards past markup. */
function neighbour(children: Token[], i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < children.length; j += step) {
    const child = children[j]!;
    if (child.type === "softbreak" || child.type === "hardbreak" || child.type === "image") return undefined;
    const text = textOf(child);
    if (text) return step === -1 ? [...text].at(-1) : [...text][0];
  }
  return undefined;
}

function joinCjkLines(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (!children) continue;
    // Decided for every break first, then changed: a changed break must not hide a neighbour.
    const joins: Token[] = [];
    for (let i = 0; i < children.length; i++) {
      if (children[i]!.type === "softbreak" && isCjk(neighbour(children, i, -1)) && isCjk(neighbour(children, i, 1))) joins.push(children[i]!);
    }
    for (const child of joins) {
      child.type = "text";
      child.content = "";
    }
  }
}

export function cjkBreaksPlugin(md: MarkdownIt): void {
  md.core.ruler.push("cjk_breaks", joinCjkLines);
}

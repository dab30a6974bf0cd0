import { Parser } from "htmlparser2";

export type Attributes = Record<string, string>;

/** An element as the rewriter meets it: its name and attributes (entities decoded). */
export interface OpenElement {
  name: string;
  attribs: Attributes;
}

/**
 * What becomes of one element. Nothing set: written as it was. The raw HTML pieces are
 * written around its tags (`before`, `after`) and inside them (`prepend`, `append`).
 */
export interface Rewrite {
  /** Written instead of the element and everything inside it ("" leaves it out). */
  replace?: string;
  /** First take back the spaces (no-break ones too) written just before it. */
  trimBefore?: boolean;
  /** Leave out its tags, keep what is inside. */
  unwrap?: boolean;
  /** Written under another element name. */
  name?: string;
  /** The attributes to write instead of its own. */
  attribs?: Attributes;
  before?: string;
  prepend?: string;
  append?: string;
  after?: string;
  /** Rewrites the text inside it (plain text in, plain text out; escaped afterwards). */
  text?: (text: string) => string;
}

/** Decides what becomes of an element; `ancestors` are the elements around it, outermost first. */
export type Visitor = (element: OpenElement, ancestors: readonly OpenElement[]) => Rewrite | void;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

export const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const escapeAttr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Attributes as HTML, in their order; an empty value is written as a bare name. */
export function attributesHtml(attribs: Attributes): string {
  return Object.entries(attribs)
    .map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`))
    .join("");
}

/** The classes of an element. */
export const classesOf = (element: OpenElement): Set<string> => new Set((element.attribs.class ?? "").split(/\s+/).filter(Boolean));

/**
 * Rewrites an HTML fragment element by element with htmlparser2, never with patterns over
 * markup: the editions change tags, attributes and text by what an element is and what it
 * sits in (a link inside a footnote mark, a cell of a table). Comments are left out.
 */
export function rewriteHtml(html: string, visit: Visitor): string {
  interface Frame {
    element: OpenElement;
    rewrite: Rewrite;
    /** This element or one around it was replaced: nothing inside is written. */
    hidden: boolean;
  }
  const stack: Frame[] = [];
  let out = "";
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element = { name, attribs: { ...attribs } };
        if (stack.at(-1)?.hidden) {
          stack.push({ element, rewrite: {}, hidden: true });
          return;
        }
        const rewrite = visit(element, stack.map((frame) => frame.element)) ?? {};
        stack.push({ element, rewrite, hidden: rewrite.replace !== undefined });
        if (rewrite.trimBefore) {
          let end = out.length;
          while (end > 0 && (out[end - 1] === " " || out[end - 1] === "\u00a0")) end--;
          out = out.slice(0, end);
        }
        if (rewrite.replace !== undefined) {
          out += rewrite.replace;
          return;
        }
        out += rewrite.before ?? "";
        if (!rewrite.unwrap) out += `<${rewrite.name ?? name}${attributesHtml(rewrite.attribs ?? element.attribs)}>`;
        out += rewrite.prepend ?? "";
      },
      ontext(text) {
        if (stack.at(-1)?.hidden) return;
        for (let i = stack.length - 1; i >= 0; i--) text = stack[i]!.rewrite.text?.(text) ?? text;
        out += escapeText(text);
      },
      onclosetag(name) {
        const frame = stack.pop();
        if (!frame || frame.hidden) return;
        const { rewrite } = frame;
        out += rewrite.append ?? "";
        if (!rewrite.unwrap && !VOID.has(name)) out += `</${rewrite.name ?? name}>`;
        out += rewrite.after ?? "";
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return out;
}

/** The text of an HTML fragment, as a reader sees it (tags left out, entities decoded). */
export function textOf(html: string): string {
  let text = "";
  const parser = new Parser({ ontext: (chunk) => (text += chunk) }, { decodeEntities: true });
  parser.end(html);
  return text;
}

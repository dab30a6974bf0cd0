/**
 * Converts the syntax of other generators in a pasted post's body (Hugo, Jekyll / Liquid, Hexo,
 * Zola, VuePress / VitePress, Docusaurus, MDX) into the Markdown this site renders. Pure: the
 * caller says where references point now; nothing is read or written.
 *
 * Code (fences, indented code, code spans) is never converted, except that code-block tags
 * become fences and the escapes a generator itself removes from code are removed. Every
 * conversion is noted as converted; everything left in place is noted for attention, by the
 * line of the original body.
 */
import { Engine } from "./convert/engine.ts";
import type { ConversionNote, ConvertContext, ConvertedBody, ConvertOptions } from "./convert/types.ts";

export type { ConversionNote, ConvertContext, ConvertedBody, ConvertOptions, Reference } from "./convert/types.ts";

export function convertBody(body: string, context: ConvertContext, options: ConvertOptions = {}): ConvertedBody {
  const converted: ConversionNote[] = [];
  const attention: ConversionNote[] = [];
  const src = body.replace(/\r\n?/g, "\n");
  const engine = new Engine(src, context, {
    converted: (line, syntax, message) => converted.push({ line, syntax, message }),
    attention: (line, syntax, message) => attention.push({ line, syntax, message }),
  }, options.mdx === true);
  const out = engine.run();
  const byLine = (a: ConversionNote, b: ConversionNote) => a.line - b.line;
  return { body: out, converted: converted.sort(byLine), attention: attention.sort(byLine) };
}

/** What every generator family's converter sees of the body being converted. */
import type { Notes, Out, Reference } from "./types.ts";
import type { Text } from "./text.ts";

/**
 * One construct found in the body. A leaf is replaced by what render() returns. An opener and
 * its closer (paired by key) are replaced together by what wrap() makes of the converted text
 * between them; an opener or closer left without its partner is rendered alone.
 */
export interface Item {
  start: number;
  end: number;
  role: "leaf" | "open" | "close";
  /** Pairs an opener with a closer; containers also compare their colon counts. */
  key?: string;
  count?: number;
  /** `indent` is what continues the construct's line on the next lines: its indentation or quote markers. */
  render(indent: string): Out;
  /**
   * `inner` is the converted content, without the indentation or quote prefix of the opener's
   * line. An opener without wrap keeps both tags: render() notes it, the content is converted.
   */
  wrap?(inner: string): Out;
  /** Index of the closer, set when paired. */
  match?: number;
}

export interface Scan {
  readonly text: Text;
  readonly src: string;
  readonly mdx: boolean;
  readonly notes: Notes;
  /** 1-based line of a position. */
  line(pos: number): number;
  resolve(ref: Reference): string | undefined;
  /** The title of a post a reference names, when the caller knows it. */
  titleOf(ref: Reference): string | undefined;
  /**
   * The final URL of a destination as written in the post, which may hold template tags
   * (`{{ site.baseurl }}/x`, `{% post_url x %}`, `{{< relref "x" >}}`): unwrapped, then
   * resolved; as written when it cannot be. Notes what it did at `pos`'s line.
   */
  destination(raw: string, kind: "link" | "image", pos: number, syntax: string): string;
}

export function leaf(start: number, end: number, render: (indent: string) => Out): Item {
  return { start, end, role: "leaf", render };
}

export function opener(start: number, end: number, key: string, wrap: ((inner: string) => Out) | undefined, unpaired: () => Out): Item {
  return wrap ? { start, end, role: "open", key, wrap, render: unpaired } : { start, end, role: "open", key, render: unpaired };
}

export function closer(start: number, end: number, key: string, unpaired: () => Out): Item {
  return { start, end, role: "close", key, render: unpaired };
}

/** A block output. */
export const block = (text: string): Out => ({ text, block: true });
/** An inline output. */
export const inline = (text: string): Out => ({ text });
/** Removes the construct (with its line when it stands alone on it). */
export const removed: Out = { text: "", block: true };

/** A place in a pasted post that points somewhere: the caller decides where it points now. */
export type Reference =
  | { kind: "link"; url: string; line?: number }
  | { kind: "image"; url: string; line?: number }
  | { kind: "post"; name: string; syntax: string };

export interface ConvertContext {
  /** New destination for a reference, or undefined to keep a link/image as written (for "post": undefined means not found). */
  resolve(ref: Reference): string | undefined;
  /** The title of a post a reference names, when it is known: Hexo's post_link shows it. */
  titleOf?(ref: Reference): string | undefined;
}

export interface ConversionNote {
  /** 1-based line in the original body. */
  line: number;
  /** Short name of the syntax: "Hugo figure", "Jekyll highlight", "VuePress container". */
  syntax: string;
  /** What was done, or what the editor must do. */
  message: string;
}

export interface ConvertedBody {
  body: string;
  converted: ConversionNote[];
  attention: ConversionNote[];
}

export interface ConvertOptions {
  /** The body is MDX: top-level import/export lines, {/* *\/} comments and {expressions} are MDX syntax. */
  mdx?: boolean;
}

/**
 * What a construct becomes. `block` output stands on lines of its own, apart from the text
 * around it (a paragraph of its own, a quote, an HTML block or a fence); an empty block text
 * removes the construct's lines. `verbatim` text already carries the prefixes of its later lines
 * (code kept byte for byte). null keeps the construct as written.
 */
export type Out = { text: string; block?: boolean; verbatim?: boolean } | null;

/** Records what happened, by the line of the original body. */
export interface Notes {
  converted(line: number, syntax: string, message: string): void;
  attention(line: number, syntax: string, message: string): void;
}

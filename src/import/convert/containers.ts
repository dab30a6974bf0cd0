/**
 * Colon containers: VuePress / VitePress `::: tip Title` … `:::` (tip, warning, danger, info,
 * note, important, caution, details, code-group, v-pre, raw; `{open}` on details) and
 * Docusaurus admonitions `:::note`, `:::tip[Title]`, `:::info Title`, with more colons on the
 * outer one when nested; also Pandoc / Quarto `::: {.callout-tip}` divs.
 */
import { alertType } from "./build.ts";
import { block, closer, opener, type Item, type Scan } from "./context.ts";
import { alertOpener, detailsOpener, missingCloser, unknownOpener } from "./shared.ts";

const UNWRAPPED: Record<string, string> = {
  "code-group": "its code blocks now follow one another (tabs are not kept)",
  "v-pre": "its content is kept as written",
  raw: "its content is kept as written",
  tabs: "its tabs now follow one another",
};

/** `{open title="x" #id .class}` after a container's name. */
function readAttributes(text: string): { open: boolean; title?: string; classes: string[] } {
  const title = /title=(?:"([^"]*)"|'([^']*)')/.exec(text);
  const classes = [...text.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
  return { open: /(^|[\s{])open([\s}=]|$)/.test(text), title: title ? (title[1] ?? title[2]) : undefined, classes };
}

/** A container line starting at `at` (after the line's indentation or quote markers), or null. */
export function containerLine(scan: Scan, at: number, lineEnd: number): Item | null {
  const src = scan.src;
  let i = at;
  while (i < lineEnd && src[i] === ":") i++;
  const count = i - at;
  if (count < 3) return null;
  const rest = src.slice(i, lineEnd);
  const line = scan.line(at);
  if (rest.trim() === "") {
    const end = closer(at, lineEnd, "container", () => {
      scan.notes.attention(line, "container", "closing ::: without an opening container: remove it.");
      return null;
    });
    end.count = count;
    return end;
  }
  const spaced = /^[ \t]/.test(rest);
  const body = rest.trim();
  const named = /^([A-Za-z][\w-]*)/.exec(body);
  let name = named?.[1] ?? "";
  let after = body.slice(name.length);
  let title: string | undefined;
  let attrs: { open: boolean; title?: string; classes: string[] } = { open: false, classes: [] };
  if (after.startsWith("[")) {
    const close = after.lastIndexOf("]");
    title = after.slice(1, close === -1 ? undefined : close);
    after = close === -1 ? "" : after.slice(close + 1);
  }
  const brace = after.indexOf("{");
  if (brace !== -1 && after.trimEnd().endsWith("}")) {
    attrs = readAttributes(after.slice(brace));
    after = after.slice(0, brace);
  }
  if (title === undefined) title = after.trim() || attrs.title;
  if (name === "" && attrs.classes.length) name = attrs.classes[0]!.replace(/^callout-/, "");
  if (name === "") return null;
  const syntax = !spaced && !/^\s*\{/.test(rest) ? "Docusaurus admonition" : attrs.classes.length && !named ? "Pandoc div" : "VuePress container";
  const lower = name.toLowerCase();
  const hint = ":".repeat(count);
  let item: Item;
  if (lower === "details" || lower === "detail" || lower === "collapse" || lower === "spoiler") {
    item = detailsOpener(scan, at, lineEnd, "container", syntax, title, attrs.open, hint);
  } else if (alertType(lower)) {
    item = alertOpener(scan, at, lineEnd, "container", syntax, lower, title, hint);
  } else if (UNWRAPPED[lower]) {
    item = opener(
      at,
      lineEnd,
      "container",
      (inner) => {
        scan.notes.converted(line, syntax, `"${name}" container removed; ${UNWRAPPED[lower]}`);
        return block(inner);
      },
      () => missingCloser(scan, line, syntax, hint),
    );
  } else {
    item = unknownOpener(scan, at, lineEnd, "container", syntax, `unknown container "${name}": replace it with Markdown (an alert, a quote) or remove its ::: lines.`);
  }
  item.count = count;
  return item;
}

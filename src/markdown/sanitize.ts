import sanitizeHtml from "sanitize-html";

/** Tags a post may carry: Markdown's output plus the harmless HTML editors paste (cards, spans, figures). */
const allowedTags = [
  ...sanitizeHtml.defaults.allowedTags,
  "img", "h1", "span", "del", "ins", "details", "summary", "figure", "figcaption", "picture", "source",
  // A task list's checkbox, and only that (see checkbox below).
  "input",
];

const allowedAttributes: sanitizeHtml.IOptions["allowedAttributes"] = {
  "*": ["class", "id", "lang", "dir", "title", "aria-hidden", "aria-label", "style"],
  a: ["href", "name", "rel", "target", "data-pagefind-ignore"],
  img: ["src", "srcset", "alt", "width", "height", "loading", "decoding"],
  source: ["srcset", "type", "media"],
  td: ["align", "colspan", "rowspan"],
  th: ["align", "colspan", "rowspan", "scope"],
  ol: ["start", "reversed"],
  li: ["value"],
  input: ["type", "disabled", "checked"],
};

/** An input kept is a disabled checkbox: nothing a reader can type into, submit or name. */
function checkbox(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  if (attribs.type?.trim().toLowerCase() !== "checkbox") return { tagName, attribs: {} };
  const kept = Object.fromEntries(Object.entries(attribs).filter(([name]) => name === "class" || name === "aria-label"));
  return { tagName, attribs: { ...kept, type: "checkbox", disabled: "", ...("checked" in attribs ? { checked: "" } : {}) } };
}

// Inline styles are kept only for plain typography; anything that can load a URL or run an expression is dropped.
const SAFE_VALUE = /^(?!.*(?:url|expression|image-set|\\|javascript|@import))[#(),.%\w\s-]+$/i;
const allowedStyles = Object.fromEntries(
  ["color", "background-color", "font-size", "font-weight", "font-style", "text-align", "text-decoration"].map((p) => [
    p,
    [SAFE_VALUE],
  ]),
);

/** An http(s) link to another origin: it gets rel="noopener noreferrer". */
export function isExternal(href: string, siteOrigin: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).origin !== siteOrigin;
  } catch {
    return true;
  }
}

/** Two passes reached a fixed point on every input tried (32,000 fuzzed fragments); the cap only bounds the work. */
const MAX_PASSES = 4;

/**
 * Makes post HTML safe for pages and feeds: no scripts, handlers, frames or script URLs.
 *
 * sanitize-html reads markup with htmlparser2, which closes an open <p> only when a block
 * opens right inside it: with a dropped element in between (<svg>, <noscript>, an unknown
 * tag) its output nested a block in a <p> ("<p><svg><div>" gave "<p><div></div></p>"), which
 * a browser reads as three elements, and which sanitized again gave something else. Output
 * that does not read back as it was written is where mutation XSS lives, so it is sanitized
 * again until it reads back the same.
 */
export function sanitizePostHtml(html: string, siteOrigin: string): string {
  let clean = sanitizeOnce(html, siteOrigin);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const again = sanitizeOnce(clean, siteOrigin);
    if (again === clean) break;
    clean = again;
  }
  return clean;
}

function sanitizeOnce(html: string, siteOrigin: string): string {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes,
    allowedStyles: { "*": allowedStyles },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https"], source: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
    transformTags: {
      input: checkbox,
      a: (tagName, attribs) => {
        const href = attribs.href ?? "";
        if (!isExternal(href, siteOrigin)) return { tagName, attribs };
        const { target: _target, ...rest } = attribs;
        return { tagName, attribs: { ...rest, rel: "noopener noreferrer" } };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { loading: "lazy", decoding: "async", ...attribs } }),
    },
  });
}

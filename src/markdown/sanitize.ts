import sanitizeHtml from "sanitize-html";

/** Tags a post may carry: Markdown's output plus the harmless HTML editors paste (cards, spans, figures). */
const allowedTags = [
  ...sanitizeHtml.defaults.allowedTags,
  "img", "h1", "span", "del", "ins", "details", "summary", "figure", "figcaption", "picture", "source",
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
};

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

/** Makes post HTML safe for pages and feeds: no scripts, handlers, frames or script URLs. */
export function sanitizePostHtml(html: string, siteOrigin: string): string {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes,
    allowedStyles: { "*": allowedStyles },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https"], source: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
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

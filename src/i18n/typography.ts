const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** ISO dates and weeks ("2026-02-06", "2026-W06"): a line may break at their hyphens, a reader should never see it. */
const ISO_DATE = /\d{4}-(?:\d{2}-\d{2}|W\d{2})/g;

/**
 * Text as HTML in which ISO dates never break across lines: each is wrapped in
 * <span class="nowrap">. Everything else is escaped, so the result is safe to output as is.
 */
export function keepDatesWhole(text: string): string {
  let html = "";
  let last = 0;
  for (const m of text.matchAll(ISO_DATE)) {
    html += escapeHtml(text.slice(last, m.index)) + `<span class="nowrap">${m[0]}</span>`;
    last = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

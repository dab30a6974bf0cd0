/** One image candidate of a srcset attribute: its URL and where that URL sits in the value. */
export interface SrcsetCandidate {
  url: string;
  start: number;
  end: number;
}

/**
 * The candidates of a srcset value ("a.png 1x, /b.png 2x"), read as the HTML standard reads
 * them: a URL runs to the next whitespace, and commas that end it end the candidate;
 * otherwise descriptors run to the next comma. A URL may contain commas ("/a,b.png 2x").
 * Used by feeds (to make each URL absolute) and by the link check (to check each one).
 */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let end = i;
    while (end > start && srcset[end - 1] === ",") end--;
    if (end > start) candidates.push({ url: srcset.slice(start, end), start, end });
    // No comma ended the URL: skip its descriptors ("2x", "480w") up to the next comma.
    if (end === i) while (i < srcset.length && srcset[i] !== ",") i++;
  }
  return candidates;
}

/** The srcset value with each candidate's URL replaced; descriptors and separators stay as they are. */
export function mapSrcset(srcset: string, map: (url: string) => string): string {
  let out = "";
  let last = 0;
  for (const { url, start, end } of srcsetCandidates(srcset)) {
    out += srcset.slice(last, start) + map(url);
    last = end;
  }
  return out + srcset.slice(last);
}

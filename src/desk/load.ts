import type { SiteConfig } from "../config.ts";
import { isoWeekOf } from "../content/dates.ts";
import { loadContent, type ParsedPosts } from "../content/load.ts";
import { buildDesk, weeksEnding, type Desk } from "./desk.ts";
import { gitHistory } from "./history.ts";

export interface DeskSource {
  root: string;
  contentDir: string;
  config: SiteConfig;
  now: Date;
  /** Posts parsed by an earlier load, reused while their files are unchanged. */
  parsed?: ParsedPosts;
}

/**
 * The desk of the project's posts for `weeks` (default: the current ISO week and the one
 * before), with the files that do not read left out and named.
 */
export function loadDesk(source: DeskSource, weeks?: string[]): { desk: Desk; unreadable: string[] } {
  const { config } = source;
  const { posts, problems } = loadContent({ root: source.root, contentDir: source.contentDir, timeZone: config.timeZone, authors: config.authors, parsed: source.parsed });
  const shown = weeks ?? weeksEnding(isoWeekOf(source.now, config.timeZone), 2);
  const unreadable = new Set(problems.map((p) => p.file));
  const desk = buildDesk(posts, { weeks: shown, now: source.now, config, history: gitHistory(source.root, config.timeZone), unreadable });
  return { desk, unreadable: [...unreadable] };
}

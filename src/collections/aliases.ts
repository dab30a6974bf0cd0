import type { Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { urls } from "./urls.ts";

/** An old URL of a post, kept alive by a redirect page. */
export interface Alias {
  lang: Lang;
  /** The old URL, a folder path ending in "/", or a file path. */
  url: string;
  to: string;
  title: string;
  /** The post that lists it, and the line of its `aliases`. */
  sourcePath: string;
  line?: number;
}

/**
 * The old URLs posts list in `aliases`, by source path so every build orders them the same
 * way. An old URL that is a page of the site, or that another post claimed first, is reported.
 */
export function collectAliases(posts: Post[], pageUrls: ReadonlySet<string>): { aliases: Alias[]; targets: Map<string, string>; problems: ContentProblem[] } {
  const targets = new Map<string, string>();
  const aliases: Alias[] = [];
  const problems: ContentProblem[] = [];
  for (const post of [...posts].sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))) {
    for (const alias of post.aliases) {
      const taken = targets.get(alias) ?? (pageUrls.has(alias) ? alias : undefined);
      if (taken) {
        problems.push({ file: post.sourcePath, line: post.aliasesLine, field: "aliases", message: `${alias} already leads to ${taken}; an old URL can lead to one page only` });
        continue;
      }
      targets.set(alias, urls.post(post));
      aliases.push({ lang: post.lang, url: alias, to: urls.post(post), title: post.title, sourcePath: post.sourcePath, line: post.aliasesLine });
    }
  }
  return { aliases, targets, problems };
}

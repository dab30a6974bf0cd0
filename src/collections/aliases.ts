import { LANGS, type Lang } from "../config.ts";
import type { ContentProblem } from "../content/errors.ts";
import type { Post } from "../content/schema.ts";
import { t } from "../i18n/strings.ts";
import { tagSlug } from "../tags/names.ts";
import type { TagRegistry } from "../tags/registry.ts";
import type { TagGroups } from "./tags.ts";
import { urls } from "./urls.ts";

/** An old URL of a post, or of a tag merged into another, kept alive by a redirect page. */
export interface Alias {
  lang: Lang;
  /** The old URL, a folder path ending in "/", or a file path. */
  url: string;
  to: string;
  title: string;
  /** The file that chose it (the post that lists it, or the tag registry), the line, and the field: default "aliases". */
  sourcePath: string;
  line?: number;
  field?: string;
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

/**
 * A redirect from each spelling the tag registry merges to the page of the tag it becomes
 * (/en/tags/llms/ → /en/tags/llm/), in the language of its section, so old tag pages keep
 * working whether or not a post still uses the spelling. None when the surviving tag has no
 * page in that language, or when both spellings have one URL already. A merged spelling whose
 * URL is the page of another tag is reported at its line of the registry.
 */
export function synonymRedirects(groups: TagGroups, registry: TagRegistry): { redirects: Alias[]; problems: ContentProblem[] } {
  const redirects: Alias[] = [];
  const problems: ContentProblem[] = [];
  for (const lang of LANGS) {
    const byUrl = new Map<string, Alias>();
    for (const { from, to, line } of [...registry.synonyms[lang].values()].sort((a, b) => a.line - b.line)) {
      const target = groups[lang].get(tagSlug(to));
      const slug = tagSlug(from);
      if (!target || slug === target.slug) continue;
      const url = urls.tag(lang, slug);
      const field = `synonyms.${lang}`;
      const page = groups[lang].get(slug);
      const earlier = byUrl.get(url);
      if (page) {
        problems.push({ file: registry.file, line, field, message: `"${from}" would redirect ${url} to the tag "${target.name}", but ${url} is the page of the tag "${page.name}"; rename that tag in its posts, or remove this line` });
      } else if (earlier && earlier.to !== urls.tag(lang, target.slug)) {
        problems.push({ file: registry.file, line, field, message: `"${from}" has the URL ${url}, which already redirects to ${earlier.to} (line ${earlier.line}); an old URL can lead to one page only` });
      } else if (!earlier) {
        const redirect: Alias = { lang, url, to: urls.tag(lang, target.slug), title: t(lang, "tagTitle", { tag: target.name }), sourcePath: registry.file, line, field };
        byUrl.set(url, redirect);
        redirects.push(redirect);
      }
    }
  }
  return { redirects, problems };
}

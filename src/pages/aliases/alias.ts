import type { Alias } from "../../collections/aliases.ts";
import type { PageType } from "../page-type.ts";

/**
 * A redirect page at an old URL a post lists in `aliases`, or at the page of a tag the tag
 * registry merges into another; never in the sitemap.
 */
export const aliasPages: PageType<"aliases", Alias> = {
  name: "aliases",
  pages: (context) => context.aliases,
  chosenBy: (alias) => ({ file: alias.sourcePath, line: alias.line, field: alias.field ?? "aliases" }),
};

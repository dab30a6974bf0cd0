import { outputFileOf } from "../collections/urls.ts";
import type { ContentProblem } from "../content/errors.ts";
import { SITE_FILES } from "../pages/index.ts";
import type { PageType } from "../pages/page-type.ts";
import { shareImagesOf } from "../share/card.ts";

/** One file (or a whole folder) of the output, and who writes it. */
export interface AddressOwner {
  /**
   * The file relative to the output folder ("zh/index.html", "assets/site.css"); a folder
   * written whole by a later step ends in "/" ("pagefind/").
   */
  file: string;
  /** The site URL that writes it: "/zh/tags/", "/assets/site.css". */
  url: string;
  /** What writes it: a page type's name ("tags"), "assets", "search index". */
  owner: string;
  /** The post and field that chose the address (an old URL), when an editor can change it. */
  chosenBy?: { file: string; line?: number; field: string };
}

/**
 * The key two files collide under on a case-insensitive or normalization-insensitive file
 * system (macOS, Windows): "Zh/LLM/" and "zh/llm/", or "é" composed and decomposed.
 */
export const collisionKey = (file: string) => file.normalize("NFC").toLowerCase();

/** The folders a file needs: "a/b/c.html" → "a/", "a/b/". */
function foldersOf(key: string): string[] {
  const folders: string[] = [];
  for (let i = key.indexOf("/"); i !== -1 && i < key.length - 1; i = key.indexOf("/", i + 1)) folders.push(key.slice(0, i + 1));
  return folders;
}

type Clash = "same" | "fold" | "inside-file" | "inside-folder";

/** What the editor reads: the old URL, what it would do to the other owner's file, what to do. */
function clashProblem(chosen: AddressOwner, other: AddressOwner, clash: Clash, inner: AddressOwner): ContentProblem {
  const { file, line, field } = chosen.chosenBy!;
  const outer = inner === chosen ? other : chosen;
  const how = {
    same: `would overwrite ${chosen.file}`,
    fold: `would be written to ${chosen.file}, the same file as ${other.file} on macOS and Windows (the names differ only in letter case or Unicode form)`,
    "inside-file": inner === chosen ? `would be written inside ${outer.file}, which is a file` : `would be written to ${chosen.file}, where ${inner.file} needs a folder`,
    "inside-folder": `would be written inside ${outer.file}, a folder written whole after the pages`,
  }[clash];
  return { file, line, field, message: `${chosen.url} ${how} (${other.owner}: ${other.url}); choose an old URL that no page or file of the site has` };
}

/**
 * Every clash in one table of the site's addresses, found before anything is written: two
 * owners of one file (also when the names differ only in letter case or Unicode form), a
 * file where another owner needs a folder (an old URL /assets/site.css/ under the stylesheet),
 * and anything inside a folder a later step writes whole. A clash an editor chose (an old
 * URL) is a content problem at that post; any other is a bug of the page types, thrown.
 */
export function addressClashes(owners: Iterable<AddressOwner>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const files = new Map<string, AddressOwner>();
  const folders = new Map<string, AddressOwner>();
  // `owner` is the later entry of the table, and for a clash of folders the one inside.
  const report = (owner: AddressOwner, other: AddressOwner, clash: Clash) => {
    const chosen = owner.chosenBy ? owner : other.chosenBy ? other : undefined;
    if (!chosen) throw new Error(`${other.owner} (${other.url}) and ${owner.owner} (${owner.url}) both write ${owner.file}; each file of the site needs one owner`);
    problems.push(clashProblem(chosen, chosen === owner ? other : owner, clash, owner));
  };
  const all = [...owners];
  for (const owner of all) {
    const key = collisionKey(owner.file);
    if (key.endsWith("/")) {
      folders.set(key, owner);
      continue;
    }
    const first = files.get(key);
    if (!first) files.set(key, owner);
    else report(owner, first, first.file === owner.file ? "same" : "fold");
  }
  for (const owner of all) {
    const key = collisionKey(owner.file);
    for (const folder of foldersOf(key)) {
      const asFile = files.get(folder.slice(0, -1));
      if (asFile) report(owner, asFile, "inside-file");
      const whole = folders.get(folder);
      if (whole && whole !== owner) report(owner, whole, "inside-folder");
    }
  }
  return problems;
}

/**
 * The table of a whole site: every page of every page type (with the post that chose it, for
 * an old URL), the folders later steps write whole, the single templates' files, the assets,
 * the share images beside their pages.
 */
export function siteAddresses(pageTypes: readonly PageType[], pages: Readonly<Record<string, readonly { url: string }[]>>, assets: readonly string[]): AddressOwner[] {
  const owners: AddressOwner[] = [];
  for (const type of pageTypes) {
    for (const page of pages[type.name] ?? []) owners.push({ file: outputFileOf(page.url), url: page.url, owner: type.name, chosenBy: type.chosenBy?.(page) });
    for (const later of type.linksWrittenLater ?? []) if (later.endsWith("/")) owners.push({ file: later.slice(1), url: later, owner: type.name });
  }
  for (const { url, owner } of SITE_FILES) owners.push({ file: outputFileOf(url), url, owner });
  for (const url of assets) owners.push({ file: outputFileOf(url), url, owner: "assets" });
  for (const { src } of shareImagesOf(pages)) owners.push({ file: outputFileOf(src), url: src, owner: "share images" });
  return owners;
}

import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { relativePath } from "../content/files.ts";
import { GENERATOR } from "./parts.ts";

export interface EditionFile {
  /** A generated name: `<lang>-<slug>.email.html`, `.email.txt` or `.wechat.html`. */
  name: string;
  text: string;
}

export interface WriteOptions {
  root: string;
  /** Folder of posts, relative to the root: never a place for editions. */
  contentDir: string;
}

export type WriteResult = { written: string[]; error?: undefined } | { written?: undefined; error: string };

const GENERATED = /^(?:zh|en)-[^/\\]+\.(?:email\.html|email\.txt|wechat\.html)$/;
const MARK = `<meta name="generator" content="${GENERATOR}">`;

/** Whether a file already at a generated name is an earlier run's output, which a new run may replace. */
function isOurs(file: string): boolean {
  if (file.endsWith(".html")) return readFileSync(file, "utf8").includes(MARK);
  // The text alternative carries no mark: it goes with the HTML edition beside it.
  const html = file.replace(/\.txt$/, ".html");
  return existsSync(html) && lstatSync(html).isFile() && isOurs(html);
}

const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(parent + path.sep);

/**
 * Writes an edition's files into the out folder, all of them or none: only generated names,
 * never into the project root or the content folder, and never over a file an earlier run
 * did not write (an editor's own copy, say). Returns the paths written, relative to the root.
 */
export function writeEditionFiles(outDir: string, files: EditionFile[], options: WriteOptions): WriteResult {
  const root = path.resolve(options.root);
  const out = path.resolve(root, outDir);
  const content = path.resolve(root, options.contentDir);
  if (out === root || inside(out, content) || inside(content, out)) {
    return { error: `--out ${relativePath(root, out) || "."} would put editions among the project's own files; choose a folder of their own, such as editions` };
  }
  for (const { name } of files) {
    if (!GENERATED.test(name)) return { error: `${name} is not a name npm run edition writes; nothing was written` };
  }
  const targets = files.map((file) => ({ ...file, path: path.join(out, file.name) }));
  for (const target of targets) {
    if (!existsSync(target.path) && !isLink(target.path)) continue;
    const rel = relativePath(root, target.path);
    if (!lstatSync(target.path).isFile()) return { error: `${rel} exists and is not a file; move it or choose another --out; nothing was written` };
    if (!isOurs(target.path)) return { error: `${rel} exists and was not written by npm run edition; move it or choose another --out; nothing was written` };
  }
  mkdirSync(out, { recursive: true });
  for (const target of targets) writeFileSync(target.path, target.text);
  return { written: targets.map((target) => relativePath(root, target.path)) };
}

/** A symbolic link, even one that leads nowhere (existsSync follows links). */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

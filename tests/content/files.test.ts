import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { site } from "../../src/config.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { loadContent } from "../../src/content/load.ts";
import { walkFiles } from "../../src/content/files.ts";

const POST = "---\ntitle: Linked post\ndate: 2026-03-02\n---\nText of the post.\n";

/** A project folder with content/en/daily/, and a folder beside it the project must never read. */
function project() {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), "links-")));
  const root = path.join(base, "project");
  const daily = path.join(root, "content/en/daily");
  mkdirSync(daily, { recursive: true });
  mkdirSync(path.join(base, "outside"));
  writeFileSync(path.join(base, "outside/secret.md"), "---\ntitle: Secret\ndate: 2026-03-02\n---\nTOKEN=abc123\n");
  return { base, root, daily };
}

const load = (root: string) => loadContent({ root, contentDir: "content", timeZone: site.timeZone, authors: site.authors });

describe("content never leaves its root", () => {
  it("refuses a post that is a link out of the project, naming the link and where it points", () => {
    const { base, root, daily } = project();
    symlinkSync(path.join(base, "outside/secret.md"), path.join(daily, "secret.md"));
    writeFileSync(path.join(daily, "real.md"), POST);
    const { posts, problems } = load(root);
    expect(posts.map((p) => p.sourcePath)).toEqual(["content/en/daily/real.md"]);
    expect(problems.map(formatProblem)).toEqual([
      `content/en/daily/secret.md: is a symbolic link to ${base}/outside/secret.md, outside the project; only files inside it are read. Copy the file you mean into the folder instead of linking it`,
    ]);
  });

  it("refuses a folder linked from outside, a link into a hidden folder and a link that leads nowhere", () => {
    const { base, root, daily } = project();
    symlinkSync(path.join(base, "outside"), path.join(root, "content/en/deep-dive"));
    mkdirSync(path.join(root, ".git"));
    writeFileSync(path.join(root, ".git/config.md"), POST);
    symlinkSync(path.join(root, ".git/config.md"), path.join(daily, "config.md"));
    symlinkSync(path.join(root, "gone.md"), path.join(daily, "gone.md"));
    const messages = load(root).problems.map(formatProblem);
    expect(messages).toEqual([
      `content/en/daily/config.md: is a symbolic link to ${root}/.git/config.md, a hidden file or node_modules; nothing there is ever published. Copy the file you mean into the folder instead of linking it`,
      `content/en/daily/gone.md: is a symbolic link to ${root}/gone.md, which does not exist; remove the link or restore its target`,
      `content/en/deep-dive: is a symbolic link to ${base}/outside, outside the project; only files inside it are read. Copy the file you mean into the folder instead of linking it`,
    ]);
  });

  it("follows links that stay inside the project, and ends a link cycle", () => {
    const { root, daily } = project();
    mkdirSync(path.join(root, "drafts"));
    writeFileSync(path.join(root, "drafts/shared.md"), POST);
    symlinkSync(path.join(root, "drafts/shared.md"), path.join(daily, "shared.md"));
    symlinkSync(path.join(root, "content/en"), path.join(daily, "loop"));
    const { posts, problems } = load(root);
    expect(problems).toEqual([]);
    expect(posts.map((p) => p.sourcePath)).toEqual(["content/en/daily/shared.md"]);
  });

  it("lists only the files a caller accepts, skipping hidden and underscored names", () => {
    const { root, daily } = project();
    for (const name of ["a.md", "b.txt", ".hidden.md", "_partial.md", "image.png"]) writeFileSync(path.join(daily, name), "x");
    const found = walkFiles(path.join(root, "content"), { accept: (name) => name.endsWith(".md") });
    expect(found.files.map((f) => path.relative(root, f))).toEqual(["content/en/daily/a.md"]);
  });
});

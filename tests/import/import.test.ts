import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importPosts } from "../../scripts/import.ts";
import { runBuild } from "../helpers/build.ts";
import { ROOT } from "../helpers/seeds.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/import");
const SITES = ["hugo", "jekyll", "hexo", "zola", "docusaurus", "vitepress", "plain"];

/** Imports fixture folders into an empty project; what it printed, one line each. */
function importInto(root: string, inputs: string[], extra: { baseUrl?: string; date?: string; title?: string; dryRun?: boolean } = {}) {
  const log: string[] = [];
  const errors: string[] = [];
  const result = importPosts(inputs, { root, contentDir: "content", force: false, dryRun: false, log: (l) => log.push(l), error: (l) => errors.push(l), ...extra });
  return { result, log, errors, file: (name: string) => readFileSync(path.join(root, name), "utf8") };
}

const fresh = () => mkdtempSync(path.join(tmpdir(), "import-site-"));

describe("npm run import of whole sites", () => {
  it("finds each generator's posts and nothing else: no section pages, home pages, includes or config", () => {
    const root = fresh();
    const { result, log } = importInto(root, SITES.map((site) => path.join(FIXTURES, site)));
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(17);
    expect(result.written.every((file) => /^content\/(zh|en)\/(daily|weekly|deep-dive)\/[a-z0-9-]+\.md$/.test(file))).toBe(true);
    expect(log).toContain(`not a post: tests/fixtures/import/vitepress/index.md (a section or home page)`.replace("tests/fixtures/import", path.relative(root, FIXTURES)));
    expect(log.filter((l) => / a (hugo|jekyll|hexo|zola|docusaurus|vitepress) site; /.test(l))).toHaveLength(6);
  });

  it("converts Hugo shortcodes and resolves ref/relref to the imported posts", () => {
    const root = fresh();
    const { result, file, log } = importInto(root, [path.join(FIXTURES, "hugo")]);
    const claude = file("content/zh/daily/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi.md");
    expect(claude).toContain('<figure><img src="/media/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi/x.png" alt="价格对比">');
    expect(claude).toContain("[Gemini 开放 200 万上下文](./2024-06-14-gemini-1-5-pro-kai-fang-200-wan-token-shang-xia.md)");
    expect(claude).toContain("updated: 2024-06-22");
    const gemini = file("content/zh/daily/2024-06-14-gemini-1-5-pro-kai-fang-200-wan-token-shang-xia.md");
    expect(gemini).toContain("https://www.youtube.com/watch?v=Yq3sXk2mPzA");
    expect(gemini).toContain("https://x.com/GoogleAI/status/1801234567890123456");
    expect(gemini).toContain("```python\n");
    expect(gemini).toContain("> [!WARNING]");
    expect(gemini).toContain("date: 2024-06-14T10:00:00+08:00");
    expect(result.assets).toEqual([
      "content/media/2024-06-07-kai-yuan-mo-xing-ji-zhun-ce-shi-qwen2-72b-deng/cover.jpg",
      "content/media/2024-06-07-kai-yuan-mo-xing-ji-zhun-ce-shi-qwen2-72b-deng/chart.png",
      "content/media/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi/x.png",
    ]);
    expect(result.attention).toEqual(["content/zh/daily/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi.md"]);
    expect(log.find((l) => l.includes("needs attention"))).toMatch(/claude-yaml-date\.md:14: Hugo unknown-thing: /);
  });

  it("reads Jekyll's dates and duplicate keys, and converts its Liquid and kramdown", () => {
    const root = fresh();
    const { file, log } = importInto(root, [path.join(FIXTURES, "jekyll")]);
    const hello = file("content/zh/daily/2016-03-12-alphago-4-1-zhan-sheng-li-shi-shi.md");
    expect(hello).toContain("date: 2016-03-12T11:40:18+08:00");
    expect(hello).not.toMatch(/\{:|\{%|\{\{|\* TOC/);
    expect(hello).toContain("](/media/2016-03-12-alphago-4-1-zhan-sheng-li-shi-shi/a.png)");
    expect(hello).toContain("(./2016-03-13-alphago-sai-hou-fen-xi-di-si-ju-de-shen-zhi-yi.md)");
    const second = file("content/zh/daily/2016-03-13-alphago-sai-hou-fen-xi-di-si-ju-de-shen-zhi-yi.md");
    expect(second).toContain("title: AlphaGo 赛后分析：第四局的神之一手");
    expect(log).toContain(
      `  warning: ${path.relative(root, FIXTURES)}/jekyll/_posts/2016-03-13-second.md:5: title: is set twice (lines 3 and 5); the last value is used, as Hugo and Jekyll do; remove the other line`,
    );
  });

  it("reads Hexo's front matter without its opening --- and its asset folder", () => {
    const root = fresh();
    const { file, result } = importInto(root, [path.join(FIXTURES, "hexo")]);
    const hello = file("content/zh/daily/2024-07-13-llama-3-1-405b-kai-yuan-fa-bu.md");
    expect(hello).toMatch(/^---\ntitle: Llama 3\.1 405B 开源发布\nkind: daily\nlang: zh\ndate: 2024-07-13T20:46:25\+08:00\n/);
    expect(hello).toContain("/media/2024-07-13-llama-3-1-405b-kai-yuan-fa-bu/diagram.png");
    expect(hello).toContain("```js\n");
    // {% post_link other-post %} shows the post's title, as Hexo did.
    expect(hello).toContain("[Mistral Large 2 评测](./2024-07-08-mistral-large-2-ping-ce.md)");
    expect(result.assets).toContain("content/media/2024-07-13-llama-3-1-405b-kai-yuan-fa-bu/diagram.png");
  });

  it("links Zola's @/ paths and VitePress's .html and extensionless links to the imported posts", () => {
    const root = fresh();
    const { file } = importInto(root, [path.join(FIXTURES, "zola"), path.join(FIXTURES, "vitepress")]);
    expect(file("content/en/daily/2024-03-01-mistral-releases-mixtral-8x22b-under-apache-2-0.md")).toContain(
      "(./2024-03-08-open-weight-models-march-benchmark-roundup.md#results)",
    );
    const containers = file("content/zh/weekly/2024-w08-ai-zhou-kan-di-12-qi-sora-yu-gemini-1-5.md");
    expect(containers).toContain("[第 11 期](./2024-w07-ai-zhou-kan-di-11-qi-gemini-ultra-shang-xian.md)");
    expect(containers).toContain("<details><summary>点击查看 Gemini 1.5 的上下文长度</summary>");
    expect(containers).not.toContain(":::");
  });

  it("takes Docusaurus's dates from file names, its authors by name, and drops MDX imports", () => {
    const root = fresh();
    const { file } = importInto(root, [path.join(FIXTURES, "docusaurus")]);
    const mdx = file("content/en/daily/2024-05-14-gpt-4o-arrives-with-native-voice.md");
    expect(mdx).toContain("authors:\n  - Dana Whitfield\n  - Ravi Menon\n");
    expect(mdx).not.toMatch(/^import /m);
    expect(mdx).toContain("> [!NOTE]");
    expect(file("content/en/daily/2024-05-01-llama-3-is-out-and-it-runs-on-a-laptop.md")).toContain("date: 2024-05-01\n");
  });

  it("dates plain weeklies by the file name's date or ISO week, brings their images, and lists what needs attention with its line", () => {
    const root = fresh();
    const { file, result, log } = importInto(root, [path.join(FIXTURES, "plain")]);
    const fixtures = path.relative(root, FIXTURES);
    expect(file("content/zh/weekly/2024-w24-aitobox-ai-zhou-bao.md")).toContain("![用 Dream Machine 生成的咸蛋黄特写](/media/2024-w24-aitobox-ai-zhou-bao/salty_egg.jpg)");
    expect(file("content/zh/weekly/2026-w33-wu-li-ai-ben-zhou-jing-xuan.md")).toContain("[周三日报](../daily/2026-08-12-wu-li-ai-ri-bao.md)");
    expect(log.filter((l) => l.includes("needs attention"))).toEqual([
      `  needs attention: ${fixtures}/plain/AIToBoxWeeklyNews_20240614.md:13: image ./missing.png: no such file next to the post or in ./; add the file or remove the image`,
      `  needs attention: ${fixtures}/plain/boletin-ia-2024-06-21.md:1: lang: the text reads as Spanish, which is not a language of this site; it is published as English; add "lang: en" to keep it so, or translate it`,
    ]);
    expect(result.attention).toEqual(["content/zh/weekly/2024-w24-aitobox-ai-zhou-bao.md", "content/en/daily/2024-06-21-boletin-semanal-de-inteligencia-artificial.md"]);
  });

  it("turns links to pages it did not import into links to the old site with --base-url, and fills a missing date and title", () => {
    const root = fresh();
    writeFileSync(path.join(root, "note.md"), "A [related page](../about/) and [another](/2019/old-post.html); [W06](../weekly_news/ai_news_2026-W06).\n");
    const { file, log } = importInto(root, [path.join(root, "note.md")], { baseUrl: "https://old.example/blog/", date: "2024-01-02", title: "Old note" });
    const written = file("content/en/daily/2024-01-02-old-note.md");
    expect(written).toContain("[another](https://old.example/blog/2019/old-post.html)");
    // A page-relative link's old address is not known: kept, and listed.
    expect(written).toContain("[related page](../about/)");
    expect(log).toContain("  needs attention: note.md:1: link ../about/: leads to no imported post or file; import its target too, or write the full address of the page it meant");
    expect(log).toContain('  date = "2024-01-02" (from --date)');
    // A legacy week link is the site's own: the build sends it to that week's digest.
    expect(written).toContain("[W06](../weekly_news/ai_news_2026-W06)");
    expect(log.filter((l) => l.includes("needs attention"))).toHaveLength(1);
  });

  it("offers the date of the commit that added a post with no date anywhere, and says so", () => {
    const root = fresh();
    const repo = path.join(root, "old-blog");
    mkdirSync(repo);
    writeFileSync(path.join(repo, "notes.md"), "---\ntitle: Notes on agents\n---\nAgents are everywhere.\n");
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: "2023-09-01T10:00:00+08:00", GIT_COMMITTER_DATE: "2023-09-01T10:00:00+08:00" } });
    git("init", "-q");
    git("add", "notes.md");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "add");
    const { file, log } = importInto(root, [repo]);
    expect(file("content/en/daily/2023-09-01-notes-on-agents.md")).toContain("date: 2023-09-01T10:00:00+08:00");
    expect(log).toContain(`  date = "2023-09-01T10:00:00+08:00" (from the file's first commit in git (add "date:" or --date to say otherwise))`);
  });

  it("never writes two posts to one file: the second gets a numbered slug", () => {
    const root = fresh();
    const folder = path.join(root, "old");
    mkdirSync(folder);
    for (const name of ["a.md", "b.md"]) writeFileSync(path.join(folder, name), `---\ntitle: Same title\ndate: 2024-03-01\n---\nBody of ${name}.\n`);
    const { result, file } = importInto(root, [folder]);
    expect(result.written).toEqual(["content/en/daily/2024-03-01-same-title.md", "content/en/daily/2024-03-01-same-title-2.md"]);
    expect(file("content/en/daily/2024-03-01-same-title-2.md")).toContain("slug: 2024-03-01-same-title-2\n");
    expect(file("content/en/daily/2024-03-01-same-title-2.md")).toContain("Body of b.md.");
  });

  it("reads no dependencies or build output of a site, and no .txt outside a plain folder", () => {
    const root = fresh();
    const site = path.join(root, "site");
    mkdirSync(path.join(site, ".vitepress"), { recursive: true });
    mkdirSync(path.join(site, "node_modules/pkg"), { recursive: true });
    mkdirSync(path.join(site, "public"), { recursive: true });
    writeFileSync(path.join(site, "node_modules/pkg/RELEASE-2024-05-01.md"), "# Release notes\n\nx\n");
    writeFileSync(path.join(site, "public/2024-05-01-copy.md"), "# Copy\n\nx\n");
    writeFileSync(path.join(site, "LICENSE.txt"), "MIT License\n");
    writeFileSync(path.join(site, "2024-05-01-post.md"), "# A post\n\nText.\n");
    const { result, errors } = importInto(root, [site]);
    expect(result.written).toEqual(["content/en/daily/2024-05-01-a-post.md"]);
    expect(errors).toEqual([]);
  });

  it("fails a post with no date anywhere, naming the file and what to add", () => {
    const root = fresh();
    cpSync(path.join(FIXTURES, "single/no-date.md"), path.join(root, "no-date.md"));
    const { result, errors } = importInto(root, [path.join(root, "no-date.md")]);
    expect(result.failed).toEqual(["no-date.md"]);
    expect(errors).toEqual([
      'error: no-date.md:1: date: missing; add "date: YYYY-MM-DD" to the front matter (no date or ISO week such as 2026-W06 was found in the front matter, the title or the file name) (--date YYYY-MM-DD and --title "…" fill what a post lacks)',
    ]);
  });
});

describe("import, then build", () => {
  it("stops on what import could not convert, with the imported file and line; builds once the editor fixed it, with no raw syntax on any page", () => {
    const root = fresh();
    importInto(root, SITES.map((site) => path.join(FIXTURES, site)));
    const content = path.join(root, "content");
    const failed = runBuild({ CONTENT_DIR: content });
    expect(failed.code).not.toBe(0);
    const errors = failed.stderr
      .split("\n")
      .filter((l) => l.startsWith("error: "))
      .map((l) => /content\/(\S+?:\d+): (\w+): (.{0,40})/.exec(l)!.slice(1).join(" | "));
    expect(errors).toEqual([
      'zh/daily/2026-08-12-wu-li-ai-ri-bao.md:24 | body | footnote reference "[^3]" without a defi',
      'zh/daily/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi.md:17 | body | Hugo shortcode "{{< unknown-thing >}}" w',
      'zh/weekly/2024-w24-aitobox-ai-zhou-bao.md:21 | image | "./missing.png": the path is relative to',
    ]);

    // What an editor does with the three lines.
    const edit = (file: string, from: RegExp, to: string) => {
      const full = path.join(content, file);
      writeFileSync(full, readFileSync(full, "utf8").replace(from, to));
    };
    edit("zh/daily/2026-08-12-wu-li-ai-ri-bao.md", /\[\^3\]/, "");
    edit("zh/daily/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi.md", /\{\{< unknown-thing[^\n]*\n/, "");
    edit("zh/weekly/2024-w24-aitobox-ai-zhou-bao.md", /!\[[^\]]*\]\(\.\/missing\.png\)\n/, "");
    const built = runBuild({ CONTENT_DIR: content });
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const page = built.page("/zh/daily/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi/");
    expect(page).toContain("<figcaption>各模型每百万 token 价格</figcaption>");
    expect(existsSync(path.join(built.outDir, "media/2024-06-21-claude-3-5-sonnet-fa-bu-geng-kuai-geng-pian-yi/x.png"))).toBe(true);
    const daily = built.page("/zh/daily/2026-08-12-wu-li-ai-ri-bao/");
    expect(daily).toContain('id="world-model"');
    expect(daily).toMatch(/<section class="footnotes"/);
    for (const url of [
      "/zh/daily/2024-06-14-gemini-1-5-pro-kai-fang-200-wan-token-shang-xia/",
      "/zh/daily/2016-03-12-alphago-4-1-zhan-sheng-li-shi-shi/",
      "/zh/daily/2024-07-13-llama-3-1-405b-kai-yuan-fa-bu/",
      "/en/daily/2024-03-01-mistral-releases-mixtral-8x22b-under-apache-2-0/",
      "/en/daily/2024-05-14-gpt-4o-arrives-with-native-voice/",
      "/zh/weekly/2024-w08-ai-zhou-kan-di-12-qi-sora-yu-gemini-1-5/",
      "/zh/daily/2026-08-12-wu-li-ai-ri-bao/",
    ]) {
      const main = built.page(url).replace(/<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>|<script[\s\S]*?<\/script>/g, "");
      expect({ url, raw: main.match(/\{\{[<%]|\{%|\{:toc\}|\{: ?\.|\[\^\d|^:::|\[\[toc\]\]/gim) }).toEqual({ url, raw: null });
    }
  });
});

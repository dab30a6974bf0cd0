import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../scripts/check.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { ROOT } from "../helpers/seeds.ts";
import { folderWith } from "../helpers/files.ts";

const content = (files: Record<string, string>) => folderWith(files, "check-");

const check = (dir: string) => {
  const result = runCheck({ CONTENT_DIR: dir, OUTPUT_DIR: path.join(dir, "no-site") }, ROOT);
  const lines = result.findings.map((f) => `${f.level}: ${formatProblem(f)}`);
  return { ...result, lines };
};

describe("npm run check", () => {
  it("reports every error of every post at once", () => {
    const dir = content({
      "en/daily/a.md": "---\ntitle: A\ndate: 2026-02-30\n---\nx\n",
      "en/daily/b.md": "---\ntitle: B\ndate: 2026-02-06\nkind: monthly\n---\nx\n",
      "en/daily/c.md": "---\ntitle: [\n---\nx\n",
    });
    const result = check(dir);
    expect(result.errors).toBe(3);
    expect(result.lines.filter((l) => l.startsWith("error:"))).toHaveLength(3);
    expect(result.lines.join("\n")).toMatch(/error: .*a\.md:3: date: "2026-02-30" is not a valid date/);
  });

  it("warns about guesses, missing translations, weeks without digest, duplicate titles, sourceless items and tag case", () => {
    const dir = content({
      "inbox/2026-02-03-x.md": "# Guessed title\n\nEnglish text.\n",
      "en/daily/a.md": "---\ntitle: Same\ndate: 2026-02-04\ntags: [AI]\n---\n- **Item one**: no link here\n- **Item two**: [source](https://example.org/)\n",
      "en/daily/b.md": "---\ntitle: Same\ndate: 2026-02-05\ntags: [ai]\n---\n### Headline without source\n\nText.\n",
    });
    const text = check(dir).lines.join("\n");
    expect(text).toMatch(/warning: .*x\.md: title: inferred "Guessed title" from the first line of the body/);
    expect(text).toMatch(/warning: .*x\.md: lang: inferred "en" from the text/);
    expect(text).toMatch(/warning: .*a\.md: has no Chinese translation/);
    expect(text).toMatch(/warning: .*en\/weekly\/: week 2026-W06 has \d daily briefs but no weekly digest/);
    expect(text).toMatch(/warning: .*b\.md: title: "Same" is also the title of .*a\.md/);
    expect(text).toMatch(/warning: .*a\.md:6: news item has no source link/);
    expect(text).toMatch(/warning: .*b\.md:6: news item has no source link/);
    expect(text).toMatch(/warning: .*b\.md: tags: tag "ai" differs from "AI" \(.*a\.md\) only in case, width or spacing/);
    expect(text).not.toMatch(/a\.md:7: news item/);
  });

  it("warns about a series whose parts repeat, skip a number or are not numbers, naming the files", () => {
    const part = (n: string, date: string) => `---\ntitle: Part ${n}\ndate: ${date}\nseries: Agents\npart: ${n}\n---\nText.\n`;
    const dir = content({
      "en/deep-dive/a.md": part("1", "2026-02-02"),
      "en/deep-dive/b.md": part("3", "2026-02-03"),
      "en/deep-dive/c.md": part("3", "2026-02-04"),
    });
    const result = check(dir);
    expect(result.errors).toBe(0);
    const lines = result.lines.filter((l) => l.includes('series "Agents"'));
    expect(lines).toEqual([
      expect.stringMatching(/^warning: .*b\.md:4: part: part 3 of series "Agents" \(en\) is also part 3 of .*c\.md; give each post its own part number$/),
      expect.stringMatching(/^warning: .*c\.md:4: part: part 3 of series "Agents" \(en\) is also part 3 of .*b\.md/),
      expect.stringMatching(/^warning: .*c\.md:4: part: series "Agents" \(en\) has no part 2 \(parts go up to 3\)/),
    ]);
  });

  it("warns about a correction or an update dated after the build's moment", () => {
    const dir = content({ "en/daily/a.md": "---\ntitle: A\ndate: 2026-02-06\nupdated: 2099-02-07\n---\nText.\n" });
    const result = runCheck({ CONTENT_DIR: dir, OUTPUT_DIR: path.join(dir, "no-site"), BUILD_TIME: "2026-03-01" }, ROOT);
    expect(result.findings.map((f) => `${f.level}: ${formatProblem(f)}`)).toContainEqual(
      expect.stringMatching(/^warning: .*a\.md: updated: its last change \(updated or a correction\) is 2099-02-06T16:00:00\.000Z, after the build's moment 2026-02-28T16:00:00\.000Z; check the year$/),
    );
  });

  it("warns when a brief's item cites a page an earlier brief's item cites, naming both files and lines", () => {
    const dir = content({
      "zh/daily/2026-02-02-a.md": "---\ntitle: A\ndate: 2026-02-02\n---\n甲公司发布新模型\n说明：内容。\n来源：[报道](https://www.example.org/news/1)\n\n乙公司融资\n说明：内容。\n来源：[报道](https://example.org/news/2)\n",
      "zh/daily/2026-02-03-b.md": "---\ntitle: B\ndate: 2026-02-03\n---\n丙公司开源\n说明：内容。\n来源：[报道](https://example.org/news/3)\n\n甲公司新模型\n说明：内容。\n来源：[报道](http://example.org/news/1?utm_source=x)\n",
    });
    const lines = check(dir).lines.filter((l) => l.includes("same news twice"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: .*2026-02-03-b\.md:9: source: "甲公司新模型" cites example\.org\/news\/1, which .*2026-02-02-a\.md:5 \("甲公司发布新模型"\) already cites/);
  });

  it("checks the entity registry: its errors with file and line, unmentioned entities, needless exclusions, unregistered names", () => {
    const dir = content({
      "entities/orgs.yaml": "openai:\n  type: organization\n  name: OpenAI\nmeta:\n  type: organization\n  name: Meta\nbad:\n  type: org\n  name: Bad Co\n",
      "en/daily/a.md": "---\ntitle: A\ndate: 2026-02-04\nentities: [-meta]\n---\nOpenAI ships GPT-5.3-Codex.\n",
      "en/daily/b.md": "---\ntitle: B\ndate: 2026-02-05\n---\nGPT-5.3-Codex again.\n",
      "en/daily/c.md": "---\ntitle: C\ndate: 2026-02-06\n---\nStill GPT-5.3-Codex.\n",
    });
    const result = check(dir);
    const text = result.lines.join("\n");
    expect(result.errors).toBe(1);
    expect(text).toMatch(/error: .*entities\/orgs\.yaml:8: bad\.type: expected one of organization, model, product, person/);
    expect(text).toMatch(/warning: .*entities\/orgs\.yaml:4: meta: no post mentions it/);
    expect(text).toMatch(/warning: .*a\.md: entities: excludes "meta", which the post never mentions/);
    expect(text).toMatch(/note: .*[abc]\.md: entities: "GPT-5\.3-Codex" appears in 3 posts but is not in the registry/);
  });

  it("lists likely duplicate tags the tag registry does not merge yet, and the registry's errors with file and line", () => {
    const dir = content({
      "tags.yaml": "synonyms:\n  en:\n    Agents: Agent\n    Bots: Robots\n    Robots: Bots\n",
      "en/daily/a.md": "---\ntitle: A\ndate: 2026-02-04\ntags: [LLM, Agent]\n---\nx\n",
      "en/daily/b.md": "---\ntitle: B\ndate: 2026-02-05\ntags: [LLMs, Agents, ＡＩ]\n---\nx\n",
      "en/daily/c.md": "---\ntitle: C\ndate: 2026-02-06\ntags: [AI]\n---\nx\n",
    });
    const result = check(dir);
    const text = result.lines.join("\n");
    expect(result.errors).toBe(1);
    expect(text).toMatch(/error: .*tags\.yaml:4: synonyms\.en: "Bots" → "Robots" → "Bots" is a cycle of synonyms \(lines 4, 5\)/);
    expect(text).toMatch(/warning: .*b\.md: tags: tag "LLMs" looks like the plural of "LLM" \(.*a\.md\); they have two pages\. To make them one, add "LLMs: LLM" under synonyms: en: in .*tags\.yaml/);
    expect(text).toMatch(/warning: .*c\.md: tags: tag "AI" differs from "ＡＩ" \(.*b\.md\) only in case, width or spacing/);
    // Merged by the registry already: not a likely duplicate.
    expect(text).not.toMatch(/"Agents"/);
  });

  it("warns about a key set twice and a text in a third language, with their lines", () => {
    const spanish = "La inteligencia artificial avanza rápidamente en España. Los nuevos modelos de lenguaje compiten por el mercado europeo, y los reguladores preparan nuevas normas para proteger a los usuarios.";
    const dir = content({
      "en/daily/a.md": "---\ntitle: A\ndate: 2026-02-04\ntitle: B\n---\nx\n",
      "daily/c.md": `---\ntitle: Noticias\ndate: 2026-02-05\n---\n${spanish}\n`,
    });
    const text = check(dir).lines.join("\n");
    expect(text).toMatch(/warning: .*a\.md:4: title: is set twice \(lines 2 and 4\); the last value is used/);
    expect(text).toMatch(/warning: .*c\.md:1: lang: the text reads as Spanish, which is not a language of this site; it is published as English/);
  });

  it("exits cleanly with warnings only, and reports the real content without errors", () => {
    const result = runCheck({}, ROOT);
    expect(result.errors).toBe(0);
  });
});

describe("every error class of npm run check, with its message", () => {
  const fm = (extra: string, body = "Text.\n") => `---\ntitle: T\ndate: 2026-02-06\n${extra}\n---\n${body}`;
  const cases: [string, Record<string, string | Buffer>, RegExp][] = [
    ["YAML syntax", { "a.md": "---\ntitle: [x\n---\n" }, /a\.md:2: title: invalid YAML front matter: /],
    ["TOML syntax", { "a.md": '+++\ntitle = "x\n+++\n' }, /a\.md:2: title: invalid TOML front matter: /],
    ["unclosed front matter", { "a.md": "---\ntitle: x\n" }, /a\.md:1: front matter opened with "---" is never closed/],
    ["front matter that is a list", { "a.md": "---\n- a\n---\n" }, /a\.md:2: front matter must be a set of "key: value" fields, found a list/],
    ["wrong type", { "a.md": fm("draft: maybe") }, /a\.md:4: draft: expected true or false/],
    ["invalid date", { "a.md": "---\ntitle: T\ndate: 2026-13-01\n---\n" }, /a\.md:3: date: "2026-13-01" is not a valid date; expected YYYY-MM-DD/],
    ["missing date", { "a.md": "---\ntitle: T\n---\n" }, /a\.md:1: date: missing; add "date: YYYY-MM-DD" to the front matter/],
    ["another generator's syntax", { "a.md": fm("lang: en", "Text.\n\n{{< youtube abc >}}\n") }, /a\.md:8: body: Hugo shortcode "\{\{< youtube >\}\}" would be published as text; /],
    ["a cover whose file is not published", { "a.md": fm("lang: en\nimage: /img/bg.jpg") }, /a\.md:5: image: "\/img\/bg\.jpg": no file is published at \/img\/bg\.jpg; put the file in the content folder's media\/ /],
    ["an HTML image whose file is not published, at its own line", { "a.md": fm("lang: en", 'Intro.\n\n<p>\n<img src="./x.png" alt="x">\n</p>\n') }, /a\.md:9: image: "\.\/x\.png": the path is relative to the page/],
    ["an image on a paragraph's second line, at that line", { "a.md": fm("lang: en", "line a\nline b ![i](/media/none.png)\n") }, /a\.md:7: image: "\/media\/none\.png": no file is published at \/media\/none\.png/],
    ["an image whose file is not published", { "a.md": fm("lang: en", "![chart](./chart.png)\n") }, /a\.md:6: image: "\.\/chart\.png": the path is relative to the page, so it would load \/en\/daily\/2026-02-06-t\/chart\.png/],
    ["missing title", { "a.md": "---\ndate: 2026-02-06\n---\nNo heading.\n" }, /a\.md:4: title: missing; expected a "title" field, a first line "# Title", or a styled title line/],
    ["unknown kind", { "a.md": fm("kind: monthly") }, /a\.md:4: kind: "monthly" is not a kind of post; expected weekly, daily or deep-dive/],
    ["unknown language", { "a.md": fm("lang: fr") }, /a\.md:4: lang: "fr" is not a site language; expected zh or en/],
    ["invalid week", { "a.md": fm("week: 2026-W60") }, /a\.md:4: week: "2026-W60" is not an ISO week; expected YYYY-Www/],
    ["invalid schedule", { "a.md": fm("scheduled: next monday") }, /a\.md:4: scheduled: "next monday" is not a valid date/],
    ["invalid slug", { "a.md": fm("slug: Not A Slug") }, /a\.md:4: slug: "Not A Slug" is not a URL segment; expected lowercase ASCII/],
    ["unsafe cover", { "a.md": fm("cover: 'javascript:alert(1)'") }, /a\.md:4: cover: "javascript:alert\(1\)" is not an image URL/],
    ["invalid alias", { "a.md": fm("aliases: [weekly_news/x]") }, /a\.md:4: aliases: "weekly_news\/x" is not a path on this site; expected one starting with "\/"/],
    ["not UTF-8", { "a.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }, /a\.md: is not valid UTF-8 text; save the file as UTF-8/],
    ["two posts on one URL", { "a.md": fm("lang: en\nslug: same"), "b.md": fm("lang: en\nslug: same") }, /b\.md: slug: gives the URL \/en\/daily\/same\/, already used by .*a\.md/],
    ["an old URL claimed twice", { "a.md": fm("lang: en\nslug: a\naliases: [/old/]"), "b.md": fm("lang: en\nslug: b\naliases: [/old/]") }, /b\.md:6: aliases: \/old\/ already leads to \/en\/daily\/a\//],
    ["an old URL that is a page of the site", { "a.md": fm("lang: en\nslug: a\naliases: [/zh/]") }, /a\.md:6: aliases: \/zh\/ would overwrite zh\/index\.html \(homes: \/zh\/\); choose an old URL that no page or file of the site has/],
    ["an old URL under an asset", { "a.md": fm("lang: en\nslug: a\naliases: [/assets/site.css/]") }, /a\.md:6: aliases: \/assets\/site\.css\/ would be written inside assets\/site\.css, which is a file \(assets: \/assets\/site\.css\)/],
    ["an old URL that climbs out of the site", { "a.md": fm("lang: en\nslug: a\naliases: [/old/../../x/]") }, /a\.md:6: aliases: "\/old\/\.\.\/\.\.\/x\/" has a "\." or "\.\." segment, which leads outside the site/],
    ["a translation key on two posts of one language", { "a.md": fm("lang: en\nslug: a\ntranslationKey: k"), "b.md": fm("lang: en\nslug: b\ntranslationKey: k") }, /translationKey: pairs with .*, which has the same language/],
    ["two tags on one URL", { "a.md": fm("lang: en\nslug: a\ntags: [AI/ML]"), "b.md": fm("lang: en\nslug: b\ntags: [AI.ML]") }, /tags: tag "AI\.ML" would share the URL of tag "AI\/ML"/],
    ["a relative link to nowhere", { "a.md": fm("lang: en", "See [x](../nowhere).\n") }, /a\.md:6: link: "\.\.\/nowhere" leads to no page/],
    ["a week link to a week without posts", { "a.md": fm("lang: en", "See [W01](../weekly_news/ai_news_2020-W01).\n") }, /a\.md:6: link: links to week 2020-W01 .*which has no posts/],
  ];

  it.each(cases)("%s", (_, files, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), "check-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const result = check(dir);
    expect(result.errors).toBeGreaterThanOrEqual(1);
    expect(result.lines.filter((l) => l.startsWith("error: ")).join("\n")).toMatch(expected);
  });

  it("a broken link in the built site", () => {
    const dir = content({ "en/daily/a.md": fm("lang: en\nslug: a") });
    const site = path.join(dir, "site");
    mkdirSync(path.join(site, "en"), { recursive: true });
    writeFileSync(path.join(site, "index.html"), '<a href="/en/">en</a><a href="/en/gone/#x">gone</a>');
    writeFileSync(path.join(site, "en/index.html"), "<h1 id=top>en</h1>");
    const result = runCheck({ CONTENT_DIR: dir, OUTPUT_DIR: site }, ROOT);
    expect(result.linksChecked).toBe(true);
    expect(result.findings.map((f) => `${f.level}: ${formatProblem(f)}`)).toContain(`error: ${site}/: link: /en/gone/#x lands on no page`);
  });
});

/**
 * Pathological input stays linear. Every input of scripts/pathological.ts (runs of one
 * delimiter, nesting 1,000 deep, a 1 MB line, 10,000 front-matter keys, 1 MB of front matter,
 * a title of 100,000 characters, …) goes through the build's entry points, normalizePost then
 * renderBody, and ends with a Post or with problems that name the file: never an exception,
 * never a stack overflow. No time is asserted here: speed targets live in `npm run bench`,
 * whose "pathological input" table gives each input's time per MB beside a real post's.
 *
 * The regressions below are the superlinear paths this found, each fixed where it was.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/content/frontmatter.ts";
import { moneyAmounts } from "../../src/markdown/news-items.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { PATHOLOGICAL_INPUTS, pathologicalTargets, processPost, type PathologicalInput } from "../../scripts/pathological.ts";

const targets = pathologicalTargets();
const inputNamed = (name: string) => PATHOLOGICAL_INPUTS.find((input) => input.name === name)!;
const run = (input: PathologicalInput, bytes = input.bytes) => processPost(input.build(bytes), input.contentPath, targets);

describe("pathological input ends with a post or named problems", () => {
  it.each(PATHOLOGICAL_INPUTS.map((input) => [input.name, input] as const))("%s", (name, input) => {
    const { post, rendered, problems } = run(input);
    const file = `content/${input.contentPath}`;
    if (post) {
      expect(post.title.trim(), name).not.toBe("");
      expect(rendered?.html, name).toEqual(expect.any(String));
    } else expect(problems.length, `${name}: neither a post nor problems`).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file, name).toBe(file);
      expect(problem.message.trim(), name).not.toBe("");
    }
  });
});

describe("regressions: what was superlinear, and still reads the same", () => {
  it("a # title line with a long run of spaces (a cubic regex) gives its title", () => {
    expect(run(inputNamed("run of spaces inside a # title line")).post?.title).toBe("a b");
  });

  it("a title of 100,000 characters stays whole", () => {
    expect(run(inputNamed("a title of 100,000 characters")).post?.title.length).toBeGreaterThanOrEqual(100_000);
  });

  it("a run of digits in a news item (a regex tried at every digit) holds no sum of money, and sums still count", () => {
    expect(moneyAmounts("1".repeat(200_000))).toEqual([]);
    expect(moneyAmounts("融资 12.5 亿美元，另一笔 3亿美元；$500 million and €2bn, not $20")).toEqual(["12.5亿美元", "3亿美元", "$500million", "€2bn"]);
  });

  it("unclosed comments, processing instructions and CDATA in a paragraph stay text", () => {
    for (const name of ["</ then a run of <!--", "run of <?", "run of <![CDATA[", "run of <!--a---> (never closed)"]) {
      const html = run(inputNamed(name), 2_000).rendered!.html;
      expect(html, name).not.toMatch(/<!|<\?/);
    }
    // Closed ones are still raw HTML (and so sanitized away).
    expect(renderMarkdown("x <!-- a --> c <? d ?> e", { siteOrigin: "https://example.com" })).toBe("<p>x  c  e</p>\n");
  });

  it("identical headings get the ids they always had: a, a-1, a-2, …", () => {
    const { rendered } = run(inputNamed("identical headings"), 2_000);
    const ids = [...rendered!.html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.slice(0, 3)).toEqual(["同一个标题", "同一个标题-1", "同一个标题-2"]);
    expect(new Set(ids).size).toBe(ids.length);
    // A heading whose own text ends like a suffix takes the next free one.
    const html = renderMarkdown("## a\n\n## a 1\n\n## a\n\n## a\n", { siteOrigin: "https://example.com" });
    expect([...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1])).toEqual(["a", "a-1", "a-2", "a-3"]);
  });

  it("10,000 old URLs that are not paths: a problem each, on the line of aliases", () => {
    const { problems } = run(inputNamed("10,000 old URLs that are not paths"));
    expect(problems.length).toBeGreaterThan(10_000);
    expect(new Set(problems.map((p) => p.line))).toEqual(new Set([4]));
  });

  it("long YAML front matter (its keys checked in linear time) warns about a repeated key as short front matter does", () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `key${i}: ${i}`).join("\n");
    const long = parseSource(`---\ntitle: x\n${keys}\ntitle: y\n---\nbody\n`);
    const short = parseSource("---\ntitle: x\ntitle: y\n---\nbody\n");
    expect(long).toMatchObject({ data: { title: "y" }, warnings: [{ line: 2_003, field: "title", message: expect.stringContaining("(lines 2 and 2003)") }] });
    expect(short).toMatchObject({ data: { title: "y" }, warnings: [{ line: 3, field: "title", message: expect.stringContaining("(lines 2 and 3)") }] });
    expect(parseSource(`---\ntitle: x\n${keys}\n---\nbody\n`)).toMatchObject({ data: { title: "x", key1999: 1999 } });
  });
});

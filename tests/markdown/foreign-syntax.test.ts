import { describe, expect, it } from "vitest";
import { foreignSyntaxIn, type ForeignSyntax } from "../../src/markdown/foreign-syntax.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";

/** What the render finds, and (the same) what the render-less check finds. */
function found(body: string): ForeignSyntax[] {
  const foreignSyntax: ForeignSyntax[] = [];
  renderMarkdown(body, { siteOrigin: "https://example.com" }, { foreignSyntax });
  expect(foreignSyntaxIn(body)).toEqual(foreignSyntax);
  return foreignSyntax;
}
const lines = (body: string) => found(body).map((f) => [f.line, f.syntax]);

describe("foreign syntax", () => {
  it.each([
    ["{{< youtube abc >}}", 'Hugo shortcode "{{< youtube >}}"'],
    ["{{< /details >}}", 'Hugo shortcode "{{< /details >}}"'],
    ["{{% notice tip %}}", 'Hugo shortcode "{{% notice %}}"'],
    ["{{</* figure src=a.png */>}}", 'Hugo escaped shortcode "{{</* figure */>}}"'],
    ["{% highlight ruby %}", 'Liquid tag "{% highlight %}"'],
    ["{% post_url 2010-07-21-name %}", 'Liquid tag "{% post_url %}"'],
    ["{% include note.html %}", 'Liquid tag "{% include %}"'],
    ["{% asset_img a.jpg Caption %}", 'Hexo tag "{% asset_img %}"'],
    ["{{ site.baseurl }}/assets/a.png", 'Liquid output "{{ site.baseurl }}"'],
    ["{{ page.title }}", 'Liquid output "{{ page.title }}"'],
    ['{{ "/about/" | relative_url }}', 'Liquid output "{{ … | relative_url }}"'],
    ["{{ '/a.png' | absolute_url }}", 'Liquid output "{{ … | absolute_url }}"'],
    ["{{ .Title }}", 'Hugo template "{{ .Title }}"'],
    ['{{ youtube(id="x") }}', 'Zola shortcode "{{ youtube(…) }}"'],
    ["{% note() %}", 'Zola shortcode "{% note(…) %}"'],
    ["{% end %}", 'Zola shortcode end "{% end %}"'],
    ["[the post](@/blog/post.md#part)", 'Zola internal link "@/blog/post.md#part"'],
    ["{:toc}", 'kramdown TOC marker "{:toc}"'],
    ["Para\n{: .class}", 'kramdown attribute list "{: .class}"'],
    ["A line {:.lead}", 'kramdown attribute list "{:.lead}"'],
    ["{::options parse_block_html=\"true\" /}", 'kramdown extension "{::options}"'],
    ["::: tip", 'container "::: tip"'],
    [":::note[Title]", 'container "::: note"'],
    ["::: details Click me", 'container "::: details"'],
    [":::", 'container ":::"'],
    ["::::", 'container "::::"'],
    ["import Tabs from '@theme/Tabs';", "MDX import line: import Tabs from '@theme/Tabs';"],
    ['import { Chart } from "../components";', 'MDX import line: import { Chart } from "../components";'],
    ["export const meta = { title: 'x' };", "MDX export line: export const"],
    ["<Tabs>", 'MDX component "<Tabs>"'],
    ['<TabItem value="a">', 'MDX component "<TabItem>"'],
    ['Watch <YouTube id="x" /> now.', 'MDX component "<YouTube>"'],
    ["</Tabs>", 'MDX component "</Tabs>"'],
    ["{/* c */}", 'MDX comment "{/* … */}"'],
    ["[TOC]", 'TOC marker "[TOC]"'],
    ["[[toc]]", 'TOC marker "[[toc]]"'],
    ["[[TOC]]", 'TOC marker "[[TOC]]"'],
    ["${toc}", 'TOC marker "${toc}"'],
    ["A claim[^9] with no note.", 'footnote reference "[^9]" without a definition'],
  ])("finds %s", (body, syntax) => {
    const findings = found(body);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.syntax).toBe(syntax);
    expect(findings[0]!.advice).toMatch(/^[^\n]+$/);
  });

  it("gives each finding its line in the body, inside paragraphs, lists, quotes, tables, definitions and HTML", () => {
    const body = [
      "# Title", // 0
      "", // 1
      "First line of a paragraph", // 2
      "then {{< figure src=a.png >}} on its second", // 3
      "and {{ site.baseurl }} on its third.", // 4
      "", // 5
      "- item", // 6
      "- item {% post_url x %}", // 7
      "", // 8
      "> [!NOTE]", // 9
      "> {{< youtube abc >}}", // 10
      "", // 11
      "| a | b |", // 12
      "|---|---|", // 13
      "| x | {{% notice %}} |", // 14
      "", // 15
      "Term", // 16
      ": {:toc}", // 17
      "", // 18
      '<div class="card">', // 19
      '<img src="{{ site.baseurl }}/a.png">', // 20
      "</div>", // 21
      "", // 22
      "Note[^1].", // 23
      "", // 24
      "[^1]: See {% link a.md %}.", // 25
    ].join("\n");
    expect(lines(body)).toEqual([
      [3, 'Hugo shortcode "{{< figure >}}"'],
      [4, 'Liquid output "{{ site.baseurl }}"'],
      [7, 'Liquid tag "{% post_url %}"'],
      [10, 'Hugo shortcode "{{< youtube >}}"'],
      [14, 'Hugo shortcode "{{% notice %}}"'],
      [17, 'kramdown TOC marker "{:toc}"'],
      [20, 'Liquid output "{{ site.baseurl }}"'],
      [25, 'Liquid tag "{% link %}"'],
    ]);
  });

  it("reports each occurrence once, in order", () => {
    expect(lines("{% raw %}{{ page.title }}{% endraw %} and {{< x >}}{{< x >}}\n\n::: tip\ntext\n:::\n")).toEqual([
      [0, 'Liquid tag "{% raw %}"'],
      [0, 'Liquid output "{{ page.title }}"'],
      [0, 'Liquid tag "{% endraw %}"'],
      [0, 'Hugo shortcode "{{< x >}}"'],
      [0, 'Hugo shortcode "{{< x >}}"'],
      [2, 'container "::: tip"'],
      [4, 'container ":::"'],
    ]);
  });

  it("advises converting the post or rewriting it as Markdown", () => {
    const [figure] = found("{{< figure src=a.png >}}");
    expect(figure!.advice).toContain('"npm run import"');
    expect(figure!.advice).toContain("![alt](src)");
    expect(figure!.advice).toContain("`code`");
    expect(found("::: warning\nx\n:::")[0]!.advice).toContain("[!NOTE]");
    expect(found("[TOC]")[0]!.advice).toContain("table of contents");
    expect(found("x[^9]")[0]!.advice).toContain('"[^9]: …"');
  });

  it("ignores everything in code: spans, fenced and indented blocks, <code> and <pre>", () => {
    const body = [
      "Write `{{< youtube abc >}}`, ``{% highlight %} and `{{ site.url }}` ``, `::: tip`, `[TOC]` and `<Tabs>`.",
      "",
      "```",
      "{{< figure >}}",
      "{% raw %}",
      "::: tip",
      "<Tabs>",
      "import Tabs from '@theme/Tabs';",
      "```",
      "",
      "    {{< indented >}}",
      "    ::: tip",
      "",
      "Inline <code>{{< x >}}</code> and <!-- {{< hidden >}} -->.",
      "",
      "<pre><code>{% highlight ruby %}",
      "{{ page.title }}",
      "</code></pre>",
    ].join("\n");
    expect(found(body)).toEqual([]);
  });

  it("ignores what only looks foreign: prose braces, templates of prompts, lower-case and upper-case HTML, Chinese colons", () => {
    const body = [
      'A set {a, b} and {"a": {"b": 1}} as JSON, a prompt with {{name}} or {{ user_input }}.',
      "",
      "<details><summary>More</summary><span>hidden</span></details>",
      "",
      "A [normal link](https://example.com/x) and a defined note[^1].",
      "",
      "[^1]: The note.",
      "",
      "中文：：：内容 and a:::b in a sentence ::: like this.",
      "",
      "Anthropic 发布 <Claude 3.5 Sonnet>，回顾 <OpenAI DevDay 2024>；scores formatted with {:.2f}.",
      "",
      "Regexes [^a-z], [^A-Za-z0-9] and [^\\s] in prose, and an escaped \\[^2].",
      "",
      "Generic List<T>, old <B>bold</B> and <DIV>x</DIV>.",
      "",
      "import tariffs from China are rising",
      "",
      "export controls on chips",
      "",
      "- import x from 'y'",
      "",
      "Escaped \\{{< x >}} and \\{% y %} and \\{:toc}.",
      "",
      "The 100% {%} sign, {:a 1} in Clojure.",
      "",
      "## Heading {#custom-id}",
      "",
      "> [!TIP]",
      "> A GitHub alert.",
    ].join("\n");
    expect(found(body)).toEqual([]);
  });

  it("collects nothing when the env does not ask", () => {
    expect(() => renderMarkdown("{{< x >}}", { siteOrigin: "https://example.com" })).not.toThrow();
  });

  it("stays linear on hostile input: 200 KB of openers that never close", () => {
    const pieces = ["{{< ", "{% ", "{{ site.x ", "{: .a ", ":::\n", "[^", "<Tabs ", "`", "``", "<code ", "{/* ", "import a from "];
    let body = "";
    for (let i = 0; body.length < 200_000; i++) body += pieces[i % pieces.length];
    const findings = found(body);
    expect(findings.every((f) => f.line >= 0)).toBe(true);
    expect(found(":::\n".repeat(10_000))).toHaveLength(10_000);
    // An import line with a long run of spaces, and a capitalized tag with many spaces, read once each.
    expect(found(`import${" ".repeat(50_000)}x from 'y'`)).toHaveLength(1);
    expect(found(`<Tabs${" ".repeat(50_000)}x`)).toEqual([]);
  });
});

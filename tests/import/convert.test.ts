import { describe, expect, it } from "vitest";
import { convertBody, type ConversionNote, type ConvertContext, type Reference } from "../../src/import/convert.ts";

const POSTS: Record<string, string> = {
  "posts/other.md": "/en/posts/other/",
  "posts/second.md": "/en/posts/second/",
  "2010-07-21-name-of-post": "/en/posts/name-of-post/",
  "_posts/2016-07-26-name-of-post.md": "/en/posts/name-of-post/",
  "hexo-4-released": "/en/posts/hexo-4-released/",
  "lorem-ipsum": "/en/posts/lorem-ipsum/",
};
const IMAGES: Record<string, string> = {
  "zion.jpg": "/images/zion/zion.jpg",
  "example.jpg": "/images/hexo/example.jpg",
  "pic.png": "/images/p/pic.png",
  "photo.jpg": "/images/z/photo.jpg",
  "./diagram.png": "/images/m/diagram.png",
  "/assets/a.png": "/images/a.png",
  "/assets/b.png": "/images/b.png",
};
const LINKS: Record<string, string> = {
  "../other.md": "/en/posts/other/",
  "@/blog/other.md": "/en/posts/other/",
  "/2020/01/x.html": "/en/posts/x/",
};

function convert(body: string, mdx = false) {
  const asked: Reference[] = [];
  const context: ConvertContext = {
    resolve(ref) {
      // Lines are asserted on their own below.
      asked.push({ ...ref, line: undefined } as Reference);
      if (ref.kind === "post") return POSTS[ref.name];
      return ref.kind === "image" ? IMAGES[ref.url] : LINKS[ref.url];
    },
  };
  return { ...convertBody(body, context, { mdx }), asked };
}

const at = (notes: ConversionNote[]) => notes.map((n) => [n.line, n.syntax]);
const lines = (...text: string[]) => text.join("\n");

const HUGO = lines(
  'Intro: {{< relref "posts/other.md" >}} and [part two]({{< ref "posts/second.md#part" >}}).',
  "",
  '{{< figure src="zion.jpg" alt="Zion" caption="Zion *National* Park" link="https://www.nps.gov/zion/" >}}',
  "",
  "{{< youtube w7Ft2ymGmfc >}}",
  '{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}',
  "",
  '{{% notice tip "Pro tip" %}}',
  "Use **bold** text.",
  "{{% /notice %}}",
  "",
  '{{< highlight go "linenos=table,hl_lines=2" >}}',
  "func main() {",
  '\tfmt.Println("{{< youtube x >}}")',
  "}",
  "{{< /highlight >}}",
  "",
  "```go",
  '// {{< youtube kept >}} and {{</* figure src="x" */>}}',
  "```",
  "",
  'Author: {{< param "author" >}}.',
);

const JEKYLL = lines(
  "* TOC",
  "{:toc}",
  "",
  "## Setup",
  "{: #setup}",
  "",
  "Read [the previous post]({% post_url 2010-07-21-name-of-post %}), [an older one]({{ site.baseurl }}{% post_url 2009-01-01-gone %}) and [the archive]({{ site.baseurl }}/2020/01/x.html).",
  "",
  '![Diagram]({{ "/assets/a.png" | relative_url }}){: .center}',
  '<img src="{{ site.baseurl }}/assets/b.png" alt="B">',
  "",
  "{% highlight ruby linenos %}",
  "def foo",
  "  puts '{{ not liquid }}'",
  "end",
  "{% endhighlight %}",
  "",
  '{% include note.html content="This is my sample note." %}',
  '{% include custom.html param="value" %}',
  "{% comment %}",
  "Hidden {{ x }}",
  "{% endcomment %}",
  "Title: {{ page.title }}",
  "",
  "```liquid",
  "{% raw %}{{ page.title }}{% endraw %}",
  "```",
  "",
  "Inline: {% raw %}{{ x }}{% endraw %}.",
  "{% gist parkr/c08ee0f2726fd0e3909d %}",
);

const HEXO = lines(
  "{% blockquote David Levithan, Wide Awake %}",
  "Do not just seek happiness for yourself.",
  "{% endblockquote %}",
  "",
  "{% codeblock _.compact http://underscorejs.org/#compact Underscore.js %}",
  "_.compact([0, 1, false, 2, '', 3]);",
  "{% endcodeblock %}",
  "",
  "{% code lang:objc mark:1 %}",
  "[rectangle setX: 10];",
  "{% endcode %}",
  "",
  "{% asset_img example.jpg This is an example image %}",
  "",
  "See {% post_link hexo-4-released 'Hexo 4 <b>released</b>' %} and [Lorem]({% post_path lorem-ipsum %}), not {% post_link hexo-9 %}.",
  "",
  "{% youtube lJIrF4YjHfQ %}",
  "{% youtube PLxyz 'playlist' %}",
  "",
  "{% note warning Heads up %}",
  "Careful **here**.",
  "{% endnote %}",
  "{% include_code lang:javascript test.js %}",
);

const ZOLA = lines(
  "See [the other post](@/blog/other.md) and [a missing one](@/blog/missing.md#intro).",
  "",
  '{{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}',
  "",
  '{% note(header="Note!") %}',
  "Body with [a link](@/blog/other.md).",
  "{% end %}",
  "",
  '{% quote(author="Vincent") %}',
  "A quote",
  "{% end %}",
  "",
  "{{ image(src='photo.jpg', alt=\"A photo\") }}",
  "{{ chart(data=[1, 2]) }}",
);

const VUEPRESS = lines(
  "::: tip",
  "This is a tip.",
  ":::",
  "",
  "::: danger STOP",
  "Danger zone, do not proceed",
  ":::",
  "",
  "::: details Click me to view the code {open}",
  "```js",
  "console.log('Hello, VitePress!')",
  "```",
  ":::",
  "",
  "- list item",
  "  ::: warning",
  "  In a list",
  "  :::",
  "",
  "::: code-group",
  "```js [config.js]",
  "a",
  "```",
  ":::",
  "",
  "::: custom-thing",
  "Hmm",
  ":::",
  "",
  "[[toc]]",
  "",
  "The end.",
);

const DOCUSAURUS = lines(
  ":::note[Your Title **with** some _Markdown_]",
  "",
  "Some **content** with _Markdown_ `syntax`.",
  "",
  ":::",
  "",
  "::::info Parent",
  "",
  "Parent content",
  "",
  ":::danger Child",
  "",
  "Child content",
  "",
  ":::",
  "",
  "::::",
  "",
  ":::caution",
  "Old style",
  ":::",
);

const MDX = lines(
  "import Tabs from '@theme/Tabs';",
  "import TabItem from '@theme/TabItem';",
  "export const meta = {",
  "  title: 'x',",
  "};",
  "",
  "# Title",
  "",
  "{/* truncate */}",
  "",
  "Intro{/* inline */} text with{' '}space.",
  "",
  '<YouTube id="dQw4w9WgXcQ" />',
  "",
  '<Admonition type="tip" title="Heads up">',
  "  Indented content in JSX.",
  "</Admonition>",
  "",
  "<Tabs>",
  '  <TabItem value="apple" label="Apple" default>',
  "    This is an apple",
  "  </TabItem>",
  '  <TabItem value="orange" label="Orange">',
  "    ```js",
  "    const x = 1;",
  "    ```",
  "  </TabItem>",
  "</Tabs>",
  "",
  '<img src="./diagram.png" alt="Diagram" />',
  "",
  '<Highlight color="#25c2a0">Docusaurus green</Highlight>',
  "",
  "Value: {frontMatter.title}",
  "",
  "<TOCInline toc={toc} />",
  "",
  '<CodeBlock language="jsx">',
  "{`const a = {b: 1};`}",
  "</CodeBlock>",
);

describe("Hugo shortcodes", () => {
  it("converts figure, youtube, tweet, notice, highlight and relref, and leaves param", () => {
    const result = convert(HUGO);
    expect(result.body).toBe(
      lines(
        "Intro: /en/posts/other/ and [part two](/en/posts/second/#part).",
        "",
        '<figure><a href="https://www.nps.gov/zion/"><img src="/images/zion/zion.jpg" alt="Zion"></a><figcaption>Zion <em>National</em> Park</figcaption></figure>',
        "",
        "[▶ YouTube: w7Ft2ymGmfc](https://www.youtube.com/watch?v=w7Ft2ymGmfc)",
        "",
        "[X post by @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418)",
        "",
        "> [!TIP] Pro tip",
        "> Use **bold** text.",
        "",
        "```go",
        "func main() {",
        '\tfmt.Println("{{< youtube x >}}")',
        "}",
        "```",
        "",
        "```go",
        '// {{< youtube kept >}} and {{< figure src="x" >}}',
        "```",
        "",
        'Author: {{< param "author" >}}.',
      ),
    );
    expect(at(result.converted)).toEqual([
      [1, "Hugo relref"],
      [1, "Hugo ref"],
      [3, "Hugo figure"],
      [3, "Hugo figure"],
      [5, "Hugo youtube"],
      [6, "Hugo tweet"],
      [8, "Hugo notice"],
      [12, "Hugo highlight"],
      [19, "Hugo escaped shortcode"],
    ]);
    expect(result.converted.find((n) => n.syntax === "Hugo highlight")?.message).toContain('options "linenos=table,hl_lines=2" dropped');
    expect(result.attention).toEqual([{ line: 22, syntax: "Hugo param", message: 'replace it with the value of the "author" parameter.' }]);
  });

  it("reads positional and named arguments, quoted either way or bare, with both delimiters, over several lines", () => {
    for (const body of ["{{< figure src='pic.png' alt=Pic >}}", '{{% figure src="pic.png" alt="Pic" %}}', "{{<figure src=pic.png alt='Pic'/>}}", '{{< figure\n  src="pic.png"\n  alt="Pic"\n>}}']) {
      expect(convert(body).body).toBe("![Pic](/images/p/pic.png)");
    }
    expect(convert('{{< youtube id="0RKpf3rK57I" title="Launch" start=30 >}}').body).toBe("[▶ YouTube: Launch](https://www.youtube.com/watch?v=0RKpf3rK57I&t=30s)");
    expect(convert("{{< vimeo 55073825 >}}").body).toBe("[▶ Vimeo: 55073825](https://vimeo.com/55073825)");
    expect(convert('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}').body).toBe("[X post by @SanDiegoZoo](https://x.com/SanDiegoZoo/status/1453110110599868418)");
    expect(convert("{{< tweet 877500564405444608 >}}").body).toBe("[X post 877500564405444608](https://x.com/i/status/877500564405444608)");
    expect(convert('{{< gist spf13 7896402 "img.html" >}}').body).toBe("[GitHub Gist: spf13/7896402 (img.html)](https://gist.github.com/spf13/7896402#file-img-html)");
    expect(convert("{{< bilibili BV1Sx411T7QQ >}}").body).toBe("[▶ bilibili: BV1Sx411T7QQ](https://www.bilibili.com/video/BV1Sx411T7QQ)");
    expect(convert("{{< bilibili id=BV1Sx411T7QQ p=3 >}}").body).toBe("[▶ bilibili: BV1Sx411T7QQ](https://www.bilibili.com/video/BV1Sx411T7QQ?p=3)");
    expect(convert("{{< instagram BWNjjyYFxVx >}}").body).toBe("[Instagram: BWNjjyYFxVx](https://www.instagram.com/p/BWNjjyYFxVx/)");
  });

  it("turns a figure's title and attribution into its caption, and a plain one into a Markdown image", () => {
    expect(convert('{{< figure src="/x.png" title="Steve" attr="Photo" attrlink="https://a.example" >}}').body).toBe(
      '<figure><img src="/x.png" alt="Steve"><figcaption><strong>Steve</strong> <a href="https://a.example">Photo</a></figcaption></figure>',
    );
    expect(convert('{{< figure src="/x.png" alt="A" link="https://a.example" >}}').body).toBe("[![A](/x.png)](https://a.example)");
  });

  it("converts details, admonition, alert and hint themes, and keeps unknown shortcodes with their content converted", () => {
    expect(convert('{{< details summary="See the details" open=true >}}\nThis is a **bold** word.\n{{< /details >}}').body).toBe(
      "<details open><summary>See the details</summary>\n\nThis is a **bold** word.\n\n</details>",
    );
    expect(convert('{{< admonition type=warning title="Careful" >}}\nBody\n{{< /admonition >}}').body).toBe("> [!WARNING] Careful\n> Body");
    expect(convert('{{% alert title="Note" color="danger" %}}\nBody\n{{% /alert %}}').body).toBe("> [!CAUTION] Note\n> Body");
    expect(convert("{{< hint info >}}\nBody\n{{< /hint >}}").body).toBe("> [!NOTE]\n> Body");
    const unknown = convert("{{< tabs >}}\n{{< youtube abc >}}\n{{< /tabs >}}");
    expect(unknown.body).toBe("{{< tabs >}}\n\n[▶ YouTube: abc](https://www.youtube.com/watch?v=abc)\n\n{{< /tabs >}}");
    expect(at(unknown.attention)).toEqual([[1, "Hugo tabs"]]);
    expect(at(unknown.converted)).toEqual([[2, "Hugo youtube"]]);
  });

  it("keeps an escaped shortcode outside code, and notes it", () => {
    const result = convert("Write {{</* youtube id */>}} to embed.");
    expect(result.body).toBe("Write {{</* youtube id */>}} to embed.");
    expect(result.attention[0]!.message).toBe("shows {{< youtube id >}} literally: put it in a code span (`{{< youtube id >}}`) or a code block.");
  });

  it("notes an opener without its closer", () => {
    const result = convert("{{% notice info %}}\nnever closed");
    expect(result.body).toBe("{{% notice info %}}\nnever closed");
    expect(result.attention).toEqual([{ line: 1, syntax: "Hugo notice", message: "no closing {{% /notice %}} found: add it where the block ends, or remove the opening tag." }]);
  });
});

describe("Jekyll and Liquid", () => {
  it("converts the TOC, attribute lists, post_url, site.baseurl, relative_url, highlight, include, comment, raw and gist", () => {
    const result = convert(JEKYLL);
    expect(result.body).toBe(
      lines(
        "## Setup {#setup}",
        "",
        "Read [the previous post](/en/posts/name-of-post/), [an older one]({{ site.baseurl }}{% post_url 2009-01-01-gone %}) and [the archive](/en/posts/x/).",
        "",
        "![Diagram](/images/a.png)",
        '<img src="/images/b.png" alt="B">',
        "",
        "```ruby",
        "def foo",
        "  puts '{{ not liquid }}'",
        "end",
        "```",
        "",
        "> [!NOTE]",
        "> This is my sample note.",
        "",
        '{% include custom.html param="value" %}',
        "Title: {{ page.title }}",
        "",
        "```liquid",
        "{{ page.title }}",
        "```",
        "",
        "Inline: `{{ x }}`.",
        "",
        "[GitHub Gist: parkr/c08ee0f2726fd0e3909d](https://gist.github.com/parkr/c08ee0f2726fd0e3909d)",
      ),
    );
    expect(at(result.attention)).toEqual([
      [7, "Jekyll post_url"],
      [19, "Jekyll include custom.html"],
      [23, "Liquid output"],
    ]);
    expect(result.attention[0]!.message).toContain('post "2009-01-01-gone" not found');
    expect(at(result.converted)).toEqual([
      [1, "kramdown TOC"],
      [5, "kramdown attribute list"],
      [7, "Jekyll post_url"],
      [7, "Liquid URL"],
      [9, "Liquid URL"],
      [9, "kramdown attribute list"],
      [10, "Liquid URL"],
      [12, "Jekyll highlight"],
      [18, "Jekyll include note.html"],
      [20, "Liquid comment"],
      [26, "Liquid raw"],
      [26, "Liquid raw"],
      [29, "Liquid raw"],
      [30, "Liquid gist"],
    ]);
  });

  it("converts link, Minimal Mistakes' figure and video includes, and removes span attribute lists", () => {
    expect(convert("{% link _posts/2016-07-26-name-of-post.md %}").body).toBe("/en/posts/name-of-post/");
    expect(convert('{% include figure image_path="/assets/a.png" alt="A" caption="Cap" %}').body).toBe('<figure><img src="/images/a.png" alt="A"><figcaption>Cap</figcaption></figure>');
    expect(convert('{% include video id="XsxDH4HcOWA" provider="youtube" %}').body).toBe("[▶ YouTube: XsxDH4HcOWA](https://www.youtube.com/watch?v=XsxDH4HcOWA)");
    expect(convert("{% include embed/bilibili.html id='BV1Q44y1B7Wf' %}").body).toBe("[▶ bilibili: BV1Q44y1B7Wf](https://www.bilibili.com/video/BV1Q44y1B7Wf)");
    expect(convert('[Link](https://example.com){:target="_blank"} and more').body).toBe("[Link](https://example.com) and more");
    expect(convert("A lead paragraph. {:.lead}").body).toBe("A lead paragraph.");
    expect(convert("# Title {: #custom}").body).toBe("# Title {#custom}");
    expect(convert('{::options parse_block_html="true" /}\n\nText').body).toBe("Text");
  });

  it("unwraps raw blocks, keeping their template syntax literal as code, and removes kramdown comments", () => {
    const raw = convert(lines("{% raw %}", "Use {{ page.title }} here.", "```", "{{ y }}", "```", "{% endraw %}"));
    expect(raw.body).toBe(lines("Use `{{ page.title }}` here.", "```", "{{ y }}", "```"));
    expect(at(raw.converted)).toEqual([[1, "Liquid raw"]]);
    expect(convert("Before\n\n{::comment}\nHidden [x](../other.md)\n{:/comment}\n\nAfter").body).toBe("Before\n\nAfter");
    expect(convert("{::nomarkdown}\n<div>raw</div>\n{:/nomarkdown}").body).toBe("<div>raw</div>");
    expect(convert("{% # a Liquid comment %}Text").body).toBe("Text");
  });

  it("leaves Liquid logic and unknown tags, each with what to do", () => {
    const result = convert("{% assign x = 1 %}\n{% if x %}Yes{% endif %}\n{% mytag a %}");
    expect(result.body).toBe("{% assign x = 1 %}\n{% if x %}Yes{% endif %}\n{% mytag a %}");
    expect(at(result.attention)).toEqual([
      [1, "Liquid assign"],
      [2, "Liquid if"],
      [2, "Liquid endif"],
      [3, "Liquid mytag"],
    ]);
    expect(result.attention.every((n) => /^[^\n]+\.$/.test(n.message))).toBe(true);
  });
});

describe("Hexo tag plugins", () => {
  it("converts blockquote, codeblock, code, asset_img, post_link, post_path, youtube and note", () => {
    const result = convert(HEXO);
    expect(result.body).toBe(
      lines(
        "> Do not just seek happiness for yourself.",
        ">",
        "> — David Levithan, *Wide Awake*",
        "",
        "*_.compact* ([Underscore.js](http://underscorejs.org/#compact))",
        "",
        "```",
        "_.compact([0, 1, false, 2, '', 3]);",
        "```",
        "",
        "```objc",
        "[rectangle setX: 10];",
        "```",
        "",
        '![This is an example image](/images/hexo/example.jpg "This is an example image")',
        "",
        "See [Hexo 4 &lt;b&gt;released&lt;/b&gt;](/en/posts/hexo-4-released/) and [Lorem](/en/posts/lorem-ipsum/), not {% post_link hexo-9 %}.",
        "",
        "[▶ YouTube: lJIrF4YjHfQ](https://www.youtube.com/watch?v=lJIrF4YjHfQ)",
        "",
        "[▶ YouTube: PLxyz](https://www.youtube.com/playlist?list=PLxyz)",
        "",
        "> [!WARNING] Heads up",
        "> Careful **here**.",
        "",
        "{% include_code lang:javascript test.js %}",
      ),
    );
    expect(at(result.attention)).toEqual([
      [15, "Hexo post_link"],
      [23, "Hexo include_code"],
    ]);
    expect(result.attention[0]!.message).toBe('post "hexo-9" not found: import it too, or replace the tag with its link.');
    expect(result.converted.find((n) => n.syntax === "Hexo code")?.message).toBe('became a fenced code block (objc); options "mark:1" dropped');
  });

  it("reads img's classes, size, title and alt, and a link tag's URL", () => {
    expect(convert("{% img [class names] /x.png 200 100 '\"title text\" \"alt text\"' %}").body).toBe('![alt text](/x.png "title text")');
    expect(convert('{% asset_img "spaced asset.jpg" "spaced title" %}').body).toBe('![spaced title](<spaced asset.jpg> "spaced title")');
    expect(convert("{% link Hexo site https://hexo.io true My title %}").body).toBe('[Hexo site](https://hexo.io "My title")');
    expect(convert("{% blockquote Seth Godin http://sethgodin.typepad.com/welcome.html Welcome %}\nQuote\n{% endblockquote %}").body).toBe(
      "> Quote\n>\n> — Seth Godin, [Welcome](http://sethgodin.typepad.com/welcome.html)",
    );
    expect(convert("{% vimeo 82090131 %}").body).toBe("[▶ Vimeo: 82090131](https://vimeo.com/82090131)");
  });

  it("asks the editor for the title of a post_link written without one", () => {
    const result = convert("{% post_link lorem-ipsum %}");
    expect(result.body).toBe("[lorem-ipsum](/en/posts/lorem-ipsum/)");
    expect(at(result.attention)).toEqual([[1, "Hexo post_link"]]);
  });
});

describe("Zola shortcodes", () => {
  it("converts youtube(), note() … end, quote(), image() and @/ links, and leaves the unknown", () => {
    const result = convert(ZOLA);
    expect(result.body).toBe(
      lines(
        "See [the other post](/en/posts/other/) and [a missing one](@/blog/missing.md#intro).",
        "",
        "[▶ YouTube: dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        "",
        "> [!NOTE] Note!",
        "> Body with [a link](/en/posts/other/).",
        "",
        "> A quote",
        ">",
        "> — Vincent",
        "",
        "![A photo](/images/z/photo.jpg)",
        "",
        "{{ chart(data=[1, 2]) }}",
      ),
    );
    expect(at(result.attention)).toEqual([
      [1, "Zola internal link"],
      [14, "Zola chart"],
    ]);
    expect(result.attention[0]!.message).toBe('"@/blog/missing.md#intro" was not found: import that post too, or change the link.');
  });

  it("converts details() and admonition() body shortcodes, with their arguments", () => {
    expect(convert('{% details(summary="More") %}\nHidden\n{% end %}').body).toBe("<details><summary>More</summary>\n\nHidden\n\n</details>");
    expect(convert('{% admonition(type="danger", title="Stop") %}\nNo\n{% end %}').body).toBe("> [!CAUTION] Stop\n> No");
    expect(convert("{% alert(tip=true) %}\nYes\n{% end %}").body).toBe("> [!TIP]\n> Yes");
  });

  it("converts a Zola escape in code and keeps it outside", () => {
    const result = convert('```\n{{/* youtube(id="x") */}}\n```\n\n{%/* note() */%}');
    expect(result.body).toBe('```\n{{ youtube(id="x") }}\n```\n\n{%/* note() */%}');
    expect(at(result.converted)).toEqual([[2, "Zola escaped shortcode"]]);
    expect(at(result.attention)).toEqual([[5, "Zola escaped shortcode"]]);
  });
});

describe("containers", () => {
  it("turns VuePress and VitePress containers into alerts and details, with titles", () => {
    const result = convert(VUEPRESS);
    expect(result.body).toBe(
      lines(
        "> [!TIP]",
        "> This is a tip.",
        "",
        "> [!CAUTION] STOP",
        "> Danger zone, do not proceed",
        "",
        "<details open><summary>Click me to view the code</summary>",
        "",
        "```js",
        "console.log('Hello, VitePress!')",
        "```",
        "",
        "</details>",
        "",
        "- list item",
        "",
        "  > [!WARNING]",
        "  > In a list",
        "",
        "```js [config.js]",
        "a",
        "```",
        "",
        "::: custom-thing",
        "Hmm",
        ":::",
        "",
        "The end.",
      ),
    );
    expect(at(result.converted)).toEqual([
      [1, "VuePress container"],
      [5, "VuePress container"],
      [9, "VuePress container"],
      [16, "VuePress container"],
      [20, "VuePress container"],
      [30, "TOC marker"],
    ]);
    expect(result.attention).toEqual([
      { line: 26, syntax: "VuePress container", message: 'unknown container "custom-thing": replace it with Markdown (an alert, a quote) or remove its ::: lines.' },
    ]);
  });

  it("turns Docusaurus admonitions into alerts, with [titles], legacy titles and nesting by colons (an inner one as a labelled quote)", () => {
    expect(convert(DOCUSAURUS).body).toBe(
      lines(
        "> [!NOTE] Your Title with some _Markdown_",
        "> Some **content** with _Markdown_ `syntax`.",
        "",
        "> [!NOTE] Parent",
        "> Parent content",
        ">",
        "> > **Caution: Child**",
        "> > Child content",
        "",
        "> [!WARNING]",
        "> Old style",
      ),
    );
  });

  it("maps admonition types to the five alerts", () => {
    const type = (name: string) => /\[!(\w+)\]/.exec(convert(`:::${name}\nx\n:::`).body)?.[1];
    expect(["tip", "note", "info", "warning", "caution", "danger", "error", "important", "success"].map(type)).toEqual([
      "TIP",
      "NOTE",
      "NOTE",
      "WARNING",
      "WARNING",
      "CAUTION",
      "CAUTION",
      "IMPORTANT",
      "TIP",
    ]);
  });
});

describe("MDX", () => {
  it("drops imports, exports and comments, converts known components and leaves unknown ones with their line", () => {
    const result = convert(MDX, true);
    expect(result.body).toBe(
      lines(
        "# Title",
        "",
        "Intro text with space.",
        "",
        "[▶ YouTube: dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        "",
        "> [!TIP] Heads up",
        "> Indented content in JSX.",
        "",
        "**Apple**",
        "",
        "This is an apple",
        "",
        "**Orange**",
        "",
        "```js",
        "const x = 1;",
        "```",
        "",
        "![Diagram](/images/m/diagram.png)",
        "",
        '<Highlight color="#25c2a0">Docusaurus green</Highlight>',
        "",
        "Value: {frontMatter.title}",
        "",
        "```jsx",
        "const a = {b: 1};",
        "```",
      ),
    );
    expect(at(result.attention)).toEqual([
      [32, "MDX <Highlight>"],
      [34, "MDX expression"],
    ]);
    expect(at(result.converted)).toEqual([
      [1, "MDX import"],
      [9, "MDX comment"],
      [11, "MDX comment"],
      [11, "MDX expression"],
      [13, "MDX <YouTube>"],
      [15, "MDX <Admonition>"],
      [19, "MDX <Tabs>"],
      [20, "MDX <TabItem>"],
      [23, "MDX <TabItem>"],
      [30, "MDX <img>"],
      [30, "MDX <img>"],
      [36, "MDX <TOCInline>"],
      [38, "MDX <CodeBlock>"],
    ]);
  });

  it("converts embed components by their usual props", () => {
    expect(convert('<Tweet tweetLink="jack/status/20" />', true).body).toBe("[X post by @jack](https://x.com/jack/status/20)");
    expect(convert('<LiteYouTubeEmbed id="abc" title="Demo" />', true).body).toBe("[▶ YouTube: Demo](https://www.youtube.com/watch?v=abc)");
    expect(convert('<Gist gistLink="user/123" />', true).body).toBe("[GitHub Gist: user/123](https://gist.github.com/user/123)");
    const expression = convert("<img src={require('./a.png').default} />", true);
    expect(at(expression.attention)).toEqual([[1, "MDX <img>"]]);
  });

  it("leaves href and src expressions for the editor", () => {
    const result = convert("<a href={useBaseUrl('/x')}>X</a>", true);
    expect(result.body).toBe("<a href={useBaseUrl('/x')}>X</a>");
    expect(result.attention).toEqual([{ line: 1, syntax: "HTML link", message: "its href is an expression ({useBaseUrl('/x')}): write the URL instead." }]);
  });

  it("reads import-like lines as text outside MDX", () => {
    const result = convert("import this sentence\n\nexport more", false);
    expect(result.body).toBe("import this sentence\n\nexport more");
    expect(result.converted).toEqual([]);
  });
});

describe("links and images", () => {
  it("passes every relative or root-relative destination to the resolver and replaces only the destination", () => {
    const result = convert(
      lines(
        '[Title link](../other.md "The title") ![img](pic.png \'A pic\') [mail](mailto:a@b.c) [frag](#x) [abs](https://a.b/c) [kept](kept.md)',
        '<a href="../other.md" title="x">Other</a> <img src="pic.png" alt="P"> <a href="https://a.b">ext</a>',
        "",
        '[ref]: ../other.md "Ref title"',
      ),
    );
    expect(result.body).toBe(
      lines(
        '[Title link](/en/posts/other/ "The title") ![img](/images/p/pic.png \'A pic\') [mail](mailto:a@b.c) [frag](#x) [abs](https://a.b/c) [kept](kept.md)',
        '<a href="/en/posts/other/" title="x">Other</a> <img src="/images/p/pic.png" alt="P"> <a href="https://a.b">ext</a>',
        "",
        '[ref]: /en/posts/other/ "Ref title"',
      ),
    );
    expect(result.asked).toEqual([
      { kind: "link", url: "../other.md" },
      { kind: "image", url: "pic.png" },
      { kind: "link", url: "kept.md" },
      { kind: "link", url: "../other.md" },
      { kind: "image", url: "pic.png" },
      { kind: "link", url: "../other.md" },
    ]);
    expect(result.attention).toEqual([]);
  });

  it("tells the resolver the line of each link and image, for its messages", () => {
    const lines: (number | undefined)[] = [];
    convertBody("text\n\n![a](./a.png)\n\nsee [b](../b/)\n", { resolve: (ref) => void lines.push("line" in ref ? ref.line : undefined) });
    expect(lines).toEqual([3, 5]);
  });

  it("resolves a destination wrapped in template tags as one reference", () => {
    const asked = (body: string) => convert(body).asked;
    expect(asked("[t]({{ site.baseurl }}/2020/01/x.html)")).toEqual([{ kind: "link", url: "/2020/01/x.html" }]);
    expect(asked('![a]({{ "/assets/a.png" | relative_url }})')).toEqual([{ kind: "image", url: "/assets/a.png" }]);
    expect(asked("[t]({{ site.baseurl }}{% post_url 2010-07-21-name-of-post %})")).toEqual([{ kind: "post", name: "2010-07-21-name-of-post", syntax: "Jekyll post_url" }]);
    expect(asked("[t]({% post_url 2010-07-21-name-of-post %}#usage)")).toEqual([{ kind: "post", name: "2010-07-21-name-of-post", syntax: "Jekyll post_url" }]);
    expect(asked('[t]({{< relref "posts/other.md" >}})')).toEqual([{ kind: "post", name: "posts/other.md", syntax: "Hugo relref" }]);
    expect(asked("[t]({{< ref \"#anchor\" >}})")).toEqual([]);
    expect(convert("[t]({% post_url 2010-07-21-name-of-post %}#usage)").body).toBe("[t](/en/posts/name-of-post/#usage)");
    expect(convert("[t]({{< ref \"#anchor\" >}})").body).toBe("[t](#anchor)");
    expect(convert("[t]({{ page.url }}/x)").attention[0]!.message).toBe("{{ page.url }} in a destination cannot be worked out: write the real URL instead.");
  });
});

describe("code", () => {
  it("never touches fenced code, indented code or code spans", () => {
    const body = lines(
      "Text `{{< youtube a >}}` and ``{% post_url x %}`` and `[x](../other.md)`.",
      "",
      "```",
      "{{< youtube b >}}",
      "{% highlight x %}",
      "::: tip",
      "[x](../other.md)",
      "```",
      "",
      "    {{< youtube c >}}",
      "    ::: tip",
      "",
      "~~~~",
      "{% include a.html %}",
      "<YouTube id=\"x\" />",
      "~~~~",
    );
    const result = convert(body);
    expect(result.body).toBe(body);
    expect(result.converted).toEqual([]);
    expect(result.attention).toEqual([]);
    expect(result.asked).toEqual([]);
  });

  it("keeps a code-block tag's content byte for byte, with a fence longer than any inside", () => {
    const code = "```\nnested fence\n```\n  trailing spaces  \n\n{{< youtube x >}}";
    const result = convert(`{% highlight md %}\n${code}\n{% endhighlight %}`);
    expect(result.body).toBe(`\`\`\`\`md\n${code}\n\`\`\`\``);
  });

  it("makes a code-block tag inside a line an inline code span", () => {
    expect(convert("Run {{< highlight sh >}}npm test{{< /highlight >}} now.").body).toBe("Run `npm test` now.");
  });
});

describe("conversion", () => {
  it("is idempotent", () => {
    for (const [body, mdx] of [
      [HUGO, false],
      [JEKYLL, false],
      [HEXO, false],
      [ZOLA, false],
      [VUEPRESS, false],
      [DOCUSAURUS, false],
      [MDX, true],
    ] as const) {
      const once = convert(body, mdx).body;
      const twice = convert(once, mdx);
      expect(twice.body).toBe(once);
      expect(twice.converted).toEqual([]);
    }
  });

  it("reports lines of the original body, with Windows line breaks too", () => {
    const result = convert("first\r\n\r\n{{< youtube a >}}\r\n\r\n{{< param x >}}\r\n");
    expect(result.body).toBe("first\n\n[▶ YouTube: a](https://www.youtube.com/watch?v=a)\n\n{{< param x >}}\n");
    expect(at(result.converted)).toEqual([[3, "Hugo youtube"]]);
    expect(at(result.attention)).toEqual([[5, "Hugo param"]]);
  });

  it("completes on long inputs full of openers without closers", () => {
    const garbage = [
      "{{<{%".repeat(20000),
      "{{< x {% y [a]( <a b=\"{{ {: ::: `".repeat(4000),
      "{{% notice %}}\n".repeat(3000),
      "::: tip\n".repeat(3000),
      "<Tabs>{/*{a".repeat(5000),
    ].join("\n");
    for (const mdx of [false, true]) {
      const result = convertBody(garbage, { resolve: () => undefined }, { mdx });
      expect(result.body.length).toBeGreaterThan(0);
    }
  });
});

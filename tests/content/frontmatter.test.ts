import { describe, expect, it } from "vitest";
import { parseSource, splitFrontMatter } from "../../src/content/frontmatter.ts";
import { seedFiles, seedSource } from "../helpers/seeds.ts";

describe("splitFrontMatter", () => {
  it("tells YAML, TOML and no front matter apart on every seed", () => {
    const formats = seedFiles().map((name) => {
      const split = splitFrontMatter(seedSource(name));
      if ("message" in split) throw new Error(split.message);
      return split.format;
    });
    expect(formats).toEqual(["yaml", "yaml", "yaml", "none", "toml"]);
  });

  it("keeps the body byte for byte, CRLF included, and drops only the BOM", () => {
    const source = "\uFEFF---\r\ntitle: x\r\n---\r\n# x\r\n\r\nbody\r\n";
    const split = splitFrontMatter(source);
    expect(split).toMatchObject({ format: "yaml", body: "# x\r\n\r\nbody\r\n", bodyLine: 4 });
  });

  it("reports a front matter block that is never closed", () => {
    expect(splitFrontMatter("---\ntitle: x\nbody")).toMatchObject({ line: 1, message: expect.stringContaining("never closed") });
  });
});

describe("parseSource", () => {
  it("keeps YAML dates as written so the site time zone decides the day", () => {
    const parsed = parseSource("---\ndate: 2026-02-06\n---\n");
    expect(parsed).toMatchObject({ data: { date: "2026-02-06" } });
  });

  it("reads TOML dates as ISO strings", () => {
    const parsed = parseSource(seedSource("004_7a071d55055ae9fc.txt"));
    expect(parsed).toMatchObject({ format: "toml", data: { date: "2026-02-10T05:11:00.000Z", draft: false } });
  });

  it("names the line and field of a YAML syntax error", () => {
    const parsed = parseSource("---\ntitle: x\ntags: [AI, Agents\n---\nbody\n");
    expect(parsed).toMatchObject({ line: 3, field: "tags", message: expect.stringMatching(/^invalid YAML front matter: /) });
  });

  it("names the line and field of a TOML syntax error", () => {
    const parsed = parseSource('+++\ntitle = "x"\ndate = \n+++\nbody\n');
    expect(parsed).toMatchObject({ line: 3, field: "date", message: expect.stringMatching(/^invalid TOML front matter: /) });
  });

  it("keeps the last of a key set twice, as Hugo and Jekyll do, and warns with both lines", () => {
    expect(parseSource("---\ntitle: a\ndate: 2016-03-12\ntitle: b\n---\n")).toMatchObject({
      data: { title: "b" },
      warnings: [{ line: 4, field: "title", message: "is set twice (lines 2 and 4); the last value is used, as Hugo and Jekyll do; remove the other line" }],
    });
  });

  it("reads Hexo's front matter without the opening ---, with its lines", () => {
    const parsed = parseSource("title: Hello\ndate: 2013/7/13 20:46:25\ntitle: Again\n---\nBody\n");
    expect(parsed).toMatchObject({ format: "yaml", data: { title: "Again", date: "2013/7/13 20:46:25" }, body: "Body\n", bodyLine: 5, matterLine: 1 });
    expect(parsed).toMatchObject({ warnings: [{ line: 3, message: expect.stringContaining("lines 1 and 3") }] });
    expect(parseSource("title: x\ndate: [\n---\nbody")).toMatchObject({ line: 2, field: "date" });
  });

  it("never reads a first paragraph followed by a thematic break as Hexo fields", () => {
    for (const source of ["Note: the week was busy\n\n---\nmore\n", "summary: a\nsecond line of prose\n---\n", "tags: x\n---\n"]) {
      expect(parseSource(source)).toMatchObject({ format: "none", data: {} });
    }
  });

  it("rejects front matter that is a list rather than fields", () => {
    expect(parseSource("---\n- a\n- b\n---\n")).toMatchObject({ message: expect.stringContaining("found a list") });
  });
});

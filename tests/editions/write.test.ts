import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeEditionFiles } from "../../src/editions/write.ts";

const ours = (text: string) => `<!doctype html><html><head><meta name="generator" content="npm run edition"></head><body>${text}</body></html>`;
const project = () => {
  const root = mkdtempSync(path.join(tmpdir(), "editions-"));
  mkdirSync(path.join(root, "content"));
  return root;
};
const options = (root: string) => ({ root, contentDir: "content" });

describe("writing an edition's files", () => {
  it("writes generated names into the out folder and replaces what an earlier run wrote", () => {
    const root = project();
    const files = [{ name: "zh-x.email.html", text: ours("one") }, { name: "zh-x.email.txt", text: "one" }];
    expect(writeEditionFiles(path.join(root, "editions"), files, options(root))).toEqual({ written: ["editions/zh-x.email.html", "editions/zh-x.email.txt"] });
    const again = [{ name: "zh-x.email.html", text: ours("two") }, { name: "zh-x.email.txt", text: "two" }];
    expect(writeEditionFiles(path.join(root, "editions"), again, options(root)).error).toBeUndefined();
    expect(readFileSync(path.join(root, "editions/zh-x.email.txt"), "utf8")).toBe("two");
  });

  it("never writes over a file an earlier run did not write, and then writes nothing", () => {
    const root = project();
    mkdirSync(path.join(root, "editions"));
    writeFileSync(path.join(root, "editions/zh-x.wechat.html"), "<p>the editor's own copy</p>");
    const result = writeEditionFiles(path.join(root, "editions"), [{ name: "zh-x.wechat.html", text: ours("new") }], options(root));
    expect(result.error).toBe("editions/zh-x.wechat.html exists and was not written by npm run edition; move it or choose another --out; nothing was written");
    expect(readFileSync(path.join(root, "editions/zh-x.wechat.html"), "utf8")).toBe("<p>the editor's own copy</p>");
    writeFileSync(path.join(root, "editions/en-y.email.txt"), "notes");
    const pair = writeEditionFiles(path.join(root, "editions"), [{ name: "en-y.email.html", text: ours("new") }, { name: "en-y.email.txt", text: "new" }], options(root));
    expect(pair.error).toContain("editions/en-y.email.txt exists and was not written by npm run edition");
    expect(() => readFileSync(path.join(root, "editions/en-y.email.html"))).toThrow();
  });

  it("refuses the project root, the content folder and names it does not generate", () => {
    const root = project();
    expect(writeEditionFiles(root, [{ name: "zh-x.email.txt", text: "" }], options(root)).error).toMatch(/^--out \. would put editions among the project's own files/);
    expect(writeEditionFiles(path.join(root, "content/zh"), [{ name: "zh-x.email.txt", text: "" }], options(root)).error).toMatch(/^--out content\/zh would put/);
    expect(writeEditionFiles(path.join(root, "out"), [{ name: "post.md", text: "" }], options(root)).error).toBe("post.md is not a name npm run edition writes; nothing was written");
    expect(writeEditionFiles(path.join(root, "out"), [{ name: "zh-../../x.email.txt", text: "" }], options(root)).error).toMatch(/is not a name npm run edition writes/);
  });
});

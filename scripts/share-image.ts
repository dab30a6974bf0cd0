/**
 * node --import tsx scripts/share-image.ts [--out assets/share.png] [--html out.html]
 *
 * Renders the site's default link-preview image (1200×630 PNG) with headless Chromium from a
 * small HTML page: the site name in both languages, the tagline, the three kinds. Names come
 * from src/config.ts and the UI strings, colours from the light tokens of assets/site.css,
 * fonts from the machine (Noto Sans CJK SC; nothing is fetched). Run it again after changing
 * any of those and commit the PNG. Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { KINDS, site } from "../src/config.ts";
import { t } from "../src/i18n/strings.ts";
import { DEFAULT_SHARE_IMAGE } from "../src/pages/metadata.ts";
import { lightTokens } from "../src/share/card.ts";

export { lightTokens };

const ROOT = path.resolve(import.meta.dirname, "..");

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The HTML page the image is a screenshot of. */
export function shareImageHtml(css: string): string {
  const c = lightTokens(css);
  const kindVar = (kind: string) => (kind === "deep-dive" ? "deep" : kind);
  const { width, height } = DEFAULT_SHARE_IMAGE;
  const font = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
  const badges = KINDS.map(
    (kind) =>
      `<li style="color:${c[`${kindVar(kind)}-fg`]};background:${c[`${kindVar(kind)}-bg`]}">${escape(t("zh", `kind.${kind}`))} <span lang="en">${escape(t("en", `kind.${kind}`))}</span></li>`,
  ).join("");
  const stripe = KINDS.map((kind) => `<span style="background:${c[kindVar(kind)]}"></span>`).join("");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<style>
  * { box-sizing: border-box; margin: 0; padding: 0; }
  html, body { width: ${width}px; height: ${height}px; overflow: hidden; }
  body { font-family: ${font}; background: ${c.bg}; color: ${c.text}; position: relative; }
  .stripe { position: absolute; inset: 0 0 auto 0; height: 16px; display: flex; }
  .stripe span { flex: 1; }
  .panel { position: absolute; inset: 16px 0 0 0; padding: 92px 96px 0; background: linear-gradient(180deg, ${c.bg} 0%, ${c.surface} 100%); }
  .mark { display: inline-flex; align-items: center; justify-content: center; width: 88px; height: 88px; border-radius: 20px;
    background: ${c.accent}; color: ${c["on-accent"]}; font-size: 40px; font-weight: 700; letter-spacing: 0.5px; }
  h1 { margin-top: 40px; font-size: 92px; line-height: 1.1; font-weight: 700; letter-spacing: -0.5px; }
  h1 .dot { color: ${c.accent}; margin: 0 -0.12em; }
  .zh { margin-top: 28px; font-size: 42px; line-height: 1.35; color: ${c["text-soft"]}; }
  .en { margin-top: 10px; font-size: 30px; line-height: 1.35; color: ${c.muted}; }
  ul { position: absolute; left: 96px; bottom: 64px; display: flex; gap: 18px; list-style: none; }
  li { font-size: 28px; font-weight: 700; padding: 10px 24px; border-radius: 999px; }
  li span { font-weight: 400; }
</style>
</head>
<body>
<div class="stripe">${stripe}</div>
<div class="panel">
  <div class="mark" lang="en">AI</div>
  <h1>${escape(site.title.zh)}<span class="dot">·</span><span lang="en">${escape(site.title.en)}</span></h1>
  <p class="zh">${escape(site.description.zh)}</p>
  <p class="en" lang="en">${escape(site.description.en)}</p>
  <ul>${badges}</ul>
</div>
</body>
</html>
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, html: { type: "string" } } });
  const out = path.resolve(ROOT, values.out ?? `.${DEFAULT_SHARE_IMAGE.src}`);
  const html = shareImageHtml(readFileSync(path.join(ROOT, "assets/site.css"), "utf8"));
  if (values.html) writeFileSync(path.resolve(values.html), html);
  const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(
    (file): file is string => !!file && existsSync(file),
  );
  if (!executablePath) throw new Error("no Chromium found: install chromium and fonts-noto-cjk, or set CHROMIUM_PATH");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"] });
  try {
    const { width, height } = DEFAULT_SHARE_IMAGE;
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    // Nothing may come from the network: the image uses the machine's fonts only.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, type: "png", clip: { x: 0, y: 0, width, height } });
    console.log(`wrote ${path.relative(ROOT, out)} (${width}×${height})`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

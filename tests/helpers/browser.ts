/**
 * Browser tests: find a Chromium, serve a built site over HTTP on 127.0.0.1, drive it with
 * playwright-core. Without a Chromium the browser test files skip and say so.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { seedBuild, type BuildRun } from "./build.ts";
import { ROOT } from "./seeds.ts";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The first Chromium found (CHROMIUM_PATH first), or undefined. */
export const chromiumPath: string | undefined = candidates.find((file): file is string => !!file && existsSync(file));

/** Prints one plain line when the browser tests of a file will be skipped. */
export function warnIfNoChromium(): void {
  if (!chromiumPath) console.warn("browser tests skipped: no Chromium found (install chromium and fonts-noto-cjk, or set CHROMIUM_PATH)");
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface SiteServer {
  /** http://127.0.0.1:<port> without a trailing slash. */
  origin: string;
  url: (pathname: string) => string;
  close: () => Promise<void>;
}

/** Serves a built site folder like a static host: directory → index.html, else /404.html with status 404. */
export async function serveSite(dir: string): Promise<SiteServer> {
  const root = path.resolve(dir);
  const fileFor = (pathname: string): string | undefined => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const file = path.join(root, path.normalize(decoded));
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    if (!existsSync(file)) return undefined;
    if (statSync(file).isDirectory()) {
      const index = path.join(file, "index.html");
      return existsSync(index) ? index : undefined;
    }
    return file;
  };
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const file = fileFor(pathname);
    // A folder without its slash gets one, as static hosts do.
    if (file && !pathname.endsWith("/") && file.endsWith(`${path.sep}index.html`) && !pathname.endsWith("index.html")) {
      response.writeHead(301, { location: `${pathname}/` });
      response.end();
      return;
    }
    const notFound = path.join(root, "404.html");
    const served = file ?? (existsSync(notFound) ? notFound : undefined);
    if (!served) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("not found");
      return;
    }
    const body = readFileSync(served);
    response.writeHead(file ? 200 : 404, { "content-type": contentType(served), "content-length": body.length, "cache-control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error("no Chromium found");
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/** axe-core's source, injected into pages as a script. */
export const axeSource = (): string => readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/**
 * Records console errors, uncaught page errors and failed requests (status >= 400 or
 * network failure) of the site's own origin. Requests to other origins (remote images)
 * are ignored: tests run offline. Navigations that are expected to be 404 can be allowed.
 */
export function watchProblems(page: Page, origin: string, allow: (url: string, status: number) => boolean = () => false): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  const own = (url: string) => url.startsWith(`${origin}/`);
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location().url;
    // Chromium logs failed loads of remote resources as console errors: those are not ours.
    if (location && !own(location)) return;
    problems.consoleErrors.push(`${message.text()} (${location || page.url()})`);
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(`uncaught: ${error.message} (${page.url()})`));
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "failed";
    // ERR_ABORTED is a load the page itself cancelled (a click navigated away mid-load); a missing file is an HTTP status below.
    if (own(request.url()) && error !== "net::ERR_ABORTED") problems.failedRequests.push(`${request.url()}: ${error}`);
  });
  page.on("response", (response) => {
    if (own(response.url()) && response.status() >= 400 && !allow(response.url(), response.status())) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  return problems;
}

/**
 * A new context at a width and colour scheme that can inject axe under any
 * Content-Security-Policy. Requests to other origins are aborted at once, so remote images
 * neither slow the tests nor depend on the network.
 */
export async function newContext(
  browser: Browser,
  origin: string,
  options: { width: number; colorScheme?: "light" | "dark" },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.width < 600 ? 844 : 900 },
    colorScheme: options.colorScheme ?? "light",
    bypassCSP: true,
    reducedMotion: "reduce",
  });
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  return context;
}

export interface LiveSite {
  build: BuildRun;
  server: SiteServer;
  browser: Browser;
  close: () => Promise<void>;
}

/** Serves the test run's build of the blog's own content (as `npm run build` wrote it) and starts Chromium. */
export async function startSite(): Promise<LiveSite> {
  const build = seedBuild();
  if (build.code !== 0) throw new Error(`build failed (exit ${build.code}):\n${build.stderr}`);
  const server = await serveSite(build.outDir);
  const browser = await launchBrowser();
  return {
    build,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageType {
  /** Short name used in test titles and screenshot files. */
  name: string;
  /** Page URL per language; a language without such a page is left out. */
  urls: Partial<Record<"zh" | "en", string>>;
}

/** One page of every page type of the seed content, per language. */
export const PAGE_TYPES: PageType[] = [
  { name: "home", urls: { zh: "/zh/", en: "/en/" } },
  { name: "kind-list", urls: { zh: "/zh/weekly/", en: "/en/weekly/" } },
  {
    name: "post-weekly",
    urls: { zh: "/zh/weekly/2026-w06-di-yi-zhou-quan-qiu-ke-ji-yu-ai-xin-wen-zhou-bao/", en: "/en/weekly/2026-w06-global-tech-and-ai-news/" },
  },
  { name: "post-daily", urls: { zh: "/zh/daily/2026-02-06-ai-hang-ye-dong-tai/" } },
  // The long brief: 8 sections, 24 items, a cover, the editor's own summary.
  { name: "post-daily-long", urls: { zh: "/zh/daily/2026-02-06-ai-jia-gou-tu-po-yu-ruan-jian-gu-zhen-dang/" } },
  { name: "post-deep-dive", urls: { zh: "/zh/deep-dive/2026-02-10-ai-ji-shu-shen-du-ri-bao/" } },
  { name: "week-hub", urls: { zh: "/zh/weeks/2026-w06/", en: "/en/weeks/2026-w06/" } },
  { name: "tag", urls: { zh: "/zh/tags/ai/", en: "/en/tags/ai/" } },
  { name: "tag-index", urls: { zh: "/zh/tags/", en: "/en/tags/" } },
  { name: "author", urls: { zh: "/zh/authors/jeremy/", en: "/en/authors/jeremy/" } },
  { name: "archive", urls: { zh: "/zh/archive/", en: "/en/archive/" } },
  { name: "topic-index", urls: { zh: "/zh/topics/", en: "/en/topics/" } },
  // OpenAI is mentioned in both languages; Qwen only in Chinese, so its English page points there.
  { name: "topic", urls: { zh: "/zh/topics/openai/", en: "/en/topics/qwen/" } },
  { name: "search", urls: { zh: "/zh/search/?q=智能体", en: "/en/search/?q=Claude" } },
  { name: "feeds", urls: { zh: "/zh/feeds/", en: "/en/feeds/" } },
  { name: "404", urls: { zh: "/zh/404.html", en: "/en/404.html" } },
  // The bilingual page a static host serves for any unknown address.
  { name: "404-root", urls: { zh: "/404.html" } },
];

/** Every (language, page type, URL) of PAGE_TYPES. */
export function pagesOf(types: PageType[] = PAGE_TYPES): { lang: "zh" | "en"; name: string; url: string }[] {
  return types.flatMap((type) =>
    (["zh", "en"] as const).flatMap((lang) => (type.urls[lang] ? [{ lang, name: type.name, url: type.urls[lang]! }] : [])),
  );
}

/** Opens a page and waits until it is settled: loaded, fonts ready, search results shown on a search page. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  const { pathname, searchParams } = new URL(page.url());
  // On a search, assets/search.js writes the status line (the count, or that nothing was found) once the results are in.
  if (pathname.endsWith("/search/") && (searchParams.get("q") || searchParams.get("entity"))) await page.locator(".search-status:not(:empty)").waitFor();
  await page.evaluate("document.fonts.ready.then(() => true)");
}

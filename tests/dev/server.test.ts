import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isNetworkHost } from "../../src/dev/server.ts";
import { ROOT } from "../helpers/seeds.ts";

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(2000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.connect(port, host);
  });
}

/** This machine's first address other devices could use, if it has one. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill();
  server = undefined;
});

/** Runs `npm start`'s command on one draft post; resolves once the server listens, with what it printed. */
async function startDevServer(env: Record<string, string>): Promise<{ port: number; output: () => string }> {
  const content = mkdtempSync(path.join(tmpdir(), "dev-content-"));
  mkdirSync(path.join(content, "en/daily"), { recursive: true });
  writeFileSync(path.join(content, "en/daily/unpublished.md"), "---\ntitle: Unpublished news\ndate: 2026-03-02\ndraft: true\n---\nNot yet.\n");
  const port = await freePort();
  let output = "";
  server = spawn(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--serve"], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: mkdtempSync(path.join(tmpdir(), "dev-site-")), PORT: String(port), ...env },
  });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!/Server at/.test(output)) {
    if (server.exitCode !== null || Date.now() - started > 60_000) throw new Error(`the dev server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, output: () => output };
}

describe("the dev server", () => {
  it("treats only loopback names as this machine", () => {
    expect(["localhost", "127.0.0.1", "::1", "[::1]", "LOCALHOST"].map(isNetworkHost)).toEqual([false, false, false, false, false]);
    expect(["0.0.0.0", "::", "192.168.1.5", "my-laptop"].map(isNetworkHost)).toEqual([true, true, true, true]);
  });

  it("shows drafts on this machine only, unless DEV_HOST opts in with a warning", { timeout: 120_000 }, async () => {
    const local = await startDevServer({});
    expect(await accepts("127.0.0.1", local.port)).toBe(true);
    if (networkAddress) expect(await accepts(networkAddress, local.port)).toBe(false);
    expect(local.output()).not.toContain("visible to every device");
    // The editor's desk is a page of the dev server, drafts included; a build never writes it.
    const desk = await (await fetch(`http://127.0.0.1:${local.port}/_desk/`)).text();
    expect(desk).toContain("<h1>Editor's desk</h1>");
    server!.kill();

    const shared = await startDevServer({ DEV_HOST: "0.0.0.0" });
    expect(shared.output()).toContain("warning: the dev server listens on 0.0.0.0: drafts and scheduled posts are visible to every device that can reach this machine");
    if (networkAddress) expect(await accepts(networkAddress, shared.port)).toBe(true);
  });
});

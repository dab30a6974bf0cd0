import EleventyDevServer from "@11ty/eleventy-dev-server";
import type UserConfig from "@11ty/eleventy/UserConfig";

/** Addresses that reach this machine only. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);

export interface DevServerOptions {
  /** The interface the dev server listens on (DEV_HOST); default: this machine only. */
  host: string;
  /** Its port (PORT): the pages' absolute URLs name it, so it is taken or the server stops. */
  port: number;
}

/** Whether a dev server on `host` can be reached from other devices. */
export const isNetworkHost = (host: string) => !LOOPBACK.has(host.toLowerCase().replace(/^\[|\]$/g, ""));

/**
 * The dev server shows drafts and scheduled posts, so it listens on localhost unless the
 * editor names another interface. Eleventy's dev server (2.1.2, pinned) has no host option:
 * it listens on every interface. Its one listen call is replaced here.
 */
export function devServerPlugin(eleventyConfig: UserConfig, { host, port }: DevServerOptions): void {
  eleventyConfig.setServerOptions({ port, portReassignmentRetryCount: 0 });
  const proto = EleventyDevServer.prototype as unknown as { _serverListen(port: number): void; server: { listen(options: { port: number; host: string }): void } };
  proto._serverListen = function (this: typeof proto, port: number) {
    this.server.listen({ port, host });
  };
  if (isNetworkHost(host)) {
    console.warn(`warning: the dev server listens on ${host}: drafts and scheduled posts are visible to every device that can reach this machine`);
  }
}

/**
 * The Content-Security-Policy every page ships with: scripts only from the site itself (the
 * search UI and its WebAssembly), no inline script or handler, no plugins, frames or foreign
 * form targets. Post images may come from any https host. Inline style attributes stay
 * allowed for the plain typography the sanitizer keeps (colors, weights), never <style>.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** A _headers file (Netlify, Cloudflare Pages and others read it) with the policy and its companions. */
export function headersFile(): string {
  return [
    "/*",
    // frame-ancestors only works as a header, not in <meta>.
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
    "",
  ].join("\n");
}

import { createHash } from "node:crypto";

export const PUBLIC_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=86400";
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** Two years, the preload list's minimum. */
const HSTS = "max-age=63072000; includeSubDomains";

/** JSON, feeds and exports are never documents: they may load nothing and be framed by no one. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every answer carries, page or API; HSTS only when the site is served over https. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const NON_JAVASCRIPT_TYPE = /\btype=["']?(application\/(ld\+)?json)/i;

/**
 * The site's Content Security Policy: everything from this origin only, scripts from
 * `scriptSources`, never framed. Styles allow 'unsafe-inline' because Mantine (dashboard)
 * and Next write `style` attributes, which neither a nonce nor a hash can cover.
 */
export function siteContentSecurityPolicy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy of a public page: scripts of this origin and exactly the inline scripts it
 * holds, by hash, so the same cached bytes can be served to everyone without a per-request nonce.
 */
export function publicPageContentSecurityPolicy(html: string): string {
  const hashes = new Set<string>();
  for (const [, attributes, code] of html.matchAll(INLINE_SCRIPT)) {
    if (NON_JAVASCRIPT_TYPE.test(attributes ?? "")) continue;
    hashes.add(
      `'sha256-${createHash("sha256")
        .update(code ?? "")
        .digest("base64")}'`,
    );
  }
  return siteContentSecurityPolicy(["'self'", ...hashes].join(" "));
}

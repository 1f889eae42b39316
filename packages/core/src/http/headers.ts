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
 * Content Security Policy of a public page, allowing exactly the inline scripts it holds
 * (by hash, so the same cached bytes can be served to everyone without a per-request nonce),
 * scripts of this origin, and nothing from elsewhere.
 */
export function publicPageContentSecurityPolicy(html: string): string {
  const hashes = new Set<string>();
  for (const [, attributes, code] of html.matchAll(INLINE_SCRIPT)) {
    if (NON_JAVASCRIPT_TYPE.test(attributes ?? "")) continue;
    hashes.add(`'sha256-${createHash("sha256").update(code ?? "").digest("base64")}'`);
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes].join(" ")}`.trimEnd(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Public answers with strong ETags, 304s and CORS, kept in the response cache: shared by the
// tRPC endpoint, the publishing endpoints and the HTTP server in front of the app.
import { createHash } from "node:crypto";
import { API_CONTENT_SECURITY_POLICY, PUBLIC_CACHE_CONTROL } from "./headers";
import { publicSurfaceMetrics } from "./metrics";
import type { PublicResponseCache } from "./public-cache";

/** Strong ETag of a response body. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** True when the request's If-None-Match names this ETag (or `*`). */
export function matchesIfNoneMatch(request: { headers: Headers }, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** A body streamed from the database, with an ETag computed beforehand from a cheap fingerprint of its data. */
export interface StreamedBody {
  etag: string;
  /** Called only when the client does not have this version already. */
  open: () => ReadableStream<Uint8Array> | string;
}

/**
 * Sends a public body with its ETag, answering 304 when the client already has it.
 * Shared by the tRPC endpoint, feeds and exports.
 */
export function publicResponse(request: Request, body: string | Uint8Array<ArrayBuffer> | StreamedBody, headers: Headers | Record<string, string>): Response {
  const streamed = typeof body === "object" && "open" in body;
  const etag = streamed ? body.etag : etagOf(body);
  const merged = publicHeaders(etag, headers);
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers: merged });
  return new Response(streamed ? body.open() : body, { status: 200, headers: merged });
}

/** The headers every public response carries, around its own. */
export function publicHeaders(etag: string, headers: Headers | Record<string, string> | [string, string][]): Headers {
  const merged = new Headers(headers);
  merged.set("ETag", etag);
  merged.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  merged.set("Access-Control-Allow-Origin", "*");
  merged.set("Access-Control-Expose-Headers", "ETag");
  merged.set("X-Content-Type-Options", "nosniff");
  // A page brings its own policy; JSON, feeds and exports load nothing.
  if (!merged.has("Content-Security-Policy")) merged.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  merged.append("Vary", "Accept-Encoding");
  return merged;
}

/** A public body ready to send and to keep: computed from published data only. */
export interface PublicBody {
  body: string;
  headers: Headers | Record<string, string>;
}

/**
 * Answers a public GET from the cache under `key`, or computes it and keeps the body for
 * the data version it was computed at. Only the computation is ever refused by the rate
 * limit (in `compute`); a computed `Response` (an error, a refusal) is sent as is.
 * Shared by the tRPC endpoint, feeds and oEmbed.
 */
export async function servePublicCached(
  request: Request,
  cache: PublicResponseCache | undefined,
  key: string | null,
  compute: () => Promise<PublicBody | Response>,
): Promise<Response> {
  const cacheKey = cache && key && request.method === "GET" && !request.headers.has("authorization") ? key : null;
  const cached = cacheKey ? cache!.get(cacheKey) : undefined;
  if (cached) {
    const headers = publicHeaders(cached.etag, cached.headers);
    if (matchesIfNoneMatch(request, cached.etag)) return new Response(null, { status: 304, headers });
    return new Response(cached.body, { status: 200, headers });
  }
  publicSurfaceMetrics().cacheMisses.inc();
  const versionAtStart = cache?.currentVersion() ?? null;
  const computed = await compute();
  if (computed instanceof Response) return computed;
  if (cacheKey) {
    const body = Buffer.from(computed.body);
    cache!.set(cacheKey, versionAtStart, { body, etag: etagOf(body), headers: [...new Headers(computed.headers)] });
  }
  return publicResponse(request, computed.body, computed.headers);
}

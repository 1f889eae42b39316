import { trpcCacheKey } from "../trpc/request-plan";
import { canonicalFeedPath } from "./feeds";
import { oembedCacheKey } from "./oembed";

export const TRPC_ENDPOINT = "/api/trpc";

/** Paths of the publishing endpoints whose answers are kept, with their canonical keys. */
const PUBLISHING_KEYS: Record<string, (url: URL) => string | null> = {
  // One entry per feed and filters, whatever else the URL carries.
  "/feed.json": canonicalFeedPath,
  "/feed.atom": canonicalFeedPath,
  "/oembed": oembedCacheKey,
};

/**
 * Which cache entry a public GET may be answered from, built from what the endpoint
 * reads (procedures and parsed input, parsed parameters) rather than the raw URL, so
 * an added `?x=1` or reordered parameters find the same entry. Null for anything
 * with credentials, anything not kept, and anything invalid.
 */
export function publicCacheKeyOf(request: { method: string; url: string; headers: Headers }): string | null {
  if (request.method !== "GET" || request.headers.has("authorization")) return null;
  const url = new URL(request.url);
  if (url.pathname.startsWith(`${TRPC_ENDPOINT}/`)) return trpcCacheKey(url, TRPC_ENDPOINT);
  return PUBLISHING_KEYS[url.pathname]?.(url) ?? null;
}

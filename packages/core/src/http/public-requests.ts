import { planRefusal, planTrpcRequest, trpcCacheKey } from "../trpc/request-plan";
import { tooManyRequests as trpcTooManyRequests } from "../trpc/http";
import { canonicalFeedPath } from "./feeds";
import { publicSurfaceMetrics } from "./metrics";
import { oembedCacheKey } from "./oembed";
import { type PublicWork, PUBLISHING_WORK } from "./public-work";
import { sitemapCacheKey } from "./sitemap";
import { type ClientRateLimiter, rateLimitClientOf, tooManyRequestsMessage } from "./rate-limit";
import { tooManyRequests } from "./responses";

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
  return PUBLISHING_KEYS[url.pathname]?.(url) ?? sitemapCacheKey(url);
}

/** What the handlers charge each publishing endpoint's uncached work, by path. */
const PUBLISHING_PATHS: Record<string, PublicWork> = {
  "/feed.json": PUBLISHING_WORK.feed,
  "/feed.atom": PUBLISHING_WORK.feed,
  "/oembed": PUBLISHING_WORK.oembed,
  "/export.csv": PUBLISHING_WORK.export,
  "/export.json": PUBLISHING_WORK.export,
};

/** The rate-limited public work a GET asks for; null for anything the handlers do not limit. */
function publicWorkOf(url: URL): PublicWork | null {
  if (!url.pathname.startsWith(`${TRPC_ENDPOINT}/`)) return PUBLISHING_PATHS[url.pathname] ?? (sitemapCacheKey(url) ? PUBLISHING_WORK.sitemap : null);
  const plan = planTrpcRequest(url, TRPC_ENDPOINT);
  return plan.publicOnly && !planRefusal(plan) ? { surface: "api", cost: plan.cost } : null;
}

/**
 * A 429 for a cache miss whose client could not pay for it anyway, decided before any
 * framework runs, so a flood of refused requests stays cheap. Spends nothing: the
 * handler charges the work when it is let through. Null to go ahead.
 */
export function refuseUnaffordablePublicWork(
  limiter: ClientRateLimiter,
  request: { method: string; url: string; headers: Headers },
): Response | null {
  if (request.method !== "GET" || request.headers.has("authorization")) return null;
  const url = new URL(request.url);
  const work = publicWorkOf(url);
  if (!work) return null;
  const decision = limiter.peek(rateLimitClientOf(request.headers), work.cost);
  if (decision.allowed) return null;
  publicSurfaceMetrics().rateLimited.inc({ surface: work.surface });
  const message = tooManyRequestsMessage(decision.retryAfterSeconds);
  return work.surface === "api" ? trpcTooManyRequests(decision.retryAfterSeconds, message) : tooManyRequests(decision.retryAfterSeconds, message);
}

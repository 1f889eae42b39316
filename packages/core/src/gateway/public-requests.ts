// What the HTTP server in front of the app answers before any framework runs: kept public
// answers and refusals of work a client cannot pay for, for tRPC and publishing paths alike.
import { canonicalFeedPath } from "../http/feeds";
import { publicSurfaceMetrics } from "../http/metrics";
import { oembedCacheKey } from "../http/oembed";
import type { PublicResponseCache } from "../http/public-cache";
import { matchesIfNoneMatch, publicHeaders } from "../http/public-responses";
import { type PublicWork, PUBLISHING_WORK } from "../http/public-work";
import { type ClientRateLimiter, rateLimitClientOf, tooManyRequestsMessage } from "../http/rate-limit";
import { tooManyRequests } from "../http/responses";
import { tooManyRequests as trpcTooManyRequests } from "../trpc/fetch-handler";
import { REST_PREFIX } from "../rest/operations";
import { publicRestCost, restCacheKey } from "../rest/requests";
import { planRefusal, planTrpcRequest, trpcCacheKey } from "../trpc/request-plan";
import { sitemapCacheKey } from "../http/sitemap";

const TRPC_ENDPOINT = "/api/trpc";

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
  if (url.pathname.startsWith(`${REST_PREFIX}/`)) return restCacheKey(url);
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
  if (url.pathname.startsWith(`${REST_PREFIX}/`)) {
    const cost = publicRestCost(url);
    return cost === null ? null : { surface: "api", cost };
  }
  if (!url.pathname.startsWith(`${TRPC_ENDPOINT}/`)) return PUBLISHING_PATHS[url.pathname] ?? (sitemapCacheKey(url) ? PUBLISHING_WORK.sitemap : null);
  const plan = planTrpcRequest(url, TRPC_ENDPOINT);
  return plan.publicOnly && !planRefusal(plan) ? { surface: "api", cost: plan.cost } : null;
}

/**
 * A 429 for a cache miss whose client could not pay for it anyway, decided before any
 * framework runs, so a flood of refused requests stays cheap. Spends nothing: the
 * handler charges the work when it is let through. Null to go ahead.
 */
export function refuseUnaffordablePublicWork(limiter: ClientRateLimiter, request: { method: string; url: string; headers: Headers }): Response | null {
  if (request.method !== "GET" || request.headers.has("authorization")) return null;
  const url = new URL(request.url);
  const work = publicWorkOf(url);
  if (!work) return null;
  const decision = limiter.peek(rateLimitClientOf(request.headers), work.cost);
  if (decision.allowed) return null;
  publicSurfaceMetrics().rateLimited.inc({ surface: work.surface });
  const message = tooManyRequestsMessage(decision.retryAfterSeconds);
  // Each surface refuses in its own error shape: tRPC's envelope, or the plain JSON error of REST and the feeds.
  const inTrpcEnvelope = url.pathname.startsWith(`${TRPC_ENDPOINT}/`);
  return inTrpcEnvelope ? trpcTooManyRequests(decision.retryAfterSeconds, message) : tooManyRequests(decision.retryAfterSeconds, message);
}

/** A cached public answer as plain status, headers and body, or null: for servers that answer before any framework runs. */
export function cachedPublicAnswer(
  cache: PublicResponseCache,
  request: { method: string; url: string; headers: Headers },
): { status: 200 | 304; headers: Headers; body: Uint8Array<ArrayBuffer> | null } | null {
  const key = publicCacheKeyOf(request);
  const cached = key ? cache.get(key) : undefined;
  if (!cached) return null;
  const headers = publicHeaders(cached.etag, cached.headers);
  const notModified = matchesIfNoneMatch(request, cached.etag);
  return { status: notModified ? 304 : 200, headers, body: notModified ? null : cached.body };
}

import type { Db } from "../db/client";
import type { PublicResponseCache } from "./public-cache";
import type { EndpointContext } from "./context";
import { serveCsvExport, serveJsonExport } from "./exports";
import { serveAtomFeed, serveJsonFeed } from "./feeds";
import { serveOEmbed } from "./oembed";
import { serveSitemap } from "./sitemap";
import type { ClientRateLimiter } from "./rate-limit";
import { corsPreflight, publicEndpoint } from "./responses";

export {
  API_CONTENT_SECURITY_POLICY,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  publicPageContentSecurityPolicy,
  securityHeaders,
  siteContentSecurityPolicy,
} from "./headers";
export { CLIENT_IP_HEADER, clientIpFrom, type ProxyTrust, proxyTrust } from "./client-ip";
export { publicSurfaceMetrics } from "./metrics";
export { type CachedAnswer, DEFAULT_PUBLIC_CACHE_BYTES, PublicResponseCache, sharedPublicCache } from "./public-cache";
export { etagOf, matchesIfNoneMatch, publicHeaders, publicResponse, type StreamedBody } from "./public-responses";
export {
  admitPublicWork,
  ClientRateLimiter,
  DEFAULT_PUBLIC_RATE_LIMIT,
  type RateLimitPolicy,
  sharedPublicRateLimiter,
  tooManyRequestsMessage,
} from "./rate-limit";
export { describeBytes, payloadTooLargeResponse, readBodyWithin } from "./request-body";

export interface PublishingHandlerOptions {
  /** Where these endpoints read published records: a read replica when there is one. */
  getDb: () => Db;
  /** The site's public origin for absolute links; by default the request's own. */
  siteOrigin?: (request: Request) => string;
  /** Serves feeds and oEmbed answers from memory until the data changes (exports stream and are not kept). */
  getPublicCache?: () => PublicResponseCache;
  /** Limits uncached work (feed and oEmbed misses, every export) per client address. */
  getRateLimiter?: () => ClientRateLimiter;
}

/**
 * Route handlers for the public feeds (`/feed.json`, `/feed.atom`), exports
 * (`/export.csv`, `/export.json`), `/oembed` and the sitemaps: public GETs with ETags and CORS `*`.
 */
export function createPublishingHandlers(options: PublishingHandlerOptions) {
  const { getDb, siteOrigin = (request) => new URL(request.url).origin, getPublicCache, getRateLimiter } = options;
  const endpoint = (name: string, serve: (request: Request, context: EndpointContext) => Promise<Response>) =>
    publicEndpoint(name, (request) =>
      serve(request, {
        db: getDb(),
        origin: siteOrigin(request),
        url: new URL(request.url),
        publicCache: getPublicCache?.(),
        rateLimiter: getRateLimiter?.(),
      }),
    );
  return {
    jsonFeed: endpoint("/feed.json", serveJsonFeed),
    atomFeed: endpoint("/feed.atom", serveAtomFeed),
    csvExport: endpoint("/export.csv", serveCsvExport),
    jsonExport: endpoint("/export.json", serveJsonExport),
    oembed: endpoint("/oembed", serveOEmbed),
    sitemap: endpoint("sitemap", serveSitemap),
    preflight: async () => corsPreflight(),
  };
}

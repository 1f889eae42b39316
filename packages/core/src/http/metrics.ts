import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";

/** What operators watch on the public surface: cache use, refusals, process memory. */
export interface PublicSurfaceMetrics {
  registry: Registry;
  cacheHits: Counter;
  cacheMisses: Counter;
  cacheBytes: Gauge;
  cacheEntries: Gauge;
  /** 429s, by what was refused: `api`, `feed`, `export`, `oembed`, `page`, `auth`. */
  rateLimited: Counter<"surface">;
  /** 413s, by route: `api`, `auth`. */
  payloadTooLarge: Counter<"route">;
  /** Batches over the size or cost ceiling (400s). */
  oversizedRequests: Counter;
}

function createMetrics(): PublicSurfaceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "coop_" });
  const registers = [registry];
  return {
    registry,
    cacheHits: new Counter({ name: "coop_public_cache_hits_total", help: "Public answers served from memory.", registers }),
    cacheMisses: new Counter({ name: "coop_public_cache_misses_total", help: "Public answers computed (not in memory).", registers }),
    cacheBytes: new Gauge({ name: "coop_public_cache_bytes", help: "Bytes held by the public response cache.", registers }),
    cacheEntries: new Gauge({ name: "coop_public_cache_entries", help: "Answers held by the public response cache.", registers }),
    rateLimited: new Counter({ name: "coop_rate_limited_total", help: "Requests refused with 429.", labelNames: ["surface"], registers }),
    payloadTooLarge: new Counter({ name: "coop_payload_too_large_total", help: "Requests refused with 413.", labelNames: ["route"], registers }),
    oversizedRequests: new Counter({ name: "coop_oversized_requests_total", help: "Batches refused for size or cost (400).", registers }),
  };
}

const SHARED = Symbol.for("coop-tracker.public-surface-metrics");

/** The process's one set of metrics, shared by the HTTP server in front of Next and the routes inside it. */
export function publicSurfaceMetrics(): PublicSurfaceMetrics {
  const holder = globalThis as unknown as Record<symbol, PublicSurfaceMetrics | undefined>;
  holder[SHARED] ??= createMetrics();
  return holder[SHARED];
}

import "server-only";
import { PublicResponseCache } from "@coop/core/trpc";
import { serverEnv } from "../env";

const globalForCache = globalThis as unknown as { coopPublicCache?: PublicResponseCache };

/** One cache of public responses per server process, listening for data changes. */
export function getPublicCache(): PublicResponseCache {
  if (!globalForCache.coopPublicCache) {
    const cache = new PublicResponseCache(serverEnv().DATABASE_URL);
    // Until the listener is up (or while it is down) nothing is served from memory.
    cache.start().catch((error: Error) => console.error(`Public response cache not listening yet: ${error.message}`));
    globalForCache.coopPublicCache = cache;
  }
  return globalForCache.coopPublicCache;
}

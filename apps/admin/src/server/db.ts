import "server-only";
import { checkDatabase, createDatabaseClients, type DatabaseClients, type Db } from "@coop/core/db";
import { type ClientRateLimiter, type PublicResponseCache, sharedPublicCache, sharedPublicRateLimiter } from "@coop/core/http";
import { publicSurfaceLimits, serverEnv } from "../env";

const globalForDb = globalThis as unknown as { coopDatabases?: DatabaseClients };

/** One set of Prisma clients per server process (kept across dev reloads). */
function databases(): DatabaseClients {
  const env = serverEnv();
  globalForDb.coopDatabases ??= createDatabaseClients(env.DATABASE_URL, { replicaUrls: env.DATABASE_REPLICA_URLS });
  return globalForDb.coopDatabases;
}

/** The primary: writes, sessions and editorial reads. */
export function getDb(): Db {
  return databases().primary;
}

/** Whether the primary answers, for the health check. */
export function databaseIsUp(): Promise<boolean> {
  return checkDatabase(getDb());
}

/** Where public reads go: a read replica when DATABASE_REPLICA_URLS is set, else the primary. */
export function getPublicDb(): Db {
  return databases().publicReads();
}

/** The process's public response cache, shared with the HTTP server in front of Next. */
export function getPublicCache(): PublicResponseCache {
  const env = serverEnv();
  return sharedPublicCache(env.DATABASE_URL, { readsFromReplicas: env.DATABASE_REPLICA_URLS.length > 0, maxBytes: publicSurfaceLimits().cacheBytes });
}

/** The process's per-client limiter of uncached public work, shared with the HTTP server in front of Next. */
export function getRateLimiter(): ClientRateLimiter {
  return sharedPublicRateLimiter(publicSurfaceLimits().rateLimit);
}

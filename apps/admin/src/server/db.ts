import "server-only";
import { createDb, type Db } from "@coop/core/db";
import { serverEnv } from "../env";

const globalForDb = globalThis as unknown as { coopDb?: Db };

/** One Prisma client per server process (kept across dev reloads). */
export function getDb(): Db {
  globalForDb.coopDb ??= createDb(serverEnv().DATABASE_URL);
  return globalForDb.coopDb;
}

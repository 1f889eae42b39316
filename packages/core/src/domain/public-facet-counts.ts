import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Brings `PublicFacetCount` up to date with the records `agreementIds` as they now stand
 * in the caller's transaction: each record's keys from its last sync are subtracted and its
 * current ones (`coop_public_facet_keys`, defined with the tables' migration) added. Call it
 * once, after the writes, in every transaction that changes a record's state, deletion,
 * status, kind, confidence, dates, parties or sectors.
 */
export async function syncPublicFacetCounts(tx: Tx, agreementIds: string[]): Promise<void> {
  if (!agreementIds.length) return;
  const ids = [...new Set(agreementIds)].sort();
  // Locked first, in its own statement, so the next one reads what a concurrent sync of the same record committed.
  await tx.$queryRaw`SELECT id FROM "Agreement" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  // Count rows are updated in key order, so two transactions never wait on each other in a cycle.
  await tx.$executeRaw`
    WITH current_keys AS (
      SELECT t.id, coop_public_facet_keys(t.id) AS keys FROM unnest(${ids}::uuid[]) t(id)
    ), previous AS (
      SELECT e.keys FROM "PublicFacetEntry" e WHERE e."agreementId" = ANY(${ids}::uuid[])
    ), saved AS (
      INSERT INTO "PublicFacetEntry" ("agreementId", keys) SELECT id, keys FROM current_keys
      ON CONFLICT ("agreementId") DO UPDATE SET keys = excluded.keys
    ), delta AS (
      SELECT key, sum(change)::int AS change FROM (
        SELECT unnest(keys) AS key, 1 AS change FROM current_keys
        UNION ALL SELECT unnest(keys), -1 FROM previous
      ) changes GROUP BY key HAVING sum(change) <> 0
    )
    INSERT INTO "PublicFacetCount" (facet, value, count)
    SELECT split_part(key, ':', 1), substr(key, strpos(key, ':') + 1), change FROM delta ORDER BY key
    ON CONFLICT (facet, value) DO UPDATE SET count = "PublicFacetCount".count + excluded.count`;
}

import type { Db } from "../db/client";
import { type TAgreementExportInput, ZAgreementExportInput } from "../validators/agreement";
import { publishedAgreementConditions } from "./agreement-filters";
import { listPublishedAgreements } from "./agreements";
import type { PublicAgreementSummary } from "./public-agreement";
import { assertKnownTaxonomy } from "./taxonomy";

/** Rows fetched per keyset page while walking an export: the list's own maximum. */
const EXPORT_PAGE_SIZE = 100;

/**
 * Every published agreement matching the filters, newest first, read one keyset
 * page at a time so an export of any size holds only one page in memory.
 */
export async function* iteratePublishedAgreements(
  db: Db,
  rawInput: TAgreementExportInput = {},
): AsyncGenerator<PublicAgreementSummary, void, undefined> {
  const input = ZAgreementExportInput.parse(rawInput);
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listPublishedAgreements>> = await listPublishedAgreements(db, {
      ...input,
      sort: "recent",
      limit: EXPORT_PAGE_SIZE,
      cursor,
    });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

export interface PublishedSetVersion {
  count: number;
  /** Latest `updatedAt` among the matching records; null when none match. */
  lastUpdatedAt: string | null;
}

/**
 * A cheap fingerprint of the records an export would contain, so a streamed export
 * can send an ETag (and answer 304) without reading the records first.
 */
export async function publishedAgreementsVersion(db: Db, rawInput: TAgreementExportInput = {}): Promise<PublishedSetVersion> {
  const input = ZAgreementExportInput.parse(rawInput);
  await assertKnownTaxonomy(db, input);
  const [row] = await db.$queryRaw<{ count: bigint; lastUpdatedAt: Date | null }[]>`
    SELECT count(*) AS count, max(a."updatedAt") AS "lastUpdatedAt"
    FROM "Agreement" a WHERE ${publishedAgreementConditions(input)}`;
  return { count: Number(row?.count ?? 0), lastUpdatedAt: row?.lastUpdatedAt?.toISOString() ?? null };
}

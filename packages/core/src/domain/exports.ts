import type { Db } from "../db/client";
import { type TAgreementExportInput, ZAgreementExportInput, ZAgreementListInput } from "../validators/agreement";
import { publishedAgreementConditions } from "./agreement-filters";
import { publishedAgreementPage } from "./public-reads";
import { type ExportRow, PUBLIC_EXPORT_COLUMNS, type PublicAgreementExport, queryPublicSummaries, toPublicAgreementExport } from "./public-agreement";
import { assertKnownTaxonomy } from "./taxonomy";

/** Rows fetched per keyset page while walking an export: the list's own maximum. */
const EXPORT_PAGE_SIZE = 100;

/**
 * Every published agreement matching the filters, newest first, with its commitments
 * and status timeline, read one keyset page at a time so an export of any size holds
 * only one page in memory.
 */
export async function* iteratePublishedAgreements(db: Db, rawInput: TAgreementExportInput = {}): AsyncGenerator<PublicAgreementExport, void, undefined> {
  const input = ZAgreementExportInput.parse(rawInput);
  let cursor: string | null = null;
  do {
    const listInput = ZAgreementListInput.parse({ ...input, sort: "recent", limit: EXPORT_PAGE_SIZE, cursor });
    const page: { rows: ExportRow[]; nextCursor: string | null } = await publishedAgreementPage(db, listInput, (query) =>
      queryPublicSummaries<ExportRow & { key: Date }>(db, query, PUBLIC_EXPORT_COLUMNS),
    );
    for (const row of page.rows) yield toPublicAgreementExport(row, input.lang);
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

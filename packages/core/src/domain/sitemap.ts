import type { Db } from "../db/client";
import { PUBLISHED } from "./agreement-filters";
import { InvalidInputError } from "./errors";

/** Records per sitemap file: with four languages each, well under the protocol's 50,000 URLs and small enough to keep cached. */
export const SITEMAP_RECORDS_PER_FILE = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The first record id of each sitemap file of records, in id order, and when the latest of them changed. */
export async function sitemapRecordFiles(db: Db): Promise<{ firstId: string; lastModified: Date }[]> {
  return db.$queryRaw`
    WITH numbered AS (SELECT a.id, a."updatedAt", row_number() OVER (ORDER BY a.id) - 1 AS n FROM "Agreement" a WHERE ${PUBLISHED})
    SELECT (array_agg(id ORDER BY id))[1] AS "firstId", max("updatedAt") AS "lastModified"
    FROM numbered GROUP BY n / ${SITEMAP_RECORDS_PER_FILE} ORDER BY 1`;
}

/** One file's records: published ones from `firstId` on, in id order. */
export async function sitemapRecords(db: Db, firstId: string): Promise<{ slug: string; updatedAt: Date }[]> {
  if (!UUID.test(firstId)) throw new InvalidInputError(["file"], "is not a sitemap file of this site");
  return db.$queryRaw`
    SELECT a.slug, a."updatedAt" FROM "Agreement" a WHERE ${PUBLISHED} AND a.id >= ${firstId}::uuid
    ORDER BY a.id LIMIT ${SITEMAP_RECORDS_PER_FILE}`;
}

/** Countries and organisations that have a page: those party to a published record, with their latest change. */
export async function sitemapDirectory(db: Db) {
  const [countries, organizations] = await Promise.all([
    db.$queryRaw<{ code: string; lastModified: Date }[]>`
      SELECT code, max(a."updatedAt") AS "lastModified"
      FROM "Agreement" a, unnest(a."africanCountryCodes" || a."partnerCountryCodes") code
      WHERE ${PUBLISHED} GROUP BY code ORDER BY code`,
    db.$queryRaw<{ slug: string; lastModified: Date }[]>`
      SELECT o.slug, max(a."updatedAt") AS "lastModified"
      FROM "Agreement" a JOIN "AgreementParty" p ON p."agreementId" = a.id JOIN "Organization" o ON o.id = p."organizationId"
      WHERE ${PUBLISHED} GROUP BY o.slug ORDER BY o.slug`,
  ]);
  return { countries, organizations };
}

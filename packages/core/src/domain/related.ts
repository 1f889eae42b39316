import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { type TAgreementRelatedInput, ZAgreementRelatedInput } from "../validators/agreement";
import { PUBLISHED } from "./agreement-filters";
import { NotFoundError } from "./errors";
import { queryPublicSummaries, toPublicAgreementSummary } from "./public-agreement";

/** Records dated further apart than this are not "related", whatever their parties. */
const WINDOW = Prisma.sql`interval '3 years'`;
const EVENT_ON = (alias: string) => Prisma.raw(`COALESCE(${alias}."signedOn", ${alias}."announcedOn")`);

/**
 * Other published records that share a party with this one — an organisation, or both
 * an African state and a partner state — dated within three years of it (or undated):
 * most shared organisations first, then the nearest in time.
 */
export async function relatedPublishedAgreements(db: Db, rawInput: TAgreementRelatedInput) {
  const input = ZAgreementRelatedInput.parse(rawInput);
  const [self] = await db.$queryRaw<{ id: string }[]>`SELECT a.id FROM "Agreement" a WHERE a.slug = ${input.slug} AND ${PUBLISHED}`;
  if (!self) throw new NotFoundError(`No published record has the slug "${input.slug}"`);
  const rows = await queryPublicSummaries(
    db,
    (columns) => Prisma.sql`
      WITH me AS (
        SELECT a.id, a."africanCountryCodes", a."partnerCountryCodes", ${EVENT_ON("a")} AS on_date FROM "Agreement" a WHERE a.id = ${self.id}::uuid
      ), my_organizations AS (
        SELECT DISTINCT p."organizationId" AS id FROM "AgreementParty" p WHERE p."agreementId" = ${self.id}::uuid AND p."organizationId" IS NOT NULL
      ), candidates AS (
        SELECT a.id,
          (SELECT count(DISTINCT p."organizationId") FROM "AgreementParty" p WHERE p."agreementId" = a.id AND p."organizationId" IN (SELECT id FROM my_organizations)) AS shared,
          abs(${EVENT_ON("a")} - me.on_date) AS distance
        FROM "Agreement" a, me
        WHERE ${PUBLISHED} AND a.id <> me.id
          AND (me.on_date IS NULL OR ${EVENT_ON("a")} IS NULL OR ${EVENT_ON("a")} BETWEEN me.on_date - ${WINDOW} AND me.on_date + ${WINDOW})
          AND ((a."africanCountryCodes" && me."africanCountryCodes" AND a."partnerCountryCodes" && me."partnerCountryCodes")
            OR EXISTS (SELECT 1 FROM "AgreementParty" p WHERE p."agreementId" = a.id AND p."organizationId" IN (SELECT id FROM my_organizations)))
        ORDER BY shared DESC, distance ASC NULLS LAST, a.id DESC
        LIMIT ${input.limit}
      )
      SELECT ${columns} FROM candidates c JOIN "Agreement" a ON a.id = c.id ORDER BY c.shared DESC, c.distance ASC NULLS LAST, a.id DESC`,
  );
  return { items: rows.map((row) => toPublicAgreementSummary(row, input.lang)) };
}

import { Prisma } from "../generated/prisma/client";
import type { TAgreementFilters } from "../validators/agreement";

/** The full-text query for `q`: web-search syntax, accents folded, no stemming. */
export function searchQuerySql(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('simple', coop_unaccent(${q}))`;
}

/** Best-known event date of an agreement: signed, else announced. */
const EVENT_ON = Prisma.sql`COALESCE(a."signedOn", a."announcedOn")`;
const EVENT_PERIOD = Prisma.sql`(CASE (CASE WHEN a."signedOn" IS NOT NULL THEN a."signedPrecision" ELSE a."announcedPrecision" END)
  WHEN 'YEAR' THEN interval '1 year' WHEN 'MONTH' THEN interval '1 month' ELSE interval '1 day' END)`;

/**
 * SQL conditions on `"Agreement" a` for the filters, whatever the editorial state.
 * A date range matches when it overlaps the period the event date is known to.
 */
export function agreementFilterConditions(filters: TAgreementFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.country?.length) conditions.push(Prisma.sql`a."africanCountryCodes" && ${filters.country}::text[]`);
  if (filters.partner?.length) conditions.push(Prisma.sql`a."partnerCountryCodes" && ${filters.partner}::text[]`);
  if (filters.sector?.length) conditions.push(Prisma.sql`a."sectorSlugs" && ${filters.sector}::text[]`);
  if (filters.status?.length) conditions.push(Prisma.sql`a."status"::text = ANY(${filters.status}::text[])`);
  if (filters.kind?.length) conditions.push(Prisma.sql`a."kind"::text = ANY(${filters.kind}::text[])`);
  if (filters.q) conditions.push(Prisma.sql`a."search" @@ ${searchQuerySql(filters.q)}`);
  if (filters.from) conditions.push(Prisma.sql`${EVENT_ON} + ${EVENT_PERIOD} > ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`${EVENT_ON} <= ${filters.to}::date`);
  return conditions;
}

/** Conditions for published, live agreements matching the filters: all the public may see. */
export function publishedAgreementConditions(filters: TAgreementFilters): Prisma.Sql {
  return Prisma.join([Prisma.sql`a."state" = 'PUBLISHED'`, Prisma.sql`a."deletedAt" IS NULL`, ...agreementFilterConditions(filters)], " AND ");
}

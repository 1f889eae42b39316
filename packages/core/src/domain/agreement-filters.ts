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

/** Filters that pick values of a facet; several values of one are alternatives (OR), facets combine with AND. */
export const FACET_FILTERS = ["country", "partner", "sector", "status", "kind", "confidence", "organization"] as const;
export type FacetFilter = (typeof FACET_FILTERS)[number];

/** The SQL condition on `"Agreement" a` of each facet filter that has values. */
export function facetFilterConditions(filters: TAgreementFilters): Partial<Record<FacetFilter, Prisma.Sql>> {
  const conditions: Partial<Record<FacetFilter, Prisma.Sql>> = {};
  if (filters.country?.length) conditions.country = Prisma.sql`a."africanCountryCodes" && ${filters.country}::text[]`;
  if (filters.partner?.length) conditions.partner = Prisma.sql`a."partnerCountryCodes" && ${filters.partner}::text[]`;
  if (filters.sector?.length) conditions.sector = Prisma.sql`a."sectorSlugs" && ${filters.sector}::text[]`;
  if (filters.status?.length) conditions.status = Prisma.sql`a."status"::text = ANY(${filters.status}::text[])`;
  if (filters.kind?.length) conditions.kind = Prisma.sql`a."kind"::text = ANY(${filters.kind}::text[])`;
  if (filters.confidence?.length) conditions.confidence = Prisma.sql`a."confidence"::text = ANY(${filters.confidence}::text[])`;
  if (filters.organization?.length) {
    conditions.organization = Prisma.sql`EXISTS (SELECT 1 FROM "AgreementParty" p JOIN "Organization" o ON o.id = p."organizationId"
      WHERE p."agreementId" = a.id AND o.slug = ANY(${filters.organization}::text[]))`;
  }
  return conditions;
}

/** Conditions of the filters that are not facets: the search words and the date range. */
export function scopeFilterConditions(filters: TAgreementFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) conditions.push(Prisma.sql`a."search" @@ ${searchQuerySql(filters.q)}`);
  if (filters.from) conditions.push(Prisma.sql`${EVENT_ON} + ${EVENT_PERIOD} > ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`${EVENT_ON} <= ${filters.to}::date`);
  return conditions;
}

/**
 * SQL conditions on `"Agreement" a` for the filters, whatever the editorial state.
 * A date range matches when it overlaps the period the event date is known to.
 */
export function agreementFilterConditions(filters: TAgreementFilters): Prisma.Sql[] {
  return [...Object.values(facetFilterConditions(filters)), ...scopeFilterConditions(filters)];
}

/** The condition that makes an agreement public: published and not deleted. */
export const PUBLISHED = Prisma.sql`a."state" = 'PUBLISHED' AND a."deletedAt" IS NULL`;

/** Conditions for published, live agreements matching the filters: all the public may see. */
export function publishedAgreementConditions(filters: TAgreementFilters): Prisma.Sql {
  return Prisma.join([PUBLISHED, ...agreementFilterConditions(filters)], " AND ");
}

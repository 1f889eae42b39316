import type { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { TAgreementBySlugInput, TAgreementChangesInput, TAgreementFilters, TAgreementListInput, TAgreementSort } from "../validators/agreement";
import { ZAgreementBySlugInput, ZAgreementChangesInput, ZAgreementFilters, ZAgreementListInput } from "../validators/agreement";
import { type Cursor, CursorValue, decodeCursor, encodeCursor } from "./cursor";
import {
  FACET_FILTERS,
  type FacetFilter,
  facetFilterConditions,
  PUBLISHED,
  publishedAgreementConditions,
  scopeFilterConditions,
  searchQuerySql,
} from "./agreement-filters";
import { toIsoDate } from "./dates";
import { type KeysetOrder, keysetPageSql } from "./keyset";
import { NotFoundError } from "./errors";
import { publicAgreementDetailSelect, queryPublicSummaries, toPublicAgreementDetail, toPublicAgreementSummary } from "./public-agreement";
import { assertKnownTaxonomy } from "./taxonomy";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The sort key of a listed row, for the next page's cursor. */
interface SortKey {
  key: Date | number | string | null;
}

const CURSOR_VALUE_OF_SORT = {
  recent: CursorValue.timestamp,
  signed: CursorValue.nullableDate,
  title: CursorValue.text,
  relevance: CursorValue.rank,
} satisfies Record<TAgreementSort, unknown>;

const KEYSET_ORDER_OF_SORT = {
  recent: { column: "publishedAt", type: "timestamp", nullable: false, descending: true },
  // Unknown signing dates sort last.
  signed: { column: "signedOn", type: "date", nullable: true, descending: true },
  // The original title: translated titles have no index to page through.
  title: { column: "title", type: "text", nullable: false, descending: false },
} satisfies Record<Exclude<TAgreementSort, "relevance">, KeysetOrder>;

type ListQuery = z.output<typeof ZAgreementListInput>;

/** The page of ids and sort keys (`key`), in the sort's order, or nearest first when reading backward. */
function pageQuery(sort: TAgreementSort, input: ListQuery, cursor: Cursor | null, backward: boolean): Prisma.Sql {
  const where = publishedAgreementConditions(input);
  if (sort !== "relevance") {
    const order = KEYSET_ORDER_OF_SORT[sort];
    const select = Prisma.sql`SELECT a.id, a.${Prisma.raw(`"${order.column}"`)} FROM "Agreement" a`;
    return Prisma.sql`SELECT id, ${Prisma.raw(`"${order.column}"`)} AS key FROM (${keysetPageSql(select, order, cursor, [where], input.limit + 1, backward)}) keyed`;
  }
  const rank = Prisma.sql`ts_rank(a."search", ${searchQuerySql(input.q ?? "")})::float8`;
  const [beyond, direction] = backward ? [Prisma.raw(">"), Prisma.raw("ASC")] : [Prisma.raw("<"), Prisma.raw("DESC")];
  const after = cursor ? Prisma.sql`AND (${rank}, a.id) ${beyond} (${cursor.v}::float8, ${cursor.id}::uuid)` : Prisma.empty;
  return Prisma.sql`SELECT a.id, ${rank} AS key FROM "Agreement" a WHERE ${where} ${after}
    ORDER BY key ${direction}, a.id ${direction} LIMIT ${input.limit + 1}`;
}

function cursorValue(key: SortKey["key"], sort: TAgreementSort): string | number | null {
  if (key instanceof Date) return sort === "signed" ? toIsoDate(key) : key.toISOString();
  return key;
}

/** The SQL ordering of a page in the sort's own order, over the page's `key` and `id`. */
function pageOrder(sort: TAgreementSort): Prisma.Sql {
  return sort === "title" ? Prisma.sql`page.key ASC, page.id ASC` : Prisma.sql`page.key DESC NULLS LAST, page.id DESC`;
}

/**
 * One keyset page of published agreements matching the filters, as rows of `columns`
 * (a select list over `"Agreement" a`), in the sort's order; with the cursors of the
 * pages after and before it.
 */
export async function publishedAgreementPage<Row extends { id: string }>(
  db: Db,
  input: ListQuery,
  readRows: (query: (columns: Prisma.Sql) => Prisma.Sql) => Promise<(Row & SortKey)[]>,
) {
  await assertKnownTaxonomy(db, input);
  const sort = input.sort ?? (input.q ? "relevance" : "recent");
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, CURSOR_VALUE_OF_SORT[sort]) : null;
  const backward = input.direction === "backward";
  const rows = await readRows(
    (columns) => Prisma.sql`WITH page AS (${pageQuery(sort, input, cursor, backward)})
      SELECT page.key, ${columns} FROM page JOIN "Agreement" a ON a.id = page.id
      ORDER BY ${pageOrder(sort)}`,
  );
  const more = rows.length > input.limit;
  // Read backward, the page is the `limit` rows nearest the cursor, which are the last ones in the sort's order.
  const page = backward ? rows.slice(more ? 1 : 0) : rows.slice(0, input.limit);
  const cursorOf = (row: (Row & SortKey) | undefined) => (row ? encodeCursor({ k: sort, v: cursorValue(row.key, sort), id: row.id }) : null);
  const hasAfter = backward ? page.length > 0 : more;
  const hasBefore = backward ? more : cursor !== null;
  return {
    rows: page,
    nextCursor: hasAfter ? cursorOf(page.at(-1)) : null,
    /** Read with `direction: "backward"` for the page before; null on the first page. */
    previousCursor: hasBefore ? cursorOf(page[0]) : null,
  };
}

/** Published agreements matching the filters, newest first by default, one keyset page at a time. */
export async function listPublishedAgreements(db: Db, rawInput: TAgreementListInput) {
  const input = ZAgreementListInput.parse(rawInput);
  const { rows, nextCursor, previousCursor } = await publishedAgreementPage(db, input, (query) => queryPublicSummaries<SortKey>(db, query));
  const items = rows.map((row) => toPublicAgreementSummary(row, input.lang));
  return { items, nextCursor, previousCursor } satisfies Page<unknown> & { previousCursor: string | null };
}

/**
 * One published agreement with its commitments, timeline and sources. A former slug answers
 * with the record it now names; its `slug` is the current one, for callers to redirect to.
 */
export async function getPublishedAgreement(db: Db, rawInput: TAgreementBySlugInput) {
  const input = ZAgreementBySlugInput.parse(rawInput);
  const published = { state: "PUBLISHED", deletedAt: null } as const;
  const record =
    (await db.agreement.findFirst({ where: { slug: input.slug, ...published }, select: publicAgreementDetailSelect })) ??
    (await db.agreement.findFirst({ where: { redirects: { some: { slug: input.slug } }, ...published }, select: publicAgreementDetailSelect }));
  if (!record) throw new NotFoundError(`No published record has the slug "${input.slug}"`);
  return toPublicAgreementDetail(record, input.lang);
}

export interface FacetCount {
  value: string;
  count: number;
}

const FACETS = ["country", "partner", "sector", "status", "kind", "confidence", "organization", "year"] as const;
export type Facet = (typeof FACETS)[number];

/** What the facets read of each row. */
const FACET_COLUMNS = Prisma.sql`a.id, a."africanCountryCodes", a."partnerCountryCodes", a."sectorSlugs", a."status", a."kind", a."confidence",
  COALESCE(a."signedOn", a."announcedOn") AS "eventOn"`;

/** Organisations listed in the organisation facet, most records first. */
const ORGANIZATION_FACET_SIZE = 50;

/**
 * Counts of published agreements matching the filters, per country, partner, sector,
 * status, kind, confidence, organisation and year. Each of the first six is counted
 * under every filter but its own (values of one facet are alternatives), so a count is
 * what the list shows when that value alone is chosen in its facet. `total`, `year` and
 * `organization` (the 50 organisations most often party to the matching records, with
 * their names as `label`) count under all the filters.
 */
export async function publishedAgreementFacets(db: Db, rawFilters: TAgreementFilters) {
  const filters = ZAgreementFilters.parse(rawFilters);
  await assertKnownTaxonomy(db, filters);
  const byFacet = facetFilterConditions(filters);
  const scopeFilters = scopeFilterConditions(filters);
  const unfiltered = Object.keys(byFacet).length === 0 && scopeFilters.length === 0;
  return facetsOfRows(unfiltered ? await countedFacetRows(db) : await scannedFacetRows(db, byFacet, scopeFilters));
}

type FacetRow = { facet: Facet | "total"; value: string | null; label: string | null; count: bigint | number };

/** All public records' facets, from the counts kept by `syncPublicFacetCounts`. */
function countedFacetRows(db: Db): Promise<FacetRow[]> {
  return db.$queryRaw<FacetRow[]>`
    SELECT c.facet, NULLIF(c.value, '') AS value, NULL AS label, c.count FROM "PublicFacetCount" c
    WHERE c.facet <> 'organization' AND c.count > 0
    UNION ALL (SELECT 'organization', o.slug, o.name, c.count FROM "PublicFacetCount" c JOIN "Organization" o ON o.id::text = c.value
      WHERE c.facet = 'organization' AND c.count > 0 ORDER BY c.count DESC, o.slug LIMIT ${ORGANIZATION_FACET_SIZE})`;
}

/** Facets of the records the filters let through, counted over the table. */
function scannedFacetRows(db: Db, byFacet: Partial<Record<FacetFilter, Prisma.Sql>>, scopeFilters: Prisma.Sql[]): Promise<FacetRow[]> {
  const scope = [PUBLISHED, ...scopeFilters];
  const rowsWhere = (conditions: Prisma.Sql[]) => Prisma.sql`SELECT ${FACET_COLUMNS} FROM "Agreement" a WHERE ${Prisma.join(conditions, " AND ")}`;
  // A facet that filters is counted over the rows every other filter lets through; the rest over the matched rows.
  const rowsOf = (facet: FacetFilter) =>
    byFacet[facet]
      ? Prisma.sql`(${rowsWhere([...scope, ...FACET_FILTERS.flatMap((other) => (other !== facet ? (byFacet[other] ?? []) : []))])})`
      : Prisma.sql`matched`;
  return db.$queryRaw<FacetRow[]>`
    WITH matched AS (${rowsWhere([...scope, ...Object.values(byFacet)])})
    SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*) FROM matched
    UNION ALL SELECT 'country', v, NULL, count(*) FROM ${rowsOf("country")} m, unnest(m."africanCountryCodes") v GROUP BY v
    UNION ALL SELECT 'partner', v, NULL, count(*) FROM ${rowsOf("partner")} m, unnest(m."partnerCountryCodes") v GROUP BY v
    UNION ALL SELECT 'sector', v, NULL, count(*) FROM ${rowsOf("sector")} m, unnest(m."sectorSlugs") v GROUP BY v
    UNION ALL SELECT 'status', m."status"::text, NULL, count(*) FROM ${rowsOf("status")} m GROUP BY 2
    UNION ALL SELECT 'kind', m."kind"::text, NULL, count(*) FROM ${rowsOf("kind")} m GROUP BY 2
    UNION ALL SELECT 'confidence', m."confidence"::text, NULL, count(*) FROM ${rowsOf("confidence")} m GROUP BY 2
    UNION ALL (SELECT 'organization', o.slug, min(o.name), count(DISTINCT m.id) FROM matched m
      JOIN "AgreementParty" p ON p."agreementId" = m.id JOIN "Organization" o ON o.id = p."organizationId"
      GROUP BY o.slug ORDER BY 4 DESC, 2 LIMIT ${ORGANIZATION_FACET_SIZE})
    UNION ALL SELECT 'year', extract(year FROM "eventOn")::int::text, NULL, count(*) FROM matched WHERE "eventOn" IS NOT NULL GROUP BY 2`;
}

function facetsOfRows(rows: FacetRow[]) {
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as Record<Exclude<Facet, "organization">, FacetCount[]> & {
    organization: (FacetCount & { label: string })[];
  };
  let total = 0;
  for (const row of rows) {
    if (row.facet === "total") total = Number(row.count);
    else if (row.facet === "organization" && row.value !== null)
      facets.organization.push({ value: row.value, label: row.label ?? row.value, count: Number(row.count) });
    else if (row.value !== null && row.facet !== "organization") facets[row.facet].push({ value: row.value, count: Number(row.count) });
  }
  for (const counts of Object.values(facets) as FacetCount[][]) {
    counts.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return { total, ...facets };
}

/**
 * What changed in the public record set since a time, oldest first, for mirrors to
 * sync: published agreements as upserts, and withdrawn (deleted, unpublished or
 * archived) ones that were once public as deletions.
 */
export async function publicAgreementChanges(db: Db, rawInput: TAgreementChangesInput) {
  const input = ZAgreementChangesInput.parse(rawInput);
  const cursor = input.cursor ? decodeCursor(input.cursor, "changes", CursorValue.timestamp) : null;
  const after = cursor ? Prisma.sql`AND (a."updatedAt", a.id) > (${cursor.v}::timestamp, ${cursor.id}::uuid)` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; slug: string; updatedAt: Date; live: boolean }[]>`
    SELECT a.id, a.slug, a."updatedAt", (a."state" = 'PUBLISHED' AND a."deletedAt" IS NULL) AS live
    FROM "Agreement" a
    WHERE a."updatedAt" > ${new Date(input.since).toISOString()}::timestamp AND a."publishedAt" IS NOT NULL ${after}
    ORDER BY a."updatedAt", a.id
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const liveIds = page.filter((row) => row.live).map((row) => row.id);
  const live = await queryPublicSummaries(db, (columns) => Prisma.sql`SELECT ${columns} FROM "Agreement" a WHERE a.id = ANY(${liveIds}::uuid[])`);
  const liveById = new Map(live.map((record) => [record.id, toPublicAgreementSummary(record)]));
  const items = page.map((row) => {
    const agreement = liveById.get(row.id);
    return agreement
      ? { change: "upsert" as const, id: row.id, slug: row.slug, at: row.updatedAt.toISOString(), agreement }
      : { change: "delete" as const, id: row.id, slug: row.slug, at: row.updatedAt.toISOString(), agreement: null };
  });
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ k: "changes", v: last.updatedAt.toISOString(), id: last.id }) : null;
  return { items, nextCursor } satisfies Page<unknown>;
}

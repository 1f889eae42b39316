import type { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type {
  TAgreementBySlugInput,
  TAgreementChangesInput,
  TAgreementFilters,
  TAgreementListInput,
  TAgreementSort,
} from "../validators/agreement";
import { ZAgreementBySlugInput, ZAgreementChangesInput, ZAgreementFilters, ZAgreementListInput } from "../validators/agreement";
import { type Cursor, CursorValue, decodeCursor, encodeCursor } from "./cursor";
import { publishedAgreementConditions, searchQuerySql } from "./agreement-filters";
import { toIsoDate } from "./dates";
import { type KeysetOrder, keysetPageSql } from "./keyset";
import { NotFoundError } from "./errors";
import {
  publicAgreementDetailSelect,
  queryPublicSummaries,
  toPublicAgreementDetail,
  toPublicAgreementSummary,
} from "./public-agreement";
import { assertKnownTaxonomy } from "./taxonomy";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The sort key of a listed row, for the next page's cursor. */
interface SortKey {
  key: Date | number | null;
}

const CURSOR_VALUE_OF_SORT = {
  recent: CursorValue.timestamp,
  signed: CursorValue.nullableDate,
  relevance: CursorValue.rank,
} satisfies Record<TAgreementSort, unknown>;

const KEYSET_ORDER_OF_SORT = {
  recent: { column: "publishedAt", type: "timestamp", nullable: false, descending: true },
  // Unknown signing dates sort last.
  signed: { column: "signedOn", type: "date", nullable: true, descending: true },
} satisfies Record<Exclude<TAgreementSort, "relevance">, KeysetOrder>;

/** The page of ids and sort keys (`key`), newest or most relevant first. */
function pageQuery(sort: TAgreementSort, input: z.output<typeof ZAgreementListInput>, cursor: Cursor | null): Prisma.Sql {
  const where = publishedAgreementConditions(input);
  if (sort !== "relevance") {
    const order = KEYSET_ORDER_OF_SORT[sort];
    const select = Prisma.sql`SELECT a.id, a.${Prisma.raw(`"${order.column}"`)} FROM "Agreement" a`;
    return Prisma.sql`SELECT id, ${Prisma.raw(`"${order.column}"`)} AS key FROM (${keysetPageSql(select, order, cursor, [where], input.limit + 1)}) keyed`;
  }
  const rank = Prisma.sql`ts_rank(a."search", ${searchQuerySql(input.q ?? "")})::float8`;
  const after = cursor ? Prisma.sql`AND (${rank}, a.id) < (${cursor.v}::float8, ${cursor.id}::uuid)` : Prisma.empty;
  return Prisma.sql`SELECT a.id, ${rank} AS key FROM "Agreement" a WHERE ${where} ${after}
    ORDER BY key DESC, a.id DESC LIMIT ${input.limit + 1}`;
}

function cursorValue(key: SortKey["key"], sort: TAgreementSort): string | number | null {
  if (key instanceof Date) return sort === "signed" ? toIsoDate(key) : key.toISOString();
  return key;
}

/** Published agreements matching the filters, newest first by default, one keyset page at a time. */
export async function listPublishedAgreements(db: Db, rawInput: TAgreementListInput) {
  const input = ZAgreementListInput.parse(rawInput);
  await assertKnownTaxonomy(db, input);
  const sort = input.sort ?? (input.q ? "relevance" : "recent");
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, CURSOR_VALUE_OF_SORT[sort]) : null;
  const rows = await queryPublicSummaries<SortKey>(
    db,
    (columns) => Prisma.sql`WITH page AS (${pageQuery(sort, input, cursor)})
      SELECT page.key, ${columns} FROM page JOIN "Agreement" a ON a.id = page.id
      ORDER BY page.key DESC NULLS LAST, page.id DESC`,
  );

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ k: sort, v: cursorValue(last.key, sort), id: last.id }) : null;
  const items = page.map((row) => toPublicAgreementSummary(row, input.lang));
  return { items, nextCursor } satisfies Page<unknown>;
}

/** One published agreement with its commitments, timeline and sources. */
export async function getPublishedAgreement(db: Db, rawInput: TAgreementBySlugInput) {
  const input = ZAgreementBySlugInput.parse(rawInput);
  const record = await db.agreement.findFirst({
    where: { slug: input.slug, state: "PUBLISHED", deletedAt: null },
    select: publicAgreementDetailSelect,
  });
  if (!record) throw new NotFoundError(`No published record has the slug "${input.slug}"`);
  return toPublicAgreementDetail(record, input.lang);
}

export interface FacetCount {
  value: string;
  count: number;
}

const FACETS = ["country", "partner", "sector", "status", "kind", "year"] as const;
export type Facet = (typeof FACETS)[number];

/** Counts of published agreements matching the filters, per country, partner, sector, status, kind and year. */
export async function publishedAgreementFacets(db: Db, rawFilters: TAgreementFilters) {
  const filters = ZAgreementFilters.parse(rawFilters);
  await assertKnownTaxonomy(db, filters);
  const rows = await db.$queryRaw<{ facet: Facet | "total"; value: string | null; count: bigint }[]>`
    WITH matched AS (
      SELECT a."africanCountryCodes", a."partnerCountryCodes", a."sectorSlugs", a."status", a."kind",
             COALESCE(a."signedOn", a."announcedOn") AS "eventOn"
      FROM "Agreement" a WHERE ${publishedAgreementConditions(filters)}
    )
    SELECT 'total' AS facet, NULL AS value, count(*) FROM matched
    UNION ALL SELECT 'country', v, count(*) FROM matched, unnest("africanCountryCodes") v GROUP BY v
    UNION ALL SELECT 'partner', v, count(*) FROM matched, unnest("partnerCountryCodes") v GROUP BY v
    UNION ALL SELECT 'sector', v, count(*) FROM matched, unnest("sectorSlugs") v GROUP BY v
    UNION ALL SELECT 'status', "status"::text, count(*) FROM matched GROUP BY 2
    UNION ALL SELECT 'kind', "kind"::text, count(*) FROM matched GROUP BY 2
    UNION ALL SELECT 'year', extract(year FROM "eventOn")::int::text, count(*) FROM matched WHERE "eventOn" IS NOT NULL GROUP BY 2`;

  const facets = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as Record<Facet, FacetCount[]>;
  let total = 0;
  for (const row of rows) {
    if (row.facet === "total") total = Number(row.count);
    else if (row.value !== null) facets[row.facet].push({ value: row.value, count: Number(row.count) });
  }
  for (const counts of Object.values(facets)) {
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
  const after = cursor
    ? Prisma.sql`AND (a."updatedAt", a.id) > (${cursor.v}::timestamp, ${cursor.id}::uuid)`
    : Prisma.empty;
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
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ k: "changes", v: last.updatedAt.toISOString(), id: last.id }) : null;
  return { items, nextCursor } satisfies Page<unknown>;
}

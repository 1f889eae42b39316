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
import { NotFoundError } from "./errors";
import {
  publicAgreementDetailSelect,
  publicAgreementSummarySelect,
  toPublicAgreementDetail,
  toPublicAgreementSummary,
} from "./public-agreement";
import { assertKnownTaxonomy } from "./taxonomy";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface KeyedRow {
  id: string;
  key: Date | number | null;
}

const CURSOR_VALUE_OF_SORT = {
  recent: CursorValue.timestamp,
  signed: CursorValue.nullableDate,
  relevance: CursorValue.rank,
} satisfies Record<TAgreementSort, unknown>;

/** Sort key expression, direction-aware keyset condition and ORDER BY for each sort. */
function keyset(sort: TAgreementSort, q: string | undefined, cursor: Cursor | null) {
  switch (sort) {
    case "recent": {
      const after = cursor
        ? Prisma.sql`AND (a."publishedAt", a.id) < (${cursor.v}::timestamp, ${cursor.id}::uuid)`
        : Prisma.empty;
      return { key: Prisma.sql`a."publishedAt"`, after, order: Prisma.sql`a."publishedAt" DESC, a.id DESC` };
    }
    case "signed": {
      // Unknown signing dates sort last; within them, newest id first.
      const after = !cursor
        ? Prisma.empty
        : cursor.v === null
          ? Prisma.sql`AND a."signedOn" IS NULL AND a.id < ${cursor.id}::uuid`
          : Prisma.sql`AND (a."signedOn" IS NULL OR (a."signedOn", a.id) < (${cursor.v}::date, ${cursor.id}::uuid))`;
      return { key: Prisma.sql`a."signedOn"`, after, order: Prisma.sql`a."signedOn" DESC NULLS LAST, a.id DESC` };
    }
    case "relevance": {
      const rank = Prisma.sql`ts_rank(a."search", ${searchQuerySql(q ?? "")})::float8`;
      const after = cursor ? Prisma.sql`AND (${rank}, a.id) < (${cursor.v}::float8, ${cursor.id}::uuid)` : Prisma.empty;
      return { key: rank, after, order: Prisma.sql`${rank} DESC, a.id DESC` };
    }
  }
}

function cursorValue(key: KeyedRow["key"], sort: TAgreementSort): string | number | null {
  if (key instanceof Date) return sort === "signed" ? toIsoDate(key) : key.toISOString();
  return key;
}

/** Published agreements matching the filters, newest first by default, one keyset page at a time. */
export async function listPublishedAgreements(db: Db, rawInput: TAgreementListInput) {
  const input = ZAgreementListInput.parse(rawInput);
  await assertKnownTaxonomy(db, input);
  const sort = input.sort ?? (input.q ? "relevance" : "recent");
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, CURSOR_VALUE_OF_SORT[sort]) : null;
  const { key, after, order } = keyset(sort, input.q, cursor);

  const rows = await db.$queryRaw<KeyedRow[]>`
    SELECT a.id, ${key} AS key FROM "Agreement" a
    WHERE ${publishedAgreementConditions(input)} ${after}
    ORDER BY ${order}
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ k: sort, v: cursorValue(last.key, sort), id: last.id }) : null;

  const records = await db.agreement.findMany({
    where: { id: { in: page.map((row) => row.id) } },
    select: publicAgreementSummarySelect,
  });
  const byId = new Map(records.map((record) => [record.id, record]));
  const items = page.flatMap((row) => {
    const record = byId.get(row.id);
    return record ? [toPublicAgreementSummary(record, input.lang)] : [];
  });
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
  const live = await db.agreement.findMany({
    where: { id: { in: page.filter((row) => row.live).map((row) => row.id) } },
    select: publicAgreementSummarySelect,
  });
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

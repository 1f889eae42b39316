import type { z } from "zod";
import { type Actor, actorId } from "../auth/access";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { ZEditorListInput } from "../validators/editorial";
import { DEFAULT_EDITOR_SORT_ORDER, type TEditorSort } from "../validators/vocabulary";
import { agreementFilterConditions } from "./agreement-filters";
import { actorLabels } from "./actors";
import { type Cursor, CursorValue, decodeCursor, encodeCursor } from "./cursor";
import { toIsoDate } from "./dates";

interface EditorListRow {
  id: string; slug: string; title: string; state: string; status: string; kind: string; version: number;
  africanCountryCodes: string[]; partnerCountryCodes: string[]; sectorSlugs: string[];
  signedOn: Date | null; signedPrecision: string; updatedAt: Date; updatedById: string | null; deletedAt: Date | null;
}

/** Each sort's column, the SQL type of its cursor value, and how a row's value goes into the cursor. */
const SORT_KEYS = {
  updated: { column: "updatedAt", type: "timestamp", value: CursorValue.timestamp, nullable: false, cursorValue: (row: EditorListRow) => row.updatedAt.toISOString() },
  title: { column: "title", type: "text", value: CursorValue.text, nullable: false, cursorValue: (row: EditorListRow) => row.title },
  signed: { column: "signedOn", type: "date", value: CursorValue.nullableDate, nullable: true, cursorValue: (row: EditorListRow) => toIsoDate(row.signedOn) },
} satisfies Record<TEditorSort, unknown>;

const whereAll = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/**
 * One keyset page ordered by the sort's column then id, nulls last in both directions.
 * Rows with a value and rows without are read by two index-friendly queries, so neither
 * sorts the whole table; a cursor already in the nulls skips the rows with a value.
 */
function keysetPageSql(sort: TEditorSort, descending: boolean, cursor: Cursor | null, conditions: Prisma.Sql[], limit: number): Prisma.Sql {
  const key = SORT_KEYS[sort];
  const column = Prisma.raw(`a."${key.column}"`);
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const beyond = Prisma.raw(descending ? "<" : ">");
  const select = Prisma.sql`SELECT a.id, a.slug, a.title, a.state::text, a.status::text, a.kind::text, a.version,
    a."africanCountryCodes", a."partnerCountryCodes", a."sectorSlugs", a."signedOn", a."signedPrecision"::text, a."updatedAt", a."updatedById", a."deletedAt"
    FROM "Agreement" a`;
  const parts: Prisma.Sql[] = [];
  if (cursor?.v !== null) {
    const valueConditions = [
      ...conditions,
      ...(key.nullable ? [Prisma.sql`${column} IS NOT NULL`] : []),
      ...(cursor ? [Prisma.sql`(${column}, a.id) ${beyond} (${cursor.v}::${Prisma.raw(key.type)}, ${cursor.id}::uuid)`] : []),
    ];
    parts.push(Prisma.sql`(${select} ${whereAll(valueConditions)} ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${limit})`);
  }
  if (key.nullable) {
    const nullConditions = [...conditions, Prisma.sql`${column} IS NULL`, ...(cursor?.v === null ? [Prisma.sql`a.id ${beyond} ${cursor.id}::uuid`] : [])];
    parts.push(Prisma.sql`(${select} ${whereAll(nullConditions)} ORDER BY a.id ${direction} LIMIT ${limit})`);
  }
  return Prisma.sql`SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) page
    ORDER BY page.${Prisma.raw(`"${key.column}"`)} ${direction} NULLS LAST, page.id ${direction} LIMIT ${limit}`;
}

/** Every record an editor may work on, any state, in the chosen order (most recently changed first by default), by keyset pages. */
export async function listAgreementsForEditors(db: Db, actor: Actor, rawInput: z.input<typeof ZEditorListInput>) {
  const input = ZEditorListInput.parse(rawInput);
  const order = input.order ?? DEFAULT_EDITOR_SORT_ORDER[input.sort];
  // The cursor names its sort and order, so it cannot continue a list in another order.
  const cursorKey = `${input.sort}:${order}`;
  const cursor = input.cursor ? decodeCursor(input.cursor, cursorKey, SORT_KEYS[input.sort].value) : null;
  const conditions = [
    ...agreementFilterConditions(input),
    ...(input.includeDeleted ? [] : [Prisma.sql`a."deletedAt" IS NULL`]),
    ...(input.state?.length ? [Prisma.sql`a."state"::text = ANY(${input.state}::text[])`] : []),
    ...(input.mine ? [Prisma.sql`a."createdById" = ${actorId(actor) ?? ""}`] : []),
  ];
  const rows = await db.$queryRaw<EditorListRow[]>(keysetPageSql(input.sort, order === "desc", cursor, conditions, input.limit + 1));
  const page = rows.slice(0, input.limit);
  const labels = await actorLabels(db, page.map((row) => row.updatedById));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      signedOn: toIsoDate(row.signedOn),
      updatedAt: row.updatedAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
      updatedBy: row.updatedById ? (labels.get(row.updatedById) ?? row.updatedById) : null,
    })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ k: cursorKey, v: SORT_KEYS[input.sort].cursorValue(last), id: last.id }) : null,
  };
}

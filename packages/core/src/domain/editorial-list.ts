import type { z } from "zod";
import { type Actor, actorId } from "./access";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { ZEditorListInput } from "../validators/agreement-editing";
import { DEFAULT_EDITOR_SORT_ORDER, type TEditorSort } from "../validators/vocabulary";
import { agreementFilterConditions } from "./agreement-filters";
import { actorLabels } from "./actor-labels";
import { CursorValue, decodeCursor, encodeCursor } from "./cursor";
import { toIsoDate } from "./dates";
import { type KeysetOrder, keysetPageSql } from "./keyset";
import { readableRecordsSql } from "./record-access";

interface EditorListRow {
  id: string;
  slug: string;
  title: string;
  state: string;
  status: string;
  kind: string;
  version: number;
  africanCountryCodes: string[];
  partnerCountryCodes: string[];
  sectorSlugs: string[];
  signedOn: Date | null;
  signedPrecision: string;
  updatedAt: Date;
  updatedById: string | null;
  deletedAt: Date | null;
}

/** Each sort's column, the SQL type of its cursor value, and how a row's value goes into the cursor. */
const SORT_KEYS = {
  updated: {
    column: "updatedAt",
    type: "timestamp",
    value: CursorValue.timestamp,
    nullable: false,
    cursorValue: (row: EditorListRow) => row.updatedAt.toISOString(),
  },
  title: { column: "title", type: "text", value: CursorValue.text, nullable: false, cursorValue: (row: EditorListRow) => row.title },
  signed: { column: "signedOn", type: "date", value: CursorValue.nullableDate, nullable: true, cursorValue: (row: EditorListRow) => toIsoDate(row.signedOn) },
} satisfies Record<TEditorSort, Omit<KeysetOrder, "descending"> & Record<string, unknown>>;

const EDITOR_LIST_SELECT = Prisma.sql`SELECT a.id, a.slug, a.title, a.state::text, a.status::text, a.kind::text, a.version,
  a."africanCountryCodes", a."partnerCountryCodes", a."sectorSlugs", a."signedOn", a."signedPrecision"::text, a."updatedAt", a."updatedById", a."deletedAt"
  FROM "Agreement" a`;

/**
 * The records the caller may open, any state (for contributors and tokens: published ones and
 * their own), in the chosen order (most recently changed first by default), by keyset pages.
 */
export async function listAgreementsForEditors(db: Db, actor: Actor, rawInput: z.input<typeof ZEditorListInput>) {
  const input = ZEditorListInput.parse(rawInput);
  const order = input.order ?? DEFAULT_EDITOR_SORT_ORDER[input.sort];
  // The cursor names its sort and order, so it cannot continue a list in another order.
  const cursorKey = `${input.sort}:${order}`;
  const cursor = input.cursor ? decodeCursor(input.cursor, cursorKey, SORT_KEYS[input.sort].value) : null;
  const conditions = [
    readableRecordsSql(actor),
    ...agreementFilterConditions(input),
    ...(input.includeDeleted ? [] : [Prisma.sql`a."deletedAt" IS NULL`]),
    ...(input.state?.length ? [Prisma.sql`a."state"::text = ANY(${input.state}::text[])`] : []),
    ...(input.mine ? [Prisma.sql`a."createdById" = ${actorId(actor) ?? ""}`] : []),
  ];
  const key = SORT_KEYS[input.sort];
  const rows = await db.$queryRaw<EditorListRow[]>(
    keysetPageSql(EDITOR_LIST_SELECT, { ...key, descending: order === "desc" }, cursor, conditions, input.limit + 1),
  );
  const page = rows.slice(0, input.limit);
  const labels = await actorLabels(
    db,
    page.map((row) => row.updatedById),
    actor,
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      signedOn: toIsoDate(row.signedOn),
      updatedAt: row.updatedAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
      updatedBy: row.updatedById ? (labels.get(row.updatedById) ?? row.updatedById) : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ k: cursorKey, v: SORT_KEYS[input.sort].cursorValue(last), id: last.id }) : null,
  };
}

import { Prisma } from "../generated/prisma/client";
import type { Cursor } from "./cursor";

/** The order of a keyset page: one column, then id, in one direction, nulls last. */
export interface KeysetOrder {
  column: string;
  /** SQL type of the column, for the cursor value. */
  type: "timestamp" | "date" | "text";
  nullable: boolean;
  descending: boolean;
}

const whereAll = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/**
 * One keyset page of `select` (rows of `"Agreement" a`, with the order column under its
 * own name) ordered by the column then id, nulls last. Rows with a value and rows without
 * are read by two index-friendly queries, so neither sorts the whole table; a cursor
 * already in the nulls skips the rows with a value.
 *
 * `backward` reads the rows before the cursor instead, nearest first: the same order
 * reversed (nulls first), so a cursor among the values skips the nulls.
 */
export function keysetPageSql(
  select: Prisma.Sql,
  order: KeysetOrder,
  cursor: Cursor | null,
  conditions: Prisma.Sql[],
  limit: number,
  backward = false,
): Prisma.Sql {
  const column = Prisma.raw(`a."${order.column}"`);
  const descending = order.descending !== backward;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const beyond = Prisma.raw(descending ? "<" : ">");
  const cursorInNulls = cursor?.v === null;
  const parts: Prisma.Sql[] = [];
  const valuesReached = backward || !cursorInNulls;
  const nullsReached = order.nullable && (!backward || !cursor || cursorInNulls);
  if (valuesReached) {
    const valueConditions = [
      ...conditions,
      ...(order.nullable ? [Prisma.sql`${column} IS NOT NULL`] : []),
      ...(cursor && !cursorInNulls ? [Prisma.sql`(${column}, a.id) ${beyond} (${cursor.v}::${Prisma.raw(order.type)}, ${cursor.id}::uuid)`] : []),
    ];
    parts.push(Prisma.sql`(${select} ${whereAll(valueConditions)} ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${limit})`);
  }
  if (nullsReached) {
    const nullConditions = [...conditions, Prisma.sql`${column} IS NULL`, ...(cursor && cursorInNulls ? [Prisma.sql`a.id ${beyond} ${cursor.id}::uuid`] : [])];
    parts.push(Prisma.sql`(${select} ${whereAll(nullConditions)} ORDER BY a.id ${direction} LIMIT ${limit})`);
  }
  return Prisma.sql`SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) page
    ORDER BY page.${Prisma.raw(`"${order.column}"`)} ${direction} NULLS ${Prisma.raw(backward ? "FIRST" : "LAST")}, page.id ${direction} LIMIT ${limit}`;
}

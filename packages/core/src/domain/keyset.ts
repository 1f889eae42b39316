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
 * own name) ordered by the column then id, nulls last in both directions. Rows with a
 * value and rows without are read by two index-friendly queries, so neither sorts the
 * whole table; a cursor already in the nulls skips the rows with a value.
 */
export function keysetPageSql(select: Prisma.Sql, order: KeysetOrder, cursor: Cursor | null, conditions: Prisma.Sql[], limit: number): Prisma.Sql {
  const column = Prisma.raw(`a."${order.column}"`);
  const direction = Prisma.raw(order.descending ? "DESC" : "ASC");
  const beyond = Prisma.raw(order.descending ? "<" : ">");
  const parts: Prisma.Sql[] = [];
  if (cursor?.v !== null) {
    const valueConditions = [
      ...conditions,
      ...(order.nullable ? [Prisma.sql`${column} IS NOT NULL`] : []),
      ...(cursor ? [Prisma.sql`(${column}, a.id) ${beyond} (${cursor.v}::${Prisma.raw(order.type)}, ${cursor.id}::uuid)`] : []),
    ];
    parts.push(Prisma.sql`(${select} ${whereAll(valueConditions)} ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${limit})`);
  }
  if (order.nullable) {
    const nullConditions = [...conditions, Prisma.sql`${column} IS NULL`, ...(cursor?.v === null ? [Prisma.sql`a.id ${beyond} ${cursor.id}::uuid`] : [])];
    parts.push(Prisma.sql`(${select} ${whereAll(nullConditions)} ORDER BY a.id ${direction} LIMIT ${limit})`);
  }
  return Prisma.sql`SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) page
    ORDER BY page.${Prisma.raw(`"${order.column}"`)} ${direction} NULLS LAST, page.id ${direction} LIMIT ${limit}`;
}

import { v7 as uuidv7 } from "uuid";
import { Prisma } from "../generated/prisma/client";

/** A new row's id, time-ordered like the ones Prisma makes for `@default(uuid(7))`. */
export const newRowId = (): string => uuidv7();

/** Rows to insert, by table. */
export type RowsOf = Partial<Record<Prisma.ModelName, object[]>>;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Inserts the rows of several tables in one statement, each set of columns from one parameter
 * (the rows as JSON, typed by the table's own row type): for the hundreds of rows of an import
 * and the few of an editor's save, a fraction of the round trips and of the work in this process
 * that `createMany` takes. Foreign keys are checked when the statement ends, so a row may name
 * one inserted beside it. As with `createMany`, an absent or undefined value takes the column's
 * default; unlike it, ids (`uuid(7)`) and `updatedAt` are the caller's to give. A table in
 * `replacingById` updates the rows whose id it has already.
 */
export async function insertRows(tx: Prisma.TransactionClient, rowsOf: RowsOf, { replacingById = [] as Prisma.ModelName[] } = {}): Promise<void> {
  const inserts: Prisma.Sql[] = [];
  for (const [table, rows] of Object.entries(rowsOf) as [Prisma.ModelName, object[]][]) {
    for (const [set, alike] of groupByColumns(rows)) {
      const columns = set.split(",");
      if (![table, ...columns].every((name) => IDENTIFIER.test(name))) throw new Error(`insertRows: not a plain identifier in ${table}(${set})`);
      const quoted = (prefix: string) => Prisma.raw(columns.map((column) => `${prefix}"${column}"`).join(", "));
      const name = Prisma.raw(`"${table}"`);
      const replacing = replacingById.includes(table)
        ? Prisma.sql` ON CONFLICT ("id") DO UPDATE SET (${quoted("")}) = ROW(${quoted("EXCLUDED.")})`
        : Prisma.empty;
      inserts.push(Prisma.sql`INSERT INTO ${name} (${quoted("")})
        SELECT ${quoted("")} FROM jsonb_populate_recordset(NULL::${name}, ${JSON.stringify(alike)}::jsonb)${replacing}`);
    }
  }
  if (!inserts.length) return;
  const [last, ...others] = inserts.reverse();
  const ctes = others.length
    ? Prisma.sql`WITH ${Prisma.join(others.map((insert, i) => Prisma.sql`${Prisma.raw(`insert${i}`)} AS (${insert})`))} `
    : Prisma.empty;
  await tx.$executeRaw`${ctes}${last!}`;
}

/** Rows by the columns they give, as a comma-separated list. */
function groupByColumns(rows: object[]): Map<string, object[]> {
  const bySet = new Map<string, object[]>();
  for (const row of rows) {
    const columns = Object.entries(row)
      .flatMap(([column, value]) => (value === undefined ? [] : [column]))
      .join(",");
    const alike = bySet.get(columns);
    if (alike) alike.push(row);
    else bySet.set(columns, [row]);
  }
  return bySet;
}

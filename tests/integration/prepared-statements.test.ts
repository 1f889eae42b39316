import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@coop/core/db";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
// One connection, so the statements it has prepared are the ones these queries prepared.
let db: Db;
beforeAll(() => {
  db = createDb(database.url, { max: 1 });
});
afterAll(() => db.$disconnect());

const prepared = async () =>
  (await db.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'prisma\\_%' ORDER BY prepare_time`).map(
    (row) => row.statement,
  );

describe("prepared statements", () => {
  it("keeps Prisma's own statements prepared on the connection, parsed once however often they run", async () => {
    for (let i = 0; i < 3; i += 1) await db.country.findUnique({ where: { code: "KE" }, select: { code: true } });
    const statements = await prepared();
    expect(statements.filter((statement) => statement.includes('FROM "public"."Country"'))).toHaveLength(1);
  });

  it("leaves hand-written SQL and statements with lists of every length unprepared", async () => {
    const before = await prepared();
    await db.$queryRaw`SELECT count(*) FROM "Agreement" WHERE "state" = 'PUBLISHED'`;
    await db.country.findMany({ where: { code: { in: ["KE", "NG", "GH"] } }, select: { code: true } });
    await db.country.findMany({ where: { code: { in: ["KE", "NG"] } }, select: { code: true } });
    expect(await prepared()).toEqual(before);
  });
});

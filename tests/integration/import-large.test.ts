import { describe, expect, it } from "vitest";
import { importAgreements } from "@coop/core/domain";
import { useTestDatabase } from "../support/database";
import { generateImportCsv } from "@coop/bench/import-file";
import { userActor } from "../support/records";

const database = useTestDatabase();
const ROWS = 10_000;

describe("a 10,000-row import", () => {
  it("dry-runs, imports with progress, and re-imports idempotently", { timeout: 900_000 }, async () => {
    const actor = await userActor(database.db, "EDITOR");
    const content = generateImportCsv(ROWS);
    const before = await database.db.agreement.count();

    const dryRun = await importAgreements(database.db, actor, { format: "csv", content, dryRun: true });
    expect(dryRun).toMatchObject({ total: ROWS, created: ROWS, errors: 0, duplicateSuspects: 0 });
    expect(await database.db.agreement.count()).toBe(before);

    const progress: number[] = [];
    const real = await importAgreements(database.db, actor, { format: "csv", content, dryRun: false }, ({ processed }) => progress.push(processed));
    expect(real).toMatchObject({ total: ROWS, created: ROWS, errors: 0 });
    expect(progress.length).toBeGreaterThanOrEqual(ROWS / 100);
    expect(progress.at(-1)).toBe(ROWS);
    expect(await database.db.agreement.count()).toBe(before + ROWS);
    expect(await database.db.revision.count({ where: { agreement: { externalId: { startsWith: "bulk-" } } } })).toBe(ROWS);

    const again = await importAgreements(database.db, actor, { format: "csv", content, dryRun: false });
    expect(again).toMatchObject({ total: ROWS, unchanged: ROWS, created: 0, updated: 0 });
    expect(await database.db.agreement.count()).toBe(before + ROWS);
  });
});

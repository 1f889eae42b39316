import { describe, expect, it } from "vitest";
import { importAgreements } from "@coop/core/domain";
import { useTestDatabase } from "../support/database";
import { generateImportCsv } from "@coop/bench/import-file";
import { userActor } from "../support/records";

const database = useTestDatabase();
// Large enough for many chunks and progress reports; the 10,000-row figure is measured by `pnpm bench` (BENCH_IMPORT_ROWS).
const ROWS = 2_000;

describe("a 2,000-row import", () => {
  it("dry-runs, imports with progress, and re-imports idempotently", { timeout: 300_000 }, async () => {
    const actor = await userActor(database.db, "EDITOR");
    const content = generateImportCsv(ROWS);
    const before = await database.db.agreement.count();

    const dryRun = await importAgreements(database.db, actor, { format: "csv", content, dryRun: true });
    expect(dryRun).toMatchObject({ total: ROWS, errors: 0 });
    expect(dryRun.created + dryRun.duplicateSuspects).toBe(ROWS);
    expect(await database.db.agreement.count()).toBe(before);

    const progress: number[] = [];
    const real = await importAgreements(database.db, actor, { format: "csv", content, dryRun: false }, ({ processed }) => progress.push(processed));
    // Random titles can happen to resemble an earlier row: those are held back as suspects, never lost.
    expect(real).toMatchObject({ total: ROWS, errors: 0 });
    expect(real.created + real.duplicateSuspects).toBe(ROWS);
    expect(real.created).toBeGreaterThan(ROWS * 0.99);
    expect(progress.length).toBeGreaterThanOrEqual(ROWS / 100);
    expect(progress.at(-1)).toBe(ROWS);
    expect(await database.db.agreement.count()).toBe(before + real.created);
    expect(await database.db.revision.count({ where: { agreement: { externalId: { startsWith: "bulk-" } } } })).toBe(real.created);

    const again = await importAgreements(database.db, actor, { format: "csv", content, dryRun: false });
    expect(again).toMatchObject({ total: ROWS, unchanged: real.created, duplicateSuspects: real.duplicateSuspects, created: 0, updated: 0 });
    expect(await database.db.agreement.count()).toBe(before + real.created);
  });
});

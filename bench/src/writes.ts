import type { Actor } from "@coop/core/domain";
import type { Db } from "@coop/core/db";
import { createAgreement, importAgreements, updateAgreement } from "@coop/core/domain";
import { ZAgreementInput } from "@coop/core/validators";
import { generateImportCsv } from "./import-file";
import { machineLoad, measureThroughput, report } from "./measure";

const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);

/** Editor saves (each a transaction with its revision and audit rows) and bulk import speed. */
export async function benchWrites(db: Db, records: number): Promise<void> {
  const admin = await db.user.upsert({
    where: { email: "bench@example.org" },
    create: { id: crypto.randomUUID(), email: "bench@example.org", name: "Bench", role: "EDITOR" },
    update: {},
  });
  const actor: Actor = {
    kind: "user",
    userId: admin.id,
    email: admin.email,
    name: admin.name,
    role: "EDITOR",
    mustChangePassword: false,
    sessionId: "bench",
    ip: null,
  };
  const data = (title: string) =>
    ZAgreementInput.parse({
      title,
      kind: "AGREEMENT",
      status: "SIGNED",
      signedOn: "2025-05",
      sectors: ["energy"],
      parties: [
        { countryCode: "KE", side: "AFRICA" },
        { countryCode: "RU", side: "PARTNER" },
      ],
      sources: [{ url: "https://example.org/bench", publisher: "Bench Wire" }],
    });
  const record = await createAgreement(db, actor, { data: data(`Bench record ${Date.now()}`), confirmNotDuplicate: true });
  let version = record.version;
  await measureThroughput("editor updates", { records, note: "sequential saves, each with revision + audit" }, SECONDS, async (i) => {
    await updateAgreement(db, actor, { id: record.id, expectedVersion: version, data: data(`Bench record edit ${i}`) });
    version += 1;
  });

  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
  const content = generateImportCsv(rows, Date.now() % 100_000);
  for (const dryRun of [true, false]) {
    const start = performance.now();
    const result = await importAgreements(db, actor, { format: "csv", content, dryRun });
    const seconds = (performance.now() - start) / 1000;
    report({
      bench: dryRun ? "import dry run" : "import",
      records,
      rows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      duplicateSuspects: result.duplicateSuspects,
      errors: result.errors,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(rows / seconds),
      load: machineLoad(),
    });
  }
}

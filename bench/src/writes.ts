import type { Actor } from "@coop/core/domain";
import type { Db } from "@coop/core/db";
import { createAgreement, importAgreements, updateAgreement } from "@coop/core/domain";
import { ZAgreementInput } from "@coop/core/validators";
import { generateImportCsv } from "./import-file";
import { machineLoad, measureThroughput, report } from "./measure";

const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
/** Saves in flight at once in the concurrent run: the bench's pool has four connections. */
const EDITORS_AT_ONCE = 4;

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
  // Each in-flight save edits a draft of its own, as editors at work do.
  for (const editors of [1, EDITORS_AT_ONCE]) {
    const drafts: Awaited<ReturnType<typeof createAgreement>>[] = [];
    for (let editor = 0; editor < editors; editor += 1) {
      drafts.push(await createAgreement(db, actor, { data: data(`Bench record ${editor} ${Date.now()}`), confirmNotDuplicate: true }));
    }
    const versions = drafts.map((draft) => draft.version);
    await measureThroughput(
      editors === 1 ? "editor updates" : `editor updates, ${editors} at once`,
      { records, note: editors === 1 ? "sequential saves, each with revision + audit" : `${editors} saves in flight, each on its own draft` },
      SECONDS,
      async (i, editor) => {
        await updateAgreement(db, actor, { id: drafts[editor]!.id, expectedVersion: versions[editor]!, data: data(`Bench record edit ${editor}-${i}`) });
        versions[editor]! += 1;
      },
      editors,
    );
  }

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

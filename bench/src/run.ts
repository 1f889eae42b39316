import { performance } from "node:perf_hooks";
import { createDb } from "@coop/core/db";
import { applyMigrations, createDatabaseIfMissing, seedDatabase, startTemporaryPostgres, withDatabase } from "@coop/core/lifecycle";
import { generateAgreements } from "./generate";
import { benchAbuse } from "./abuse";
import { benchHttp } from "./http";
import { benchIntake } from "./intake";
import { benchQueries } from "./queries";
import { benchWrites } from "./writes";
import { benchWidgetSize } from "./widget-size";

const records = Number(process.env.BENCH_RECORDS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 1_000);
/** `BENCH_ONLY=http,writes` runs just those parts (widget, intake, queries, http, writes, abuse); unset runs them all. */
const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((part) => part.trim())
  .filter(Boolean);
const selected = (part: "widget" | "intake" | "queries" | "http" | "writes" | "abuse") => only.length === 0 || only.includes(part);

async function main(): Promise<void> {
  if (selected("widget")) benchWidgetSize();
  if (selected("intake")) benchIntake();
  if (!selected("queries") && !selected("http") && !selected("writes") && !selected("abuse")) return;
  const embedded = process.env.BENCH_DATABASE_URL ? null : await startTemporaryPostgres("coop-bench-");
  const serverUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  const database = `coop_bench_${records}`;
  await createDatabaseIfMissing(serverUrl, database);
  const url = withDatabase(serverUrl, database);
  await applyMigrations(url);
  const db = createDb(url, { max: 4 });
  try {
    await seedDatabase(db);
    if ((await db.agreement.count()) < records) {
      const start = performance.now();
      await generateAgreements(db, records);
      await db.$executeRawUnsafe('VACUUM ANALYZE "Agreement"');
      console.log(JSON.stringify({ bench: "generate", records, unit: "s", seconds: Math.round((performance.now() - start) / 100) / 10 }));
    }
    if (selected("queries")) await benchQueries(db, records, runs);
    if (selected("http")) await benchHttp(url, records);
    if (selected("writes")) await benchWrites(db, records);
    if (selected("abuse")) await benchAbuse(url, records);
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

await main();

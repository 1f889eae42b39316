import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "@coop/core/db";
import { applyMigrations, createDatabaseIfMissing, seedDatabase, startEmbeddedPostgres, withDatabase } from "@coop/core/db/lifecycle";
import { latestFeedItems, listPublishedAgreements, publishedAgreementFacets } from "@coop/core/domain";
import { generateAgreements } from "./generate";
import { benchWidgetSize } from "./widget-size";

const records = Number(process.env.BENCH_RECORDS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 1_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times `run` after a warm-up and prints one JSON line with p50/p95/p99 in milliseconds. */
async function measure(name: string, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i += 1) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  console.log(JSON.stringify({ bench: name, records, runs, unit: "ms", p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)) }));
}

async function queryBenchmarks(db: Db): Promise<void> {
  const countries = ["ZW", "NG", "KE", "EG", "ZA", "CG", "ET", "SN"];
  await measure("agreement.list", () => listPublishedAgreements(db, { limit: 20 }));
  await measure("agreement.list country", (i) => listPublishedAgreements(db, { country: [countries[i % countries.length]!], limit: 20 }));
  await measure("agreement.list combined", (i) =>
    listPublishedAgreements(db, { country: [countries[i % countries.length]!], partner: ["RU"], sector: ["cybersecurity"], status: ["SIGNED", "IN_FORCE"], limit: 20 }),
  );
  await measure("agreement.list sort=signed", () => listPublishedAgreements(db, { sort: "signed", limit: 20 }));
  let deepCursor: string | null = null;
  for (let page = 0; page < 50; page += 1) deepCursor = (await listPublishedAgreements(db, { limit: 20, cursor: deepCursor })).nextCursor;
  await measure("agreement.list page 51", () => listPublishedAgreements(db, { limit: 20, cursor: deepCursor }));
  const words = ["cybersecurity", "cybersécurité", "satellite", "nuclear", "drones", "identité numérique", "Zimbabwe", "fibre"];
  await measure("agreement.list search", (i) => listPublishedAgreements(db, { q: words[i % words.length]!, limit: 20 }));
  await measure("agreement.facets", () => publishedAgreementFacets(db, {}));
  await measure("agreement.facets country", (i) => publishedAgreementFacets(db, { country: [countries[i % countries.length]!] }));
  await measure("feed.latest", () => latestFeedItems(db, { limit: 5 }));
  await measure("feed.latest filtered", (i) => latestFeedItems(db, { country: [countries[i % countries.length]!], sector: ["cybersecurity"], limit: 5 }));
}

async function main(): Promise<void> {
  benchWidgetSize();
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-bench-"));
    await fs.chmod(dataDir, 0o755);
    const server = await startEmbeddedPostgres(dataDir);
    serverUrl = server.url;
    stop = server.stop;
  }
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
    await queryBenchmarks(db);
  } finally {
    await db.$disconnect();
    await stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();

import type { Db } from "@coop/core/db";
import { findLikelyDuplicates, latestFeedItems, listPublishedAgreements, publishedAgreementFacets } from "@coop/core/domain";
import { measureLatency, type TailProbe } from "./measure";

const COUNTRIES = ["ZW", "NG", "KE", "EG", "ZA", "CG", "ET", "SN"];
const WORDS = ["cybersecurity", "cybersécurité", "satellite", "nuclear", "drones", "identité numérique", "Zimbabwe", "fibre"];

/** The cursor that opens page `page` of the 20-item list in `sort` order. */
async function cursorOfPage(db: Db, sort: "recent" | "signed", page: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let i = 1; i < page; i += 1) cursor = (await listPublishedAgreements(db, { sort, limit: 20, cursor })).nextCursor;
  return cursor;
}

/** Public read paths through the domain functions, as the API and feeds call them. */
export async function benchQueries(db: Db, records: number, runs: number): Promise<void> {
  const context = { records };
  // The benchmark is this database's only client: its backends are the ones serving these calls.
  const probe: TailProbe = {
    processIds: async () =>
      (await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`).map((row) => Number(row.pid)),
  };
  const country = (i: number) => [COUNTRIES[i % COUNTRIES.length]!];
  await measureLatency("agreement.list", context, runs, () => listPublishedAgreements(db, { limit: 20 }), probe);
  await measureLatency("agreement.list country", context, runs, (i) => listPublishedAgreements(db, { country: country(i), limit: 20 }), probe);
  await measureLatency(
    "agreement.list combined",
    context,
    runs,
    (i) => listPublishedAgreements(db, { country: country(i), partner: ["RU"], sector: ["cybersecurity"], status: ["SIGNED", "IN_FORCE"], limit: 20 }),
    probe,
  );
  await measureLatency("agreement.list sort=signed", context, runs, () => listPublishedAgreements(db, { sort: "signed", limit: 20 }), probe);
  for (const sort of ["recent", "signed"] as const) {
    const cursor = await cursorOfPage(db, sort, 51);
    await measureLatency(`agreement.list sort=${sort} page 51`, context, runs, () => listPublishedAgreements(db, { sort, limit: 20, cursor }), probe);
  }
  await measureLatency("agreement.list search", context, runs, (i) => listPublishedAgreements(db, { q: WORDS[i % WORDS.length]!, limit: 20 }), probe);
  await measureLatency("agreement.facets", context, runs, () => publishedAgreementFacets(db, {}), probe);
  await measureLatency("agreement.facets country", context, runs, (i) => publishedAgreementFacets(db, { country: country(i) }));
  await measureLatency("feed.latest", context, runs, () => latestFeedItems(db, { limit: 5 }), probe);
  await measureLatency("feed.latest filtered", context, runs, (i) => latestFeedItems(db, { country: country(i), sector: ["cybersecurity"], limit: 5 }), probe);
  // The editor's duplicate warning, asked while a title is typed: a title unlike the others, and one like thousands.
  await measureLatency("duplicates.check distinct title", context, runs, (i) =>
    findLikelyDuplicates(db, { title: `Amber basalt cobalt delta ember ${i}`, countries: ["KE", "RU"] }),
  );
  await measureLatency("duplicates.check common title", context, Math.min(runs, 100), (i) =>
    findLikelyDuplicates(db, { title: `Kenya and Russia agree on ${WORDS[i % WORDS.length]} cooperation`, countries: ["KE", "RU"] }),
  );
}

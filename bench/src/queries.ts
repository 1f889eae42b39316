import type { Db } from "@coop/core/db";
import { latestFeedItems, listPublishedAgreements, publishedAgreementFacets } from "@coop/core/domain";
import { measureLatency } from "./measure";

const COUNTRIES = ["ZW", "NG", "KE", "EG", "ZA", "CG", "ET", "SN"];
const WORDS = ["cybersecurity", "cybersécurité", "satellite", "nuclear", "drones", "identité numérique", "Zimbabwe", "fibre"];

/** Public read paths through the domain functions, as the API and feeds call them. */
export async function benchQueries(db: Db, records: number, runs: number): Promise<void> {
  const context = { records };
  const country = (i: number) => [COUNTRIES[i % COUNTRIES.length]!];
  await measureLatency("agreement.list", context, runs, () => listPublishedAgreements(db, { limit: 20 }));
  await measureLatency("agreement.list country", context, runs, (i) => listPublishedAgreements(db, { country: country(i), limit: 20 }));
  await measureLatency("agreement.list combined", context, runs, (i) =>
    listPublishedAgreements(db, { country: country(i), partner: ["RU"], sector: ["cybersecurity"], status: ["SIGNED", "IN_FORCE"], limit: 20 }),
  );
  await measureLatency("agreement.list sort=signed", context, runs, () => listPublishedAgreements(db, { sort: "signed", limit: 20 }));
  let deepCursor: string | null = null;
  for (let page = 0; page < 50; page += 1) deepCursor = (await listPublishedAgreements(db, { limit: 20, cursor: deepCursor })).nextCursor;
  await measureLatency("agreement.list page 51", context, runs, () => listPublishedAgreements(db, { limit: 20, cursor: deepCursor }));
  await measureLatency("agreement.list search", context, runs, (i) => listPublishedAgreements(db, { q: WORDS[i % WORDS.length]!, limit: 20 }));
  await measureLatency("agreement.facets", context, runs, () => publishedAgreementFacets(db, {}));
  await measureLatency("agreement.facets country", context, runs, (i) => publishedAgreementFacets(db, { country: country(i) }));
  await measureLatency("feed.latest", context, runs, () => latestFeedItems(db, { limit: 5 }));
  await measureLatency("feed.latest filtered", context, runs, (i) => latestFeedItems(db, { country: country(i), sector: ["cybersecurity"], limit: 5 }));
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClients, createDb, type DatabaseClients } from "@coop/core/db";
import { applyMigrations, createDatabaseIfMissing, seedDatabase, withDatabase } from "@coop/core/lifecycle";
import { createPublishingHandlers } from "@coop/core/http";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { insertAgreement } from "../support/factory";
import { startStreamingReplication } from "../support/replication";
import { apiAs, userActor } from "../support/records";

const DATABASE = "coop_replicated";
let replication: Awaited<ReturnType<typeof startStreamingReplication>>;
let clients: DatabaseClients;

beforeAll(async () => {
  replication = await startStreamingReplication(async (serverUrl) => {
    await createDatabaseIfMissing(serverUrl, DATABASE);
    await applyMigrations(withDatabase(serverUrl, DATABASE));
    const db = createDb(withDatabase(serverUrl, DATABASE), { max: 2 });
    await seedDatabase(db);
    await db.$disconnect();
  });
  clients = createDatabaseClients(withDatabase(replication.primaryServerUrl, DATABASE), {
    max: 2,
    replicaUrls: [withDatabase(replication.replicaServerUrl, DATABASE)],
  });
}, 120_000);
afterAll(async () => {
  await clients?.disconnect();
  await replication?.stop();
});

/** The public API as a server with a replica serves it: primary for the request, a replica for public procedures. */
const publicApi = () => createCaller(createContextInner({ db: clients.primary, publicDb: clients.publicReads() }));
const inRecovery = async (db: ReturnType<DatabaseClients["publicReads"]>) =>
  (await db.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`)[0]?.standby;

describe("read replicas (two PostgreSQL servers in streaming replication)", () => {
  it("sends public reads, raw SQL included, to the standby and everything else to the primary", async () => {
    expect(await inRecovery(clients.publicReads())).toBe(true);
    expect(await inRecovery(clients.primary)).toBe(false);
    const refused = await clients.publicReads().$executeRaw`CREATE TABLE "NotOnAReplica" (id int)`.catch((error: Error) => error);
    expect(String(refused)).toContain("read-only transaction");
  });

  it("serves public lists and feeds from the replica: a record the replica has not replayed yet is not shown, then is", async () => {
    await replication.pauseReplay();
    try {
      const record = await insertAgreement(clients.primary, { title: "Written while the replica lags", africa: "SN" });
      // The primary has it: editorial reads and writes see their own data.
      expect(await clients.primary.agreement.findUnique({ where: { id: record.id } })).not.toBeNull();
      expect((await publicApi().agreement.list({ country: ["SN"] })).items.map((item) => item.slug)).not.toContain(record.slug);
      const feed = createPublishingHandlers({ getDb: () => clients.publicReads() });
      const lagging = await feed.jsonFeed(new Request("http://coop.test/feed.json?country=SN"));
      expect(await lagging.text()).not.toContain(record.slug);

      await replication.resumeReplay();
      await replication.caughtUp();
      expect((await publicApi().agreement.list({ country: ["SN"] })).items.map((item) => item.slug)).toContain(record.slug);
      expect(await (await feed.jsonFeed(new Request("http://coop.test/feed.json?country=SN"))).text()).toContain(record.slug);
    } finally {
      await replication.resumeReplay();
    }
  });

  it("runs editors' writes and transactions on the primary through the same clients", async () => {
    const editor = await userActor(clients.primary, "EDITOR");
    const [count] = await clients.primary.$transaction([clients.primary.agreement.count(), clients.primary.$queryRaw`SELECT 1`]);
    const created = await apiAs(clients.primary, editor).agreement.create({
      confirmNotDuplicate: true,
      data: {
        title: "Saved by an editor with replicas configured",
        kind: "MOU",
        status: "ANNOUNCED",
        parties: [
          { countryCode: "SN", side: "AFRICA" },
          { countryCode: "RU", side: "PARTNER" },
        ],
      },
    });
    expect(await clients.primary.agreement.count()).toBe(count + 1);
    expect(await clients.primary.revision.count({ where: { agreementId: created.id } })).toBe(1);
    await replication.caughtUp();
    expect(await clients.publicReads().agreement.findUnique({ where: { id: created.id }, select: { state: true } })).toEqual({ state: "DRAFT" });
  });
});

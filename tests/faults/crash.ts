import { findFreePort } from "@coop/core/lifecycle";
import { launchServer } from "@coop/admin/launcher";
import { failed, faultDatabase, faultRecordData, postJson, proved, writerToken } from "./harness";

const CREATES = 1_000;
const IN_FLIGHT = 50;
const KILL_AFTER = 300;

/**
 * kill -9 of the web server and PostgreSQL in the middle of 1,000 concurrent
 * creates: after PostgreSQL recovers on its own, every acknowledged create is
 * there with its revision and audit row, and no record is half written.
 */
export async function crashDuringWrites(): Promise<void> {
  const database = await faultDatabase();
  try {
    const token = await writerToken(database.db);
    const server = await launchServer({ port: await findFreePort(), databaseUrl: database.url, seed: false });
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const createOne = async (n: number) => {
      const body = JSON.stringify({ confirmNotDuplicate: true, data: faultRecordData(`Crash test record ${n} ${crypto.randomUUID()}`) });
      const response = await postJson(`${server.url}/api/trpc/agreement.create`, body, { authorization: `Bearer ${token}` });
      if (response?.status === 200) acknowledged.push((JSON.parse(response.body) as { result: { data: { id: string } } }).result.data.id);
    };
    const crash = async () => {
      killed = true;
      process.kill(server.pid, "SIGKILL");
      process.kill(await database.postmasterPid(), "SIGKILL");
    };
    const workers = Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < CREATES && !killed) {
        await createOne(sent++);
        if (acknowledged.length >= KILL_AFTER && !killed) await crash();
      }
    });
    await Promise.all(workers);
    await server.stop().catch(() => {});

    await database.start(); // crash recovery replays the WAL
    const ids = new Set(acknowledged);
    const stored = await database.db.agreement.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, _count: { select: { revisions: true, parties: true, sources: true } } },
    });
    const audited = await database.db.auditLog.count({ where: { action: "agreement.create", entityId: { in: [...ids] } } });
    const missing = [...ids].filter((id) => !stored.some((row) => row.id === id));
    const incomplete = stored.filter((row) => row._count.revisions !== 1 || row._count.parties !== 2 || row._count.sources !== 1);
    const halfWritten = await database.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "Agreement" a WHERE NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r."agreementId" = a.id)`;
    const details = {
      sent,
      acknowledged: ids.size,
      stored: stored.length,
      audited,
      missing: missing.length,
      incomplete: incomplete.length,
      withoutRevision: Number(halfWritten[0]?.count ?? 0),
    };
    if (missing.length || incomplete.length || audited !== ids.size || Number(halfWritten[0]?.count ?? 0) > 0) failed("crash during writes", details);
    proved(
      "crash during writes",
      `all ${ids.size} creates acknowledged before kill -9 of the server and PostgreSQL are stored, each with its revision, parties, source and audit row; no record without a revision`,
      details,
    );
  } finally {
    await database.dispose();
  }
}

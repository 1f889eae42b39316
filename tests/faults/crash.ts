import http from "node:http";
import { findFreePort } from "@coop/core/db/lifecycle";
import { launchServer } from "@coop/admin/launcher";
import { failed, faultDatabase, proved, writerToken } from "./harness";

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
      const body = JSON.stringify({
        confirmNotDuplicate: true,
        data: {
          title: `Crash test record ${n} ${crypto.randomUUID()}`,
          kind: "AGREEMENT",
          status: "SIGNED",
          parties: [{ countryCode: "KE", side: "AFRICA" }, { countryCode: "RU", side: "PARTNER" }],
          sources: [{ url: `https://example.org/crash/${n}`, publisher: "Crash Wire" }],
        },
      });
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
    const details = { sent, acknowledged: ids.size, stored: stored.length, audited, missing: missing.length, incomplete: incomplete.length, withoutRevision: Number(halfWritten[0]?.count ?? 0) };
    if (missing.length || incomplete.length || audited !== ids.size || Number(halfWritten[0]?.count ?? 0) > 0) failed("crash during writes", details);
    proved("crash during writes", details);
  } finally {
    await database.dispose();
  }
}

/** A POST over node:http with a hard timeout: a connection cut by the kill must end, not hang. */
function postJson(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on("error", () => resolve(null));
    });
    request.setTimeout(15_000, () => request.destroy());
    request.on("error", () => resolve(null));
    request.end(body);
  });
}

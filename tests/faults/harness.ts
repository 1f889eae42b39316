import fs from "node:fs/promises";
import path from "node:path";
import { createDb, type Db } from "@coop/core/db";
import { applyMigrations, createDatabaseIfMissing, findFreePort, seedDatabase, startEmbeddedPostgres, startTemporaryPostgres, withDatabase } from "@coop/core/db/lifecycle";
import { createApiToken, createUserWithPassword } from "@coop/core/domain";

/** An embedded PostgreSQL on a fixed port in a temporary directory, so it can be stopped, killed and restarted. */
export async function faultDatabase() {
  const port = await findFreePort();
  const temporary = await startTemporaryPostgres("coop-faults-", { port });
  const dataDir = temporary.dataDir;
  let server: { url: string; stop(): Promise<void> } = temporary;
  await createDatabaseIfMissing(server.url, "coop_faults");
  const url = withDatabase(server.url, "coop_faults");
  await applyMigrations(url);
  const db = createDb(url, { max: 4 });
  await seedDatabase(db);
  return {
    dataDir,
    url,
    db,
    async start() {
      server = await startEmbeddedPostgres(dataDir, { port });
    },
    stop: () => server.stop(),
    /** The postmaster's pid, for kill -9. */
    async postmasterPid(): Promise<number> {
      return Number((await fs.readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    },
    async dispose() {
      await db.$disconnect().catch(() => {});
      // The first server may have been killed; stop whichever runs now, then remove the data.
      await server.stop().catch(() => {});
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An API token allowed to write drafts, owned by a fresh editor. */
export async function writerToken(db: Db): Promise<string> {
  const email = `faults-${Date.now()}@example.org`;
  const user = await db.$transaction((tx) => createUserWithPassword(tx, { email, name: "Faults", role: "EDITOR", password: "fault-injection-pass" }));
  const actor = { kind: "user" as const, userId: user.id, email, name: user.name, role: "EDITOR" as const, mustChangePassword: false, sessionId: "faults", ip: null };
  return (await createApiToken(db, actor, { name: "faults", scopes: ["records:write"] })).secret;
}

export function proved(name: string, details: Record<string, unknown>): void {
  console.log(JSON.stringify({ fault: name, result: "proved", ...details }));
}

export function failed(name: string, details: Record<string, unknown>): never {
  console.log(JSON.stringify({ fault: name, result: "FAILED", ...details }));
  process.exit(1);
}

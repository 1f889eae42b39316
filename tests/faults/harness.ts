import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { createDb, type Db } from "@coop/core/db";
import {
  applyMigrations,
  createDatabaseIfMissing,
  createTemporaryDataDir,
  findFreePort,
  seedDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from "@coop/core/lifecycle";
import { createApiToken, createUserWithPassword } from "@coop/core/domain";

/** An embedded PostgreSQL on a fixed port in a temporary directory, so it can be stopped, killed and restarted. */
export async function faultDatabase() {
  const port = await findFreePort();
  // Not startTemporaryPostgres: its stop removes the data, and these runs restart on the same data.
  const dataDir = await createTemporaryDataDir("coop-faults-");
  let server = await startEmbeddedPostgres(dataDir, { port });
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
  const actor = {
    kind: "user" as const,
    userId: user.id,
    email,
    name: user.name,
    role: "EDITOR" as const,
    mustChangePassword: false,
    sessionId: "faults",
    ip: null,
  };
  return (await createApiToken(db, actor, { name: "faults", scopes: ["records:write"] })).secret;
}

/** Prints the claim in words, then the figures behind it as one JSON line. */
export function proved(name: string, claim: string, details: Record<string, unknown>): void {
  console.log(`PROVED ${name}: ${claim}`);
  console.log(JSON.stringify({ fault: name, result: "proved", ...details }));
}

/** A fault run that did not prove its claim; thrown so every run's clean-up still happens. */
export class FaultNotProved extends Error {}

export function failed(name: string, details: Record<string, unknown>): never {
  console.log(JSON.stringify({ fault: name, result: "FAILED", ...details }));
  throw new FaultNotProved(name);
}

/** A publishable record in the API's input shape. */
export function faultRecordData(title: string) {
  return {
    title,
    kind: "AGREEMENT",
    status: "SIGNED",
    parties: [
      { countryCode: "KE", side: "AFRICA" },
      { countryCode: "RU", side: "PARTNER" },
    ],
    sources: [{ url: `https://example.org/faults/${encodeURIComponent(title)}`, publisher: "Fault Wire" }],
  };
}

/** A POST over node:http with a hard timeout: a connection cut by a kill must end, not hang. */
export function postJson(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string } | null> {
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

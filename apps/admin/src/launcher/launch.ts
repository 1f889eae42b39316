import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@coop/core/db";
import { migrateAsOwner, openDatabaseServer, seedDatabase, type DatabaseServer } from "@coop/core/lifecycle";
import { ensureFirstAdmin } from "@coop/core/domain";
import { launcherEnv, webServerEnvironment } from "./env";

const appDir = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface LaunchOptions {
  port: number;
  host?: string;
  /** Use this database instead of DATABASE_URL or the embedded one. */
  databaseUrl?: string;
  /** With `databaseUrl`: the owner's URL for migrations (default `databaseUrl`). */
  migrationUrl?: string;
  /** Load the taxonomy and founding records (idempotent). */
  seed?: boolean;
  /** Public origin; default http://<host>:<port>. */
  publicUrl?: string;
  /** Where a generated session secret is kept when AUTH_SECRET is unset; without it the secret lasts one run. */
  dataDir?: string;
  /** Email of the admin created, with a one-time password, when the database has no user. */
  firstAdminEmail?: string;
  /** Extra environment for the web server (e.g. session policy). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** Process id of the web server (not of the launcher). */
  pid: number;
  /** Credentials of the first admin when this start created it; shown once. */
  firstAdmin: { email: string; password: string } | null;
  databaseUrl: string;
  /** Settles if the web server exits on its own, after the database was stopped too. */
  crashed: Promise<number | null>;
  stop(): Promise<void>;
}

/** A start-up failure whose message already says what to do. */
export class LaunchError extends Error {}

/**
 * Brings the product up: database (embedded unless DATABASE_URL is set), pending
 * migrations as the tables' owner, seed, then the web server (`src/launcher/server.ts`: Next's
 * production build behind the public cache and limits) with DATABASE_URL set to the
 * application's role, which owns nothing.
 */
export async function launchServer(options: LaunchOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  await assertPortFree(options.port, host);

  const database = await openDatabaseServer({ databaseUrl: options.databaseUrl, migrationUrl: options.migrationUrl }).catch((error: Error) => {
    throw new LaunchError(error.message);
  });
  if (database.storage) {
    if (database.storage.relocation) log(database.storage.relocation);
    log(`Embedded PostgreSQL data: ${database.storage.databaseDir}`);
  }
  let next: ChildProcess | undefined;
  try {
    const { applied } = await migrateAsOwner(database, { warn: log }).catch((error: Error) => {
      throw new LaunchError(`${error.message} The data was left as it was; fix the migration and start again.`);
    });
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    const db = createDb(database.url, { max: 2 });
    let firstAdmin: RunningServer["firstAdmin"];
    try {
      if (options.seed ?? true) await seedDatabase(db, log);
      firstAdmin = await ensureFirstAdmin(db, options.firstAdminEmail ?? "admin@coop-tracker.local");
    } finally {
      await db.$disconnect();
    }
    const url = options.publicUrl ?? `http://${host === "0.0.0.0" ? "localhost" : host}:${options.port}`;
    next = startWebServer({
      ...options.env,
      PORT: String(options.port),
      HOST: host,
      DATABASE_URL: database.url,
      PUBLIC_URL: url,
      AUTH_SECRET: launcherEnv().AUTH_SECRET ?? (options.dataDir ? await readOrCreateSecret(path.join(options.dataDir, "auth.secret")) : newSecret()),
    });
    await waitUntilServing(`http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${options.port}`, next);
    let stopping = false;
    const child = next;
    const crashed = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => {
        if (!stopping) void database.stop().then(() => resolve(code));
      }),
    );
    const stop = () => {
      stopping = true;
      return stopAll(child, database);
    };
    return { url, pid: child.pid ?? 0, databaseUrl: database.url, firstAdmin, crashed, stop };
  } catch (error) {
    await stopAll(next, database);
    throw error;
  }
}

function startWebServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(appDir, "src/launcher/server.ts")], {
    cwd: appDir,
    env: webServerEnvironment({ ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
    stdio: ["ignore", "inherit", "inherit"],
  });
}

function newSecret(): string {
  return randomBytes(48).toString("base64url");
}

/** A random secret kept beside the data, so sessions survive restarts without configuration. */
async function readOrCreateSecret(file: string): Promise<string> {
  const existing = (await fs.readFile(file, "utf8").catch(() => "")).trim();
  if (existing) return existing;
  const secret = newSecret();
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new LaunchError(`The web server exited during start-up (code ${code}). Was the app built? Run \`pnpm build\` first.`))),
  );
  const deadline = Date.now() + timeoutMs;
  const poll = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const ok = await fetch(`${url}/api/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new LaunchError(`The web server did not answer on ${url} within ${timeoutMs / 1000} s.`);
  };
  await Promise.race([poll(), exited]);
}

async function stopAll(next: ChildProcess | undefined, database: DatabaseServer): Promise<void> {
  if (next && next.exitCode === null && next.signalCode === null) {
    const exited = new Promise((resolve) => next.once("exit", resolve));
    next.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (next.exitCode === null && next.signalCode === null) next.kill("SIGKILL");
  }
  await database.stop();
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new LaunchError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use. Stop what is using it or choose another port, e.g. PORT=3001 npm start.`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

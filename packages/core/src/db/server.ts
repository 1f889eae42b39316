import path from "node:path";
import pg from "pg";
import { readCoreEnv } from "../env";
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres } from "./embedded";

export interface DatabaseServer {
  /** URL of the application database. */
  url: string;
  /** True when this process started the server (embedded mode). */
  embedded: boolean;
  /** Embedded mode: where the cluster's files live, and why elsewhere than the data directory when they do. */
  storage?: { databaseDir: string; relocation: string | null };
  stop(): Promise<void>;
}

const APP_DATABASE = "coop_tracker";

/**
 * The application's PostgreSQL: the given URL or `DATABASE_URL` when set (checked reachable, nothing
 * started), else an embedded server in `COOP_DATA_DIR/postgres` with an app database.
 */
export async function openDatabaseServer(
  options: {
    databaseUrl?: string;
    /** Command-line tools share the embedded server of a running app instead of refusing. */
    shareRunningEmbedded?: boolean;
    log?: (line: string) => void;
  } = {},
): Promise<DatabaseServer> {
  const env = readCoreEnv();
  const externalUrl = options.databaseUrl ?? env.DATABASE_URL;
  if (externalUrl) {
    await assertReachable(externalUrl);
    return { url: externalUrl, embedded: false, stop: async () => {} };
  }
  const runningUrl = options.shareRunningEmbedded ? await runningEmbeddedPostgresUrl(env.COOP_DATA_DIR) : null;
  if (runningUrl) return { url: withDatabase(runningUrl, APP_DATABASE), embedded: true, stop: async () => {} };
  const server = await startEmbeddedPostgres(env.COOP_DATA_DIR, options);
  try {
    await createDatabaseIfMissing(server.url, APP_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: withDatabase(server.url, APP_DATABASE),
    embedded: true,
    storage: { databaseDir: server.databaseDir, relocation: server.relocation },
    stop: server.stop,
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabaseIfMissing(serverUrl: string, database: string, template?: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
  });
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function assertReachable(url: string): Promise<void> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    const where = new URL(url);
    throw new Error(
      `Cannot reach the PostgreSQL server in DATABASE_URL (${where.hostname}:${where.port || 5432}${path.posix.normalize(where.pathname)}): ${(error as Error).message}. Check that it is running and the URL is right, or unset DATABASE_URL to use the embedded database.`,
    );
  }
}

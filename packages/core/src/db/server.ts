import path from "node:path";
import { readCoreEnv } from "../env";
import { withClient, withDatabase } from "./connection";
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres } from "./embedded";
import { embeddedRoles, provisionDatabaseRoles } from "./roles";

export { withClient, withDatabase };

export interface DatabaseServer {
  /** URL of the application database, as the application's role. */
  url: string;
  /** The same database as the role that owns its tables: for migrations. */
  migrationUrl: string;
  /** True when this process started the server (embedded mode). */
  embedded: boolean;
  /** Embedded mode: where the cluster's files live, and why elsewhere than the data directory when they do. */
  storage?: { databaseDir: string; relocation: string | null };
  stop(): Promise<void>;
}

const APP_DATABASE = "coop_tracker";

/**
 * The application's PostgreSQL: the given URL or `DATABASE_URL` when set (checked reachable, nothing
 * started; migrations through `DATABASE_MIGRATION_URL` when set), else an embedded server in
 * `COOP_DATA_DIR/postgres` with an app database, its owner role and the application's role.
 */
export async function openDatabaseServer(
  options: {
    databaseUrl?: string;
    /** With `databaseUrl`: the owner's URL for migrations; default `databaseUrl`. */
    migrationUrl?: string;
    /** Command-line tools share the embedded server of a running app instead of refusing. */
    shareRunningEmbedded?: boolean;
    log?: (line: string) => void;
  } = {},
): Promise<DatabaseServer> {
  const env = readCoreEnv();
  const externalUrl = options.databaseUrl ?? env.DATABASE_URL;
  if (externalUrl) {
    const migrationUrl = options.databaseUrl ? (options.migrationUrl ?? externalUrl) : (env.DATABASE_MIGRATION_URL ?? externalUrl);
    await assertReachable(externalUrl, "DATABASE_URL");
    if (migrationUrl !== externalUrl) await assertReachable(migrationUrl, "DATABASE_MIGRATION_URL");
    return { url: externalUrl, migrationUrl, embedded: false, stop: async () => {} };
  }
  const runningUrl = options.shareRunningEmbedded ? await runningEmbeddedPostgresUrl(env.COOP_DATA_DIR) : null;
  if (runningUrl) return { ...(await withEmbeddedRoles(runningUrl, env.COOP_DATA_DIR)), embedded: true, stop: async () => {} };
  const server = await startEmbeddedPostgres(env.COOP_DATA_DIR, options);
  try {
    await createDatabaseIfMissing(server.url, APP_DATABASE);
    return {
      ...(await withEmbeddedRoles(server.url, env.COOP_DATA_DIR)),
      embedded: true,
      storage: { databaseDir: server.databaseDir, relocation: server.relocation },
      stop: server.stop,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function withEmbeddedRoles(superuserUrl: string, dataDir: string): Promise<{ url: string; migrationUrl: string }> {
  const { ownerUrl, appUrl } = await provisionDatabaseRoles(superuserUrl, APP_DATABASE, await embeddedRoles(dataDir));
  return { url: appUrl, migrationUrl: ownerUrl };
}

export async function createDatabaseIfMissing(serverUrl: string, database: string, template?: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
  });
}

async function assertReachable(url: string, variable: string): Promise<void> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    const where = new URL(url);
    throw new Error(
      `Cannot reach the PostgreSQL server in ${variable} (${where.hostname}:${where.port || 5432}${path.posix.normalize(where.pathname)}): ${(error as Error).message}. Check that it is running and the URL is right, or unset DATABASE_URL to use the embedded database.`,
    );
  }
}

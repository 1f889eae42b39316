/**
 * `prisma migrate deploy` on Prisma's WebAssembly schema engine, so no native engine download
 * is needed. `_prisma_migrations` is written by the engine itself, exactly as Prisma Migrate does.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { toDriverAdapterError, TrackedAdapterFactory } from "./adapters";
import { withClient } from "./connection";
import { oneEngineCallAtATime, openSchemaEngine, type SchemaEngineHandle, type SchemaFilter } from "./engine";
import { describeFailure, engineLogReader } from "./failures";
import { DEFAULT_MIGRATIONS_DIR, listMigrations } from "./folder";
import { rehearsePendingMigrations } from "./rehearse";

/** prisma.config.ts declares no `tables.external` / `enums.external`. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface ApplyMigrationsOptions {
  /** Folder of `<timestamp>_<name>/migration.sql` directories. Default: `<repo>/prisma/migrations`. */
  migrationsDir?: string;
  /** Progress lines for humans. */
  log?: (line: string) => void;
  /**
   * Run the pending migrations once in a transaction that is rolled back first (default true),
   * so one that would fail stops before anything is applied. Skipping it halves the work of a
   * large migration, at the price of a half-applied one if it fails.
   */
  rehearse?: boolean;
}

/**
 * Applies pending migrations to the database (`prisma migrate deploy`). Idempotent:
 * migrations already recorded as finished in `_prisma_migrations` are skipped.
 * Throws an Error with a one-line message naming the failing migration, if any.
 */
export function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  return oneEngineCallAtATime(() => applyMigrationsNow(databaseUrl, options));
}

async function applyMigrationsNow(databaseUrl: string, options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const migrationsList = await listMigrations(migrationsDir, { mustExist: true });
  const names = migrationsList.migrationDirectories.map((directory) => directory.path);
  log(`${names.length} migration${names.length === 1 ? "" : "s"} found in ${migrationsDir}`);
  if (options.rehearse ?? true) await rehearsePendingMigrations(databaseUrl, migrationsList);

  // Deploying never needs a shadow database; refuse one, because `PrismaPg` built from a
  // connection string would point its "shadow" pool at the main database (the URL's
  // database name overrides the `database` option in `pg`).
  const adapters = new TrackedAdapterFactory(new PrismaPg({ connectionString: databaseUrl }), {
    shadowDatabase: false,
    // adapter-pg splits scripts on every ";", breaking comments and function bodies; send
    // each migration whole as one simple query, as Prisma's native engine does.
    executeScript: (script) =>
      withClient(databaseUrl, async (client) => {
        await client.query(script);
      }).catch((error: unknown) => {
        throw toDriverAdapterError(error);
      }),
  });
  const engineLog = engineLogReader(log);
  let engine: SchemaEngineHandle | undefined;
  try {
    engine = await openSchemaEngine({ adapterFactory: adapters, log: engineLog.onLine });
    const { appliedMigrationNames } = await engine.run("applyMigrations", (e) => e.applyMigrations({ migrationsList, filters: NO_FILTER }));
    log(
      appliedMigrationNames.length === 0
        ? "No pending migrations to apply."
        : `Applied ${appliedMigrationNames.length} migration${appliedMigrationNames.length === 1 ? "" : "s"}: ${appliedMigrationNames.join(", ")}`,
    );
    return { applied: appliedMigrationNames };
  } catch (error) {
    throw new Error(describeFailure(error, "Applying migrations failed", engineLog.currentMigration()), { cause: error });
  } finally {
    engine?.close();
    await adapters.disposeAll();
  }
}

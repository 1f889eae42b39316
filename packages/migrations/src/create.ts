/**
 * `prisma migrate dev --create-only` on Prisma's WebAssembly schema engine: the SQL from the
 * migrations to the schema, worked out on an in-memory PGlite, with no database server.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { PGliteAdapterFactory, TrackedAdapterFactory } from "./adapters";
import { NO_FILTER } from "./apply";
import { oneEngineCallAtATime, openSchemaEngine, readSchemaFiles, type MigrationList, type SchemaEngineHandle, type SchemaFile } from "./engine";
import { describeFailure } from "./failures";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, listMigrations, LOCKFILE, LOCKFILE_CONTENT, MIGRATION_FILE, nextTimestamp } from "./folder";

export interface CreateMigrationOptions {
  /** Folder of migrations to extend. Default: `<repo>/prisma/migrations`. */
  migrationsDir?: string;
  /** Prisma schema file (or folder of `.prisma` files). Default: `<repo>/prisma/schema.prisma`. */
  schemaPath?: string;
}

const MIGRATION_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_MIGRATION_NAME_LENGTH = 80;

/**
 * Writes `<migrationsDir>/<YYYYMMDDHHMMSS>_<name>/migration.sql` holding the SQL that takes
 * the database from the existing migrations to the schema (`prisma migrate dev --create-only`),
 * replaying the migrations on an in-memory PGlite as shadow database. No database server is used.
 * Returns `{ path: null }` and writes nothing when the schema and migrations already agree.
 */
export function createMigration(name: string, options: CreateMigrationOptions = {}): Promise<{ path: string | null }> {
  return oneEngineCallAtATime(() => createMigrationNow(name, options));
}

async function createMigrationNow(name: string, options: CreateMigrationOptions): Promise<{ path: string | null }> {
  if (!MIGRATION_NAME.test(name) || name.length > MAX_MIGRATION_NAME_LENGTH) {
    throw new Error(
      `Invalid migration name ${JSON.stringify(name)}: use lowercase snake_case (a-z, 0-9, single underscores, starting with a letter, at most ${MAX_MIGRATION_NAME_LENGTH} characters)`,
    );
  }
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const schemaFiles = await readSchemaFiles(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const migrationsList = await listMigrations(migrationsDir, { mustExist: false });

  // The engine reads the connector from the lockfile; a brand-new folder has none yet.
  const script = await diffMigrationsToSchema(
    { ...migrationsList, lockfile: { ...migrationsList.lockfile, content: migrationsList.lockfile.content ?? LOCKFILE_CONTENT } },
    schemaFiles,
  );
  if (script === null) return { path: null };

  const directoryName = `${nextTimestamp(migrationsList.migrationDirectories)}_${name}`;
  const directory = path.join(migrationsDir, directoryName);
  await fs.mkdir(migrationsDir, { recursive: true });
  // Like Prisma Migrate: refuse to overwrite an existing migration directory.
  await fs.mkdir(directory).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "EEXIST" ? `The migration directory already exists at ${directory}` : `Cannot create ${directory}: ${error.message}`, {
      cause: error,
    });
  });
  await fs.writeFile(path.join(directory, MIGRATION_FILE), script, "utf8");
  if (migrationsList.lockfile.content === null) {
    await fs.writeFile(path.join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT, { encoding: "utf8", flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
  return { path: directory };
}

/** SQL from the state the migrations produce to the schema, or null when there is nothing to do. */
async function diffMigrationsToSchema(migrationsList: MigrationList, schemaFiles: SchemaFile[]): Promise<string | null> {
  const adapters = new TrackedAdapterFactory(new PGliteAdapterFactory());
  let engine: SchemaEngineHandle | undefined;
  try {
    engine = await openSchemaEngine({ adapterFactory: adapters, schemaFiles });
    const result = await engine.run("diff", (e) =>
      e.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: schemaFiles },
        script: true,
        // Exit code 2 means "the diff is not empty" (`prisma migrate diff --exit-code`).
        exitCode: true,
        filters: NO_FILTER,
      }),
    );
    return result.exitCode === 2 && result.stdout ? result.stdout : null;
  } catch (error) {
    throw new Error(describeFailure(error, "Creating a migration failed"), { cause: error });
  } finally {
    engine?.close();
    await adapters.disposeAll();
  }
}

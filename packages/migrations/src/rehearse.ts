import type pg from "pg";
import { withClient } from "./connection";
import type { MigrationList } from "./engine";

/**
 * Runs the pending migrations inside one transaction and rolls it back, so a
 * migration that would fail is reported before anything is applied: Prisma
 * applies migrations outside transactions and would leave a half-applied one.
 * Migrations that cannot run in a transaction (CONCURRENTLY) are not rehearsed.
 */
export async function rehearsePendingMigrations(databaseUrl: string, migrations: MigrationList): Promise<void> {
  await withClient(databaseUrl, (client) => rehearse(client, migrations)).catch((error: Error) => {
    if (error.message.startsWith("Migration ")) throw error;
    throw new Error(`Applying migrations failed: ${error.message.replace(/\s+/g, " ")}`, { cause: error });
  });
}

async function rehearse(client: pg.Client, migrations: MigrationList): Promise<void> {
  {
    const { rows } = await client.query<{ name: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS name`);
    const applied = new Set<string>();
    if (rows[0]?.name) {
      const done = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      for (const row of done.rows) applied.add(row.migration_name);
    }
    const pending = migrations.migrationDirectories.filter((directory) => !applied.has(directory.path));
    const scripts = pending.map((directory) => ({ name: directory.path, content: directory.migrationFile.content }));
    if (scripts.some((script) => script.content.tag === "ok" && /\bCONCURRENTLY\b/i.test(script.content.value))) return;

    await client.query("BEGIN");
    try {
      for (const script of scripts) {
        if (script.content.tag === "error") throw new Error(`Migration ${script.name} cannot be read: ${script.content.value}`);
        await client.query(script.content.value).catch((error: Error) => {
          throw new Error(`Migration ${script.name} failed: ${error.message.replace(/\s+/g, " ")}. Nothing was applied.`);
        });
      }
    } finally {
      await client.query("ROLLBACK");
    }
  }
}

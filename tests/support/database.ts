import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "@coop/core/db";
import { createDatabaseIfMissing, withClient, withDatabase, withRole } from "@coop/core/lifecycle";

export interface TestDatabase {
  /** Connected as the application's role, which owns nothing: what the product runs as. */
  db: Db;
  url: string;
  /** The same database as the owner of its tables: for migrations and tests of privileges. */
  ownerUrl: string;
}

/**
 * A database of this test file's own, cloned from the migrated and seeded template,
 * dropped when the file is done. Files run in parallel without sharing rows.
 */
export function useTestDatabase(): TestDatabase {
  const serverUrl = inject("serverUrl");
  const roles = inject("databaseRoles");
  const name = `coop_test_${randomBytes(6).toString("hex")}`;
  const databaseUrl = withDatabase(serverUrl, name);
  const handle = { url: withRole(databaseUrl, roles.app), ownerUrl: withRole(databaseUrl, roles.owner) } as TestDatabase;

  beforeAll(async () => {
    await createDatabaseIfMissing(serverUrl, name, inject("templateDatabase"));
    handle.db = createDb(handle.url, { max: 6 });
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
  });
  return handle;
}

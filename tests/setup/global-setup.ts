import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createDb } from "@coop/core/db";
import { createDatabaseIfMissing, migrateAsOwner, provisionDatabaseRoles, seedDatabase, startTemporaryPostgres, withClient } from "@coop/core/lifecycle";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test PostgreSQL server, as a superuser. */
    serverUrl: string;
    /** Name of the migrated, seeded database each test file clones. */
    templateDatabase: string;
    /** The roles every test database has: the owner of the tables and the application's role. */
    databaseRoles: { owner: { name: string; password: string }; app: { name: string; password: string } };
  }
}

/**
 * One PostgreSQL per test run: DATABASE_URL when set (a superuser, or a role that may create
 * roles and databases), else an embedded server in a temporary directory. Builds a migrated,
 * seeded template database to clone per file, owned by an owner role, that tests reach as the
 * application's role, as the product does: a missing privilege fails a test, not production.
 */
export default async function setup(project: TestProject) {
  const embedded = process.env.DATABASE_URL ? null : await startTemporaryPostgres("coop-test-pg-");
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const templateDatabase = `coop_template_${process.pid}_${project.name}`;
  const roles = {
    owner: { name: "coop_test_owner", password: randomBytes(18).toString("base64url") },
    app: { name: "coop_test_app", password: randomBytes(18).toString("base64url") },
  };
  await createDatabaseIfMissing(serverUrl, templateDatabase);
  const { ownerUrl, appUrl } = await provisionDatabaseRoles(serverUrl, templateDatabase, roles);
  await migrateAsOwner({ url: appUrl, migrationUrl: ownerUrl });
  const db = createDb(appUrl, { max: 2 });
  await seedDatabase(db);
  await db.$disconnect();

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);
  project.provide("databaseRoles", roles);

  return async () => {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(templateDatabase)} WITH (FORCE)`)).catch(() => {});
    await embedded?.stop();
  };
}

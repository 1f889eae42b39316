import type { TestProject } from "vitest/node";
import { createDb } from "@coop/core/db";
import { applyMigrations, createDatabaseIfMissing, seedDatabase, startTemporaryPostgres, withClient, withDatabase } from "@coop/core/db/lifecycle";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test PostgreSQL server. */
    serverUrl: string;
    /** Name of the migrated, seeded database each test file clones. */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL per test run: DATABASE_URL when set, else an embedded server in a
 * temporary directory. Builds a migrated, seeded template database to clone per file.
 */
export default async function setup(project: TestProject) {
  const embedded = process.env.DATABASE_URL ? null : await startTemporaryPostgres("coop-test-pg-");
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const templateDatabase = `coop_template_${process.pid}_${project.name}`;
  await createDatabaseIfMissing(serverUrl, templateDatabase);
  const templateUrl = withDatabase(serverUrl, templateDatabase);
  await applyMigrations(templateUrl);
  const db = createDb(templateUrl, { max: 2 });
  await seedDatabase(db);
  await db.$disconnect();

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await withClient(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(templateDatabase)} WITH (FORCE)`),
    ).catch(() => {});
    await embedded?.stop();
  };
}

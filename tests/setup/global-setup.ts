import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "@coop/core/db";
import { applyMigrations, createDatabaseIfMissing, seedDatabase, startEmbeddedPostgres, withClient, withDatabase } from "@coop/core/db/lifecycle";

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
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-test-pg-"));
    // The embedded server may run as the `postgres` user, which must reach this directory.
    await fs.chmod(dataDir, 0o755);
    const server = await startEmbeddedPostgres(dataDir);
    serverUrl = server.url;
    stopServer = server.stop;
  }
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
    await stopServer();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}

export { checkDatabase, createDb, type Db } from "./client";
export { DataDirectoryInUseError, findFreePort, startEmbeddedPostgres } from "./embedded";
export { isDatabaseUnavailable } from "./errors";
export { applyMigrations, createMigration } from "./migrate";
export { seedDatabase } from "./seed";
export { createDatabaseIfMissing, openDatabaseServer, withClient, withDatabase, type DatabaseServer } from "./server";
export type { Prisma } from "../generated/prisma/client";

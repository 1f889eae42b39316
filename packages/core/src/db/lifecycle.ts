// Starting, migrating and seeding databases: for the launcher, CLIs, tests and benchmarks.
export {
  createTemporaryDataDir,
  DataDirectoryInUseError,
  EmbeddedStartError,
  findFreePort,
  runningEmbeddedPostgresUrl,
  startEmbeddedPostgres,
  startTemporaryPostgres,
} from "./embedded";
export { resolveServerLocation } from "./embedded-location";
export { applyMigrations } from "@coop/migrations";
export { grantApplicationPrivileges, migrateAsOwner, provisionDatabaseRoles, roleOf, withRole, type DatabaseRoles } from "./roles";
export { seedDatabase } from "./seed";
export { createDatabaseIfMissing, openDatabaseServer, withClient, withDatabase, type DatabaseServer } from "./server";

// Starting, migrating and seeding databases: for the launcher, CLIs, tests and benchmarks.
export {
  createTemporaryDataDir,
  DataDirectoryInUseError,
  EmbeddedStartError,
  findFreePort,
  runningEmbeddedPostgresUrl,
  startEmbeddedPostgres,
  startTemporaryPostgres,
} from "../db/embedded";
export { resolveServerLocation } from "../db/embedded-location";
export { applyMigrations } from "@coop/migrations";
export { grantApplicationPrivileges, migrateAsOwner, provisionDatabaseRoles, roleOf, withRole, type DatabaseRoles } from "../db/roles";
export { seedDatabase } from "../seed";
export { createDatabaseIfMissing, openDatabaseServer, withClient, withDatabase, type DatabaseServer } from "../db/server";

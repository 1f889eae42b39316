// Prisma Migrate without its native engine: the project's migrations applied and written with
// Prisma's WebAssembly schema engine, in Prisma Migrate's own folder layout and table.
export { applyMigrations, type ApplyMigrationsOptions } from "./apply";
export { withClient } from "./connection";
export { createMigration, type CreateMigrationOptions } from "./create";

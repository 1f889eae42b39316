import { defineConfig } from "prisma/config";

// `prisma generate` never runs the schema engine but insists its binary exists, and an offline
// machine cannot download it: point at a stub that explains itself if it is ever run. The
// project applies and writes migrations with the WebAssembly engine instead (@coop/migrations).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= new URL("./prisma/engine-stub/schema-engine", import.meta.url).pathname;

// For `prisma migrate deploy` on a machine that can download the native engine: the tables' owner.
const migrationUrl = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  ...(migrationUrl ? { datasource: { url: migrationUrl } } : {}),
});

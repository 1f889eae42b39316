import { defineConfig } from "prisma/config";

// `prisma generate` never runs the schema engine but insists the binary exists;
// this machine cannot download it, so point at a stub that explains itself.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= new URL("./prisma/engine-stub/schema-engine", import.meta.url).pathname;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
});

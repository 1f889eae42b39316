import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMigration } from "./create";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./folder";

const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** A copy of the project's migrations folder, so a test may write into it. */
async function copyOfMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-migrations-"));
  scratch.push(dir);
  await fs.cp(DEFAULT_MIGRATIONS_DIR, path.join(dir, "migrations"), { recursive: true });
  return path.join(dir, "migrations");
}

const folders = async (dir: string) => (await fs.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe("createMigration", () => {
  it("writes nothing when the schema and the migrations agree", async () => {
    const migrationsDir = await copyOfMigrations();
    const before = await folders(migrationsDir);
    await expect(createMigration("nothing_to_do", { migrationsDir })).resolves.toEqual({ path: null });
    expect(await folders(migrationsDir)).toEqual(before);
  }, 120_000);

  it("writes a schema change as the next migration, after which the two agree again", async () => {
    const migrationsDir = await copyOfMigrations();
    const schemaPath = path.join(path.dirname(migrationsDir), "schema.prisma");
    const schema = await fs.readFile(DEFAULT_SCHEMA_PATH, "utf8");
    await fs.writeFile(schemaPath, `${schema}\nmodel ReadingList {\n  id    String @id\n  title String\n}\n`);

    const { path: written } = await createMigration("reading_list", { migrationsDir, schemaPath });
    expect(path.basename(written ?? "")).toMatch(/^\d{14}_reading_list$/);
    expect(path.basename(written!) > (await folders(DEFAULT_MIGRATIONS_DIR)).sort().at(-1)!).toBe(true);
    expect(await fs.readFile(path.join(written!, "migration.sql"), "utf8")).toContain('CREATE TABLE "ReadingList"');
    await expect(createMigration("again", { migrationsDir, schemaPath })).resolves.toEqual({ path: null });
  }, 120_000);

  it("refuses a name that is not lowercase snake_case", async () => {
    await expect(createMigration("Add Table")).rejects.toThrow(/Invalid migration name "Add Table": use lowercase snake_case/);
  });
});

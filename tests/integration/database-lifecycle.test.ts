import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, DataDirectoryInUseError, openDatabaseServer, startEmbeddedPostgres, withClient } from "@coop/core/db/lifecycle";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
const repoMigrations = path.resolve(import.meta.dirname, "../../prisma/migrations");

describe("migrations", () => {
  it("applies nothing when the database is up to date, as recorded in _prisma_migrations", async () => {
    expect(await applyMigrations(database.ownerUrl)).toEqual({ applied: [] });
    // The migration history belongs to the owner; the application's role cannot read it.
    const { rows } = await withClient(database.ownerUrl, (client) =>
      client.query<{ migration_name: string; finished_at: Date | null; checksum: string }>("SELECT migration_name, finished_at, checksum FROM _prisma_migrations"),
    );
    const folders = (await fs.readdir(repoMigrations, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(folders.sort());
    expect(rows.every((r) => r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("stops at a failing migration with one line naming it, leaving the data in place", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-migrations-"));
    await fs.cp(repoMigrations, dir, { recursive: true });
    await fs.mkdir(path.join(dir, "29990101000000_broken"));
    await fs.writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), 'ALTER TABLE "Agreement" ADD COLUMN "oops" NOT A TYPE;\n');

    const error = await applyMigrations(database.ownerUrl, { migrationsDir: dir }).then(() => null, (e: Error) => e);
    expect(error?.message).toContain("29990101000000_broken");
    expect(error?.message.split("\n")).toHaveLength(1);
    expect(await database.db.agreement.count()).toBe(4);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("database server", () => {
  it("refuses a second instance on a data directory that is in use", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-lock-"));
    await fs.chmod(dataDir, 0o755);
    const first = await startEmbeddedPostgres(dataDir);
    try {
      const second = startEmbeddedPostgres(dataDir);
      await expect(second).rejects.toBeInstanceOf(DataDirectoryInUseError);
      await expect(second).rejects.toThrow(/in use by another running instance/);
    } finally {
      await first.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it("explains an unreachable DATABASE_URL in one line", async () => {
    const attempt = openDatabaseServer({ databaseUrl: "postgresql://coop:secret@127.0.0.1:1/coop" });
    await expect(attempt).rejects.toThrow(/^Cannot reach the PostgreSQL server in DATABASE_URL \(127\.0\.0\.1:1\/coop\)/);
    await expect(attempt).rejects.not.toThrow(/secret/);
  });
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import {
  applyMigrations,
  DataDirectoryInUseError,
  EmbeddedStartError,
  findFreePort,
  openDatabaseServer,
  resolveServerLocation,
  startEmbeddedPostgres,
  withClient,
} from "@coop/core/lifecycle";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
const repoMigrations = path.resolve(import.meta.dirname, "../../prisma/migrations");

describe("migrations", () => {
  it("applies nothing when the database is up to date, as recorded in _prisma_migrations", async () => {
    expect(await applyMigrations(database.ownerUrl)).toEqual({ applied: [] });
    // The migration history belongs to the owner; the application's role cannot read it.
    const { rows } = await withClient(database.ownerUrl, (client) =>
      client.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
        "SELECT migration_name, finished_at, checksum FROM _prisma_migrations",
      ),
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

    const error = await applyMigrations(database.ownerUrl, { migrationsDir: dir }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toContain("29990101000000_broken");
    expect(error?.message.split("\n")).toHaveLength(1);
    expect(await database.db.agreement.count()).toBe(4);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("rehearses pending migrations so one failing leaves none applied, unless the rehearsal is skipped", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-migrations-"));
    await fs.cp(repoMigrations, dir, { recursive: true });
    const add = async (name: string, sql: string) => {
      await fs.mkdir(path.join(dir, name));
      await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
    };
    await add("29990101000000_reading_list", 'CREATE TABLE "ReadingList" ("id" TEXT PRIMARY KEY);\n');
    await add("29990101000001_broken", 'ALTER TABLE "Agreement" ADD COLUMN "oops" NOT A TYPE;\n');
    const readingList = () =>
      withClient(database.ownerUrl, (client) => client.query<{ name: string | null }>(`SELECT to_regclass('"ReadingList"')::text AS name`)).then(
        (r) => r.rows[0]?.name,
      );

    await expect(applyMigrations(database.ownerUrl, { migrationsDir: dir })).rejects.toThrow(/29990101000001_broken failed: .*Nothing was applied/);
    expect(await readingList()).toBeNull();

    await expect(applyMigrations(database.ownerUrl, { migrationsDir: dir, rehearse: false })).rejects.toThrow(/29990101000001_broken/);
    expect(await readingList()).toBe('"ReadingList"');
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

  it("runs from a checkout inside a private directory, moving what the postgres system user cannot reach", async () => {
    const privateDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-private-")); // mode 0700, like root's home
    const relocationRoot = await fs.mkdtemp(path.join(os.tmpdir(), "coop-relocated-"));
    await fs.chmod(relocationRoot, 0o755);
    const { binaries } = await resolveServerLocation(privateDir);
    const binariesDir = path.join(privateDir, "node_modules", "native");
    await fs.cp(path.dirname(path.dirname(binaries.postgres)), binariesDir, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(privateDir, ".data");
    const asRoot = process.getuid?.() === 0;
    try {
      const server = await startEmbeddedPostgres(dataDir, { binariesDir, relocationRoot });
      const { rows } = await withClient(server.url, (client) => client.query<{ one: number }>("SELECT 1 AS one"));
      await server.stop();
      expect(rows).toEqual([{ one: 1 }]);
      if (asRoot) {
        expect(server.databaseDir.startsWith(path.join(relocationRoot, "clusters"))).toBe(true);
        expect(server.relocation).toMatch(
          /The postgres system user that runs PostgreSQL cannot reach the binaries in .* or the data directory .*, so they were set up under /,
        );
        // The next start finds the same cluster.
        const again = await startEmbeddedPostgres(dataDir, { binariesDir, relocationRoot });
        await again.stop();
        expect(again.databaseDir).toBe(server.databaseDir);
      } else {
        // Run by its owner, the server reaches the private directory itself.
        expect(server.databaseDir).toBe(path.join(dataDir, "postgres"));
        expect(server.relocation).toBeNull();
      }
    } finally {
      await fs.rm(privateDir, { recursive: true, force: true });
      await fs.rm(relocationRoot, { recursive: true, force: true });
    }
  });

  it("explains a taken port in one paragraph", async () => {
    const port = await findFreePort();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-port-"));
    await fs.chmod(dataDir, 0o755);
    try {
      const attempt = startEmbeddedPostgres(dataDir, { port });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedStartError);
      await expect(attempt).rejects.toThrow(new RegExp(`^The embedded PostgreSQL server could not listen on 127\\.0\\.0\\.1:${port}: the port is taken\\.`));
    } finally {
      squatter.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it("explains missing server binaries", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-nobin-"));
    await fs.chmod(dataDir, 0o755);
    try {
      const attempt = startEmbeddedPostgres(dataDir, { binariesDir: path.join(dataDir, "missing") });
      await expect(attempt).rejects.toThrow(/^The embedded PostgreSQL server is not installed: .*\/missing\/bin\/(postgres|initdb) does not exist\. Reinstall/);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it("`npm start`'s launcher ends a failed start with one paragraph and exit code 1, no stack trace", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-cli-"));
    const notADirectory = path.join(dir, "data");
    await fs.writeFile(notADirectory, "");
    const env: NodeJS.ProcessEnv = { ...process.env, COOP_DATA_DIR: notADirectory, PORT: String(await findFreePort()) };
    delete env.DATABASE_URL;
    const cli = path.resolve(import.meta.dirname, "../../apps/admin/src/launcher/cli.ts");
    const result = await promisify(execFile)(process.execPath, ["--import", "tsx", cli], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    await fs.rm(dir, { recursive: true, force: true });
    expect(result?.code).toBe(1);
    expect(result?.stderr.trim()).toMatch(/^coop-tracker could not start: The embedded PostgreSQL server's files could not be prepared: .*COOP_DATA_DIR/);
    expect(result?.stderr.trim().split("\n")).toHaveLength(1);
    expect(result?.stderr).not.toMatch(/^\s+at /m);
  });
});

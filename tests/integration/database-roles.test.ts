import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, createDatabaseIfMissing, grantApplicationPrivileges, provisionDatabaseRoles, withClient, withDatabase } from "@coop/core/lifecycle";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();

/** The SQLSTATE and message PostgreSQL answers a statement with, or "ok". */
async function attempt(url: string, sql: string): Promise<string> {
  return withClient(url, (client) => client.query(sql)).then(
    () => "ok",
    (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
  );
}

describe("the application's database role", () => {
  it("may read and append to the audit log, and nothing more; the owner is refused by the trigger", async () => {
    expect(await attempt(database.url, `INSERT INTO "AuditLog" (action) VALUES ('test.append')`)).toBe("ok");
    expect(await attempt(database.url, `SELECT count(*) FROM "AuditLog"`)).toBe("ok");
    // 42501 is insufficient_privilege: refused by the role's rights, not only by the trigger.
    expect(await attempt(database.url, `UPDATE "AuditLog" SET action = 'tampered'`)).toMatch(/^42501: permission denied for table AuditLog/);
    expect(await attempt(database.url, `DELETE FROM "AuditLog"`)).toMatch(/^42501: permission denied for table AuditLog/);
    expect(await attempt(database.url, `TRUNCATE "AuditLog"`)).toMatch(/^42501: permission denied for table AuditLog/);
    expect(await attempt(database.url, `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toMatch(/^42501: must be owner of table AuditLog/);
    expect(await attempt(database.url, `DROP TABLE "AuditLog"`)).toMatch(/^42501: must be owner of table AuditLog/);
    expect(await database.db.auditLog.count({ where: { action: "test.append" } })).toBe(1);
    // The owner, which may alter the table, is still refused by its trigger.
    expect(await attempt(database.ownerUrl, `UPDATE "AuditLog" SET action = 'tampered'`)).toMatch(/append-only/);
    expect(await attempt(database.ownerUrl, `TRUNCATE "AuditLog"`)).toMatch(/append-only/);
  });

  it("owns nothing, creates nothing and cannot read or rewrite the migration history", async () => {
    const { rows } = await withClient(database.url, (client) =>
      client.query<{ owned: number }>(`
        SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)
             + (SELECT count(*) FROM pg_type WHERE typowner = r.oid)
             + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
             + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
             + (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`),
    );
    expect(Number(rows[0]?.owned)).toBe(0);
    expect(await attempt(database.url, `CREATE TABLE "Intruder" (id int)`)).toMatch(/^42501: permission denied for schema public/);
    expect(await attempt(database.url, `SELECT * FROM _prisma_migrations`)).toMatch(/^42501: permission denied/);
    expect(await attempt(database.url, `TRUNCATE "Agreement" CASCADE`)).toMatch(/^42501: permission denied/);
  });

  it("takes over a database whose tables a superuser created, as before the roles existed", async () => {
    const serverUrl = inject("serverUrl");
    const name = `coop_legacy_${randomBytes(4).toString("hex")}`;
    const roles = { owner: { name: "coop_legacy_owner", password: "owner-secret-1" }, app: { name: "coop_legacy_app", password: "app-secret-1" } };
    await createDatabaseIfMissing(serverUrl, name);
    try {
      await applyMigrations(withDatabase(serverUrl, name));
      const { ownerUrl, appUrl } = await provisionDatabaseRoles(serverUrl, name, roles);
      await grantApplicationPrivileges(ownerUrl, roles.app.name);
      const { rows } = await withClient(ownerUrl, (client) =>
        client.query<{ name: string }>(
          `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S') AND relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
        ),
      );
      expect(rows).toEqual([]);
      expect(await attempt(ownerUrl, `ALTER TABLE "Agreement" ADD COLUMN "probe" int`)).toBe("ok");
      expect(await attempt(appUrl, `INSERT INTO "AuditLog" (action) VALUES ('test.append')`)).toBe("ok");
      expect(await attempt(appUrl, `DELETE FROM "AuditLog"`)).toMatch(/^42501/);
    } finally {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
    }
  });
});

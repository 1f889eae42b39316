// Two database roles: an owner that runs migrations and owns every object, and the
// application's role, which owns nothing and may only append to the audit log.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { applyMigrations, type ApplyMigrationsOptions } from "@coop/migrations";
import { withClient, withDatabase } from "./connection";
import type { DatabaseServer } from "./server";

export interface RoleCredentials {
  name: string;
  password: string;
}

export interface DatabaseRoles {
  owner: RoleCredentials;
  app: RoleCredentials;
}

/** The roles `npm start` creates in its embedded server. */
export const EMBEDDED_ROLE_NAMES = { owner: "coop_owner", app: "coop_app" } as const;

/** The URL with another role's credentials. */
export function withRole(url: string, role: RoleCredentials): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role.name);
  parsed.password = encodeURIComponent(role.password);
  return parsed.toString();
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates (or updates the passwords of) the owner and application roles, as a superuser,
 * and makes the owner own `database`, its schema and every object in it: a cluster
 * created before the roles existed had everything owned by the superuser.
 */
export async function provisionDatabaseRoles(superuserUrl: string, database: string, roles: DatabaseRoles): Promise<{ ownerUrl: string; appUrl: string }> {
  await withClient(superuserUrl, async (client) => {
    for (const role of [roles.owner, roles.app]) {
      const name = client.escapeIdentifier(role.name);
      const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount;
      await client.query(
        `${exists ? "ALTER" : "CREATE"} ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${client.escapeLiteral(role.password)}`,
      );
    }
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${client.escapeIdentifier(roles.owner.name)}`);
  });
  await withClient(withDatabase(superuserUrl, database), (client) => transferOwnership(client, roles.owner.name));
  const databaseUrl = withDatabase(superuserUrl, database);
  return { ownerUrl: withRole(databaseUrl, roles.owner), appUrl: withRole(databaseUrl, roles.app) };
}

/** Gives the owner the public schema and everything in it that no extension owns. */
async function transferOwnership(client: pg.Client, owner: string): Promise<void> {
  const to = client.escapeIdentifier(owner);
  await client.query(`ALTER SCHEMA public OWNER TO ${to}`);
  const { rows } = await client.query<{ statement: string }>(
    `SELECT format('ALTER %s %s OWNER TO %s', kind, object, $1::text) AS statement FROM (
       SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
              c.oid::regclass::text AS object, c.relowner AS owner, c.oid, 'pg_class'::regclass AS catalog
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          -- sequences owned by a column follow their table
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
       UNION ALL
       SELECT 'TYPE', t.oid::regtype::text, t.typowner, t.oid, 'pg_type'::regclass FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
       UNION ALL
       SELECT 'FUNCTION', p.oid::regprocedure::text, p.proowner, p.oid, 'pg_proc'::regclass FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
     ) o
     WHERE o.owner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.catalog AND d.objid = o.oid AND d.deptype = 'e')`,
    [to, owner],
  );
  for (const { statement } of rows) await client.query(statement);
}

/**
 * Run as the owner after every migration: the application's role may read and write rows
 * of every table, but only read and append to `AuditLog`, and never alter a table,
 * truncate one or touch the migration history. Tables added later get the same rights.
 */
export async function grantApplicationPrivileges(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const app = client.escapeIdentifier(appRole);
    await client.query(`
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
      REVOKE ALL ON "_prisma_migrations" FROM ${app};
      REVOKE ALL ON "AuditLog" FROM ${app};
      GRANT SELECT, INSERT ON "AuditLog" TO ${app};`);
  });
}

/**
 * Applies pending migrations as the owner, then (re)grants the application's role its
 * rights. When both URLs name one role, the app owns its tables: the grants are skipped
 * and `warn` says so, since the audit log is then append-only by trigger alone.
 */
export async function migrateAsOwner(
  server: Pick<DatabaseServer, "url" | "migrationUrl">,
  options: ApplyMigrationsOptions & { warn?: (line: string) => void } = {},
) {
  const result = await applyMigrations(server.migrationUrl, options).catch((error: Error) => {
    if (!/permission denied|must be owner/.test(error.message)) throw error;
    throw new Error(`${error.message}. Migrations must run as the role that owns the tables: set DATABASE_MIGRATION_URL to it (docs/OPERATIONS.md).`, {
      cause: error,
    });
  });
  const appRole = roleOf(server.url);
  if (appRole === roleOf(server.migrationUrl)) {
    options.warn?.(
      `The application connects to PostgreSQL as "${appRole}", the role that owns its tables, so it could alter or empty the audit log. Give it a role that owns nothing and set DATABASE_MIGRATION_URL to the owner (docs/OPERATIONS.md).`,
    );
  } else {
    await grantApplicationPrivileges(server.migrationUrl, appRole);
  }
  return result;
}

/** Each embedded role's password, generated once and kept beside the data (mode 0600). */
export async function embeddedRoles(dataDir: string): Promise<DatabaseRoles> {
  const credentials = async (name: string): Promise<RoleCredentials> => {
    const file = path.join(dataDir, `${name}.password`);
    const existing = (await fs.readFile(file, "utf8").catch(() => "")).trim();
    if (existing) return { name, password: existing };
    const password = randomBytes(24).toString("base64url");
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return { name, password };
  };
  return { owner: await credentials(EMBEDDED_ROLE_NAMES.owner), app: await credentials(EMBEDDED_ROLE_NAMES.app) };
}

import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

/** A Prisma client over node-postgres for one database URL. */
export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 }, { statementNameGenerator: preparedStatementName });
  return new PrismaClient({ adapter });
}

/**
 * The name under which a connection keeps a statement prepared, so that PostgreSQL parses it once
 * and plans it once when one plan proves as good for every value: Prisma's own statements, which
 * are schema-qualified, but not those with a list of every length, which would pile up.
 * Hand-written SQL, whose best plan depends on its filters, is planned each time.
 */
function preparedStatementName({ sql }: { sql: string }): string {
  // "" is the unnamed statement, parsed anew each time.
  if (!sql.includes('"public".') || /IN \(\$\d+,|\),\s*\(\$/.test(sql)) return "";
  return `prisma_${createHash("sha256").update(sql).digest("hex").slice(0, 32)}`;
}

/** The primary and, when configured, its read replicas. */
export interface DatabaseClients {
  /** Writes, transactions, sessions, limiter counters and editorial reads: everything that must see its own writes. */
  primary: Db;
  /** For public reads, which tolerate replication lag: a randomly chosen replica, or the primary when there is none. */
  publicReads(): Db;
  replicated: boolean;
  disconnect(): Promise<void>;
}

/**
 * Clients for the primary and its replicas. Only public reads are sent to a replica, and
 * each of them wholly (raw SQL included): the extension's automatic routing would also send
 * session, lockout and just-saved editorial reads to a lagging copy, so it is not used.
 */
export function createDatabaseClients(databaseUrl: string, options: { max?: number; replicaUrls?: string[] } = {}): DatabaseClients {
  const primary = createDb(databaseUrl, options);
  const replicaUrls = options.replicaUrls ?? [];
  if (!replicaUrls.length) return { primary, publicReads: () => primary, replicated: false, disconnect: () => primary.$disconnect() };
  const withReplicas = primary.$extends(readReplicas({ replicas: replicaUrls.map((url) => createDb(url, options)) }));
  return {
    primary,
    // $replica() returns one of the PrismaClients given above; its declared type only drops `$on`.
    publicReads: () => withReplicas.$replica() as unknown as Db,
    replicated: true,
    disconnect: () => withReplicas.$disconnect(),
  };
}

/** True when the database answers a trivial query. */
export async function checkDatabase(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

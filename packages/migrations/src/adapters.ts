// Driver adapters handed to the schema engine: PostgreSQL for applying, in-memory PGlite as the
// shadow database for writing migrations, each tracked so nothing stays open afterwards.
import { DriverAdapterError, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** Migration-aware factory over in-memory PGlite instances that have the contrib extensions the migrations use. */
export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "pglite-prisma-adapter";

  connect(): Promise<SqlDriverAdapter> {
    return this.open();
  }

  // pglite-prisma-adapter's own `connectToShadowDb` starts a PGlite without extensions.
  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.open();
  }

  private async open(): Promise<SqlDriverAdapter> {
    // Loaded on demand: PGlite and its Prisma adapter are dev dependencies, only needed to
    // author migrations, while `applyMigrations` must work in a production install.
    const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/btree_gist"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("@electric-sql/pglite/contrib/unaccent"),
      import("pglite-prisma-adapter"),
    ]);
    const database = await PGlite.create({ extensions: { btree_gist, pg_trgm, unaccent } });
    const adapter = await new PrismaPGlite(database).connect();
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      // pglite-prisma-adapter 0.7.2 does not await `exec` here: failures would escape as
      // unhandled rejections while the engine believes the script succeeded.
      executeScript: async (script) => {
        try {
          await database.exec(script);
        } catch (error) {
          throw toDriverAdapterError(error);
        }
      },
      startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
      ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
      dispose: async () => {
        await adapter.dispose();
        if (!database.closed) await database.close();
      },
    };
  }
}

/** PostgreSQL errors become Prisma's generic `postgres` driver error, as the adapters' own queries do. */
export function toDriverAdapterError(error: unknown): unknown {
  const candidate = error as { code?: unknown; severity?: unknown; message?: unknown; detail?: unknown; column?: unknown; hint?: unknown };
  if (typeof candidate?.code !== "string" || typeof candidate.message !== "string") return error;
  const optional = (value: unknown) => (typeof value === "string" ? value : undefined);
  return new DriverAdapterError({
    kind: "postgres",
    code: candidate.code,
    severity: optional(candidate.severity) ?? "ERROR",
    message: candidate.message,
    detail: optional(candidate.detail),
    column: optional(candidate.column),
    hint: optional(candidate.hint),
  });
}

/**
 * Remembers every connection handed to the engine so they can be released afterwards: freeing
 * the wasm engine does not dispose them, and a live `pg` pool would keep the process running.
 * Disposal is made idempotent, since the engine disposes some adapters (shadow databases) itself.
 */
export class TrackedAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider: SqlMigrationAwareDriverAdapterFactory["provider"];
  readonly adapterName: string;
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly options: { shadowDatabase: boolean; executeScript?: (script: string) => Promise<void> } = {
      shadowDatabase: true,
    },
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (!this.options.shadowDatabase) throw new Error("No shadow database is available for this operation");
    return this.track(await this.inner.connectToShadowDb());
  }

  async disposeAll(): Promise<void> {
    await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    let disposing: Promise<void> | undefined;
    const tracked: SqlDriverAdapter = {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      executeScript: this.options.executeScript ?? ((script) => adapter.executeScript(script)),
      startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
      ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
      dispose: () => {
        this.open.delete(tracked);
        disposing ??= adapter.dispose();
        return disposing;
      },
    };
    this.open.add(tracked);
    return tracked;
  }
}

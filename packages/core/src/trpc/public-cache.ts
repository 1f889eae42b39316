import pg from "pg";

const CHANNEL = "coop_public_data";
const MAX_ENTRIES = 2_000;

/** How long a response read from a replica is trusted: it may predate the change the replica has yet to replay. */
export const REPLICA_LAG_ALLOWANCE_MS = 2_000;

interface Entry {
  version: string;
  storedAt: number;
  body: string;
  etag: string;
  headers: [string, string][];
}

/**
 * Public responses kept in memory per (URL, data version). PostgreSQL announces
 * every change to public data on a channel (triggers in the migrations); hearing
 * it drops the cache, on every instance. Without a live listener nothing is
 * served from memory.
 */
export class PublicResponseCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Entry>();
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    /** Without replicas an entry lives until the data changes; with them, at most this long. */
    private readonly maxAgeMs = Infinity,
  ) {}

  /** Starts listening; reconnects by itself after the database goes away. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    const lost = () => {
      this.forget();
      if (this.client === client) this.client = null;
      if (!this.stopped) setTimeout(() => void this.start().catch(() => {}), 1000).unref();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel === CHANNEL) this.moveTo(message.payload ?? null);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      const { rows } = await client.query<{ version: string }>(`SELECT last_value::text AS version FROM coop_public_data_version`);
      this.client = client;
      this.moveTo(rows[0]?.version ?? null);
    } catch (error) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      lost();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.forget();
    await this.client?.end().catch(() => {});
  }

  /** The data version to tag a response computed from now on; null when unknown. */
  currentVersion(): string | null {
    return this.version;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    const fresh = entry && Date.now() - entry.storedAt < this.maxAgeMs;
    return fresh && this.version !== null && entry.version === this.version ? entry : undefined;
  }

  /** Keeps a response only if no change was announced while it was computed. */
  set(key: string, versionAtStart: string | null, entry: Omit<Entry, "version" | "storedAt">): void {
    if (versionAtStart === null || versionAtStart !== this.version) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...entry, version: versionAtStart, storedAt: Date.now() });
  }

  private moveTo(version: string | null): void {
    this.version = version;
    this.entries.clear();
  }

  private forget(): void {
    this.moveTo(null);
  }
}

const SHARED = Symbol.for("coop-tracker.public-response-cache");

/**
 * The process's one cache, shared by the HTTP server in front of Next (which answers
 * hits without entering Next) and the tRPC route inside it (which fills it).
 */
export function sharedPublicCache(databaseUrl: string, options: { readsFromReplicas: boolean }): PublicResponseCache {
  const holder = globalThis as unknown as Record<symbol, PublicResponseCache | undefined>;
  let cache = holder[SHARED];
  if (!cache) {
    cache = new PublicResponseCache(databaseUrl, options.readsFromReplicas ? REPLICA_LAG_ALLOWANCE_MS : Infinity);
    // Until the listener is up (or while it is down) nothing is served from memory.
    cache.start().catch((error: Error) => console.error(`Public response cache not listening yet: ${error.message}`));
    holder[SHARED] = cache;
  }
  return cache;
}

import { LRUCache } from "lru-cache";
import pg from "pg";
import { publicSurfaceMetrics } from "./metrics";

const CHANNEL = "coop_public_data";
/** Fits a 512 MiB instance: Node and Next take about 250 MiB, the database pool and requests in flight the rest. */
export const DEFAULT_PUBLIC_CACHE_BYTES = 64 * 1024 * 1024;
/** What an entry costs beyond its body and headers (key, object, LRU bookkeeping), roughly. */
const ENTRY_OVERHEAD_BYTES = 256;

/** How long a response read from a replica is trusted: it may predate the change the replica has yet to replay. */
export const REPLICA_LAG_ALLOWANCE_MS = 2_000;

export interface CachedAnswer {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: [string, string][];
}

interface Entry extends CachedAnswer {
  version: string;
}

export interface PublicResponseCacheOptions {
  /** Without replicas an entry lives until the data changes; with them, at most this long. */
  maxAgeMs?: number;
  /** Budget of the bodies, headers and keys kept; the least recently used go first. */
  maxBytes?: number;
}

function entrySize(entry: Entry, key: string): number {
  return entry.body.byteLength + key.length + entry.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) + ENTRY_OVERHEAD_BYTES;
}

/**
 * Public responses kept in memory per (canonical request, data version), within a
 * byte budget. PostgreSQL announces every change to public data on a channel
 * (triggers in the migrations); hearing it drops the cache, on every instance.
 * Without a live listener nothing is served from memory.
 */
export class PublicResponseCache {
  private version: string | null = null;
  private readonly entries: LRUCache<string, Entry>;
  private client: pg.Client | null = null;
  private stopped = false;
  private readonly metrics = publicSurfaceMetrics();

  constructor(
    private readonly databaseUrl: string,
    options: PublicResponseCacheOptions = {},
  ) {
    const { maxAgeMs = Infinity, maxBytes = DEFAULT_PUBLIC_CACHE_BYTES } = options;
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: entrySize,
      ...(Number.isFinite(maxAgeMs) ? { ttl: maxAgeMs } : {}),
    });
  }

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

  /** The answer kept for this key at the current data version; counts a hit when there is one. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.version === null || entry.version !== this.version) return undefined;
    this.metrics.cacheHits.inc();
    return entry;
  }

  /** Keeps a response only if no change was announced while it was computed. */
  set(key: string, versionAtStart: string | null, answer: CachedAnswer): void {
    if (versionAtStart === null || versionAtStart !== this.version) return;
    this.entries.set(key, { ...answer, version: versionAtStart });
    this.report();
  }

  /** What the cache holds now, in bytes (as budgeted) and entries. */
  usage(): { bytes: number; entries: number } {
    return { bytes: this.entries.calculatedSize, entries: this.entries.size };
  }

  private report(): void {
    this.metrics.cacheBytes.set(this.entries.calculatedSize);
    this.metrics.cacheEntries.set(this.entries.size);
  }

  private moveTo(version: string | null): void {
    this.version = version;
    this.entries.clear();
    this.report();
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
export function sharedPublicCache(databaseUrl: string, options: { readsFromReplicas: boolean; maxBytes?: number }): PublicResponseCache {
  const holder = globalThis as unknown as Record<symbol, PublicResponseCache | undefined>;
  let cache = holder[SHARED];
  if (!cache) {
    cache = new PublicResponseCache(databaseUrl, {
      maxAgeMs: options.readsFromReplicas ? REPLICA_LAG_ALLOWANCE_MS : Infinity,
      maxBytes: options.maxBytes,
    });
    // Until the listener is up (or while it is down) nothing is served from memory.
    cache.start().catch((error: Error) => console.error(`Public response cache not listening yet: ${error.message}`));
    holder[SHARED] = cache;
  }
  return cache;
}

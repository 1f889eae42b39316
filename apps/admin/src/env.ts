import { ZDatabaseReplicaUrls } from "@coop/core/env";
import { z } from "zod";

const ServerEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL; start the app with `npm start`, which sets it"),
  /** Read replicas of DATABASE_URL for public reads, comma-separated. */
  DATABASE_REPLICA_URLS: ZDatabaseReplicaUrls,
  /** Public origin of the site; https enables Secure `__Host-` cookies. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /** Where readers' "Request a correction" emails go from public record pages. */
  CORRECTIONS_EMAIL: z.email().default("corrections@example.org"),
  /** Signs session cookies; `npm start` generates one in COOP_DATA_DIR when unset. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters; generate one with `openssl rand -base64 48`"),
  AUTH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  AUTH_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** Largest request bodies read, cut while they arrive: tRPC calls, imports, sign-in. */
  API_BODY_LIMIT_KIB: z.coerce.number().int().min(16).max(65_536).default(1024),
  IMPORT_BODY_LIMIT_KIB: z.coerce.number().int().min(16).max(262_144).default(8192),
  AUTH_BODY_LIMIT_KIB: z.coerce.number().int().min(1).max(1024).default(16),
  /** Memory budget of the public response cache (API, feeds, oEmbed, `/` and `/records`). */
  PUBLIC_CACHE_MIB: z.coerce.number().int().min(1).max(16_384).default(64),
  /** Token bucket per client address for uncached public work (costs in docs/OPERATIONS.md); at least the dearest request (20). */
  PUBLIC_RATE_LIMIT_BURST: z.coerce.number().int().min(20).max(1_000_000).default(120),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
});

let cached: z.infer<typeof ServerEnvSchema> | undefined;

/** The admin server's validated environment; the only reader of process.env in this app. */
export function serverEnv() {
  if (cached) return cached;
  const parsed = ServerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join(".")} ${issue?.message}`);
  }
  cached = parsed.data;
  return cached;
}

/** The limits that keep the public surface up under abuse, in the units the core takes. */
export function publicSurfaceLimits() {
  const env = serverEnv();
  return {
    bodyLimits: { api: env.API_BODY_LIMIT_KIB * 1024, import: env.IMPORT_BODY_LIMIT_KIB * 1024 },
    authBodyLimitBytes: env.AUTH_BODY_LIMIT_KIB * 1024,
    cacheBytes: env.PUBLIC_CACHE_MIB * 1024 * 1024,
    rateLimit: { burst: env.PUBLIC_RATE_LIMIT_BURST, perMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE },
  };
}

export function sessionPolicy() {
  const env = serverEnv();
  return { idleMinutes: env.AUTH_SESSION_IDLE_MINUTES, maxHours: env.AUTH_SESSION_MAX_HOURS };
}

/** For the request proxy, which needs only this and runs before the app's settings are read. */
export const isDevelopment = () => process.env.NODE_ENV === "development";

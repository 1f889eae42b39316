import type { Db } from "../db/client";

export interface LimitDecision {
  allowed: boolean;
  /** Seconds until a refused caller may try again. */
  retryAfterSeconds: number;
}

/**
 * Counts one request against a fixed window shared by every app instance (the
 * counter lives in PostgreSQL, so restarts and other instances see it too).
 */
export async function consumeRateLimit(db: Db, key: string, limit: { max: number; windowSeconds: number }): Promise<LimitDecision> {
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${limit.windowSeconds}) THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${limit.windowSeconds}) THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING count, "windowStart"`;
  if (!row || row.count <= limit.max) return { allowed: true, retryAfterSeconds: 0 };
  const resetsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - Date.now()) / 1000)) };
}

/** Account lockout policy: this many failures within the window lock the account. */
export const LOGIN_LOCKOUT = { failures: 5, windowSeconds: 600, firstDelaySeconds: 60, maxDelaySeconds: 3600 };

const loginKey = (email: string) => `login:${email}`;

/** Whether sign-in for this (normalised) email is currently locked, whatever the IP. */
export async function loginLockout(db: Db, email: string): Promise<LimitDecision> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key: loginKey(email) }, select: { blockedUntil: true } });
  const until = bucket?.blockedUntil?.getTime() ?? 0;
  if (until <= Date.now()) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.ceil((until - Date.now()) / 1000) };
}

/**
 * Counts a failed sign-in. The fifth failure within ten minutes locks the account
 * for a delay that doubles with each consecutive lockout (1 min, 2 min, ... 1 h).
 */
export async function recordLoginFailure(db: Db, email: string): Promise<LimitDecision> {
  const key = loginKey(email);
  const { allowed } = await consumeRateLimit(db, key, { max: LOGIN_LOCKOUT.failures - 1, windowSeconds: LOGIN_LOCKOUT.windowSeconds });
  if (allowed) return { allowed: true, retryAfterSeconds: 0 };
  const [row] = await db.$queryRaw<{ blockedUntil: Date }[]>`
    UPDATE "RateLimitBucket" SET
      "blockedUntil" = now() + make_interval(secs => LEAST(${LOGIN_LOCKOUT.firstDelaySeconds} * power(2, lockouts), ${LOGIN_LOCKOUT.maxDelaySeconds})),
      lockouts = lockouts + 1, count = 0, "windowStart" = now()
    WHERE key = ${key}
    RETURNING "blockedUntil"`;
  const until = row?.blockedUntil.getTime() ?? Date.now();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}

/** A successful sign-in clears the account's failures and lockout history. */
export async function recordLoginSuccess(db: Db, email: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: loginKey(email) } });
}

/** Buckets untouched this long hold nothing worth keeping: windows last minutes, lockouts an hour at most. */
export const STALE_BUCKET_HOURS = 24;

/** Deletes buckets no limit or lockout still reads, so one row per client ever seen does not pile up. */
export async function purgeStaleRateLimitBuckets(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimitBucket"
    WHERE "windowStart" < now() - make_interval(hours => ${STALE_BUCKET_HOURS})
      AND ("blockedUntil" IS NULL OR "blockedUntil" < now())`;
}

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

/**
 * Counts a sign-in attempt (or a password change) for the account before its password is
 * checked, in one statement, so parallel attempts cannot all slip through between a read
 * and a write: at most `LOGIN_LOCKOUT.failures` attempts per window reach the check.
 * A locked account is refused without counting.
 */
export async function beginLoginAttempt(db: Db, email: string): Promise<LimitDecision> {
  const [row] = await db.$queryRaw<{ count: number; blocked: boolean; retryAfterSeconds: number }[]>`
    INSERT INTO "RateLimitBucket" AS bucket (key, count, "windowStart") VALUES (${loginKey(email)}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE
        WHEN bucket."blockedUntil" > now() THEN bucket.count
        WHEN bucket."windowStart" <= now() - make_interval(secs => ${LOGIN_LOCKOUT.windowSeconds}) THEN 1
        ELSE bucket.count + 1 END,
      "windowStart" = CASE
        WHEN bucket."blockedUntil" > now() THEN bucket."windowStart"
        WHEN bucket."windowStart" <= now() - make_interval(secs => ${LOGIN_LOCKOUT.windowSeconds}) THEN now()
        ELSE bucket."windowStart" END
    RETURNING count, COALESCE("blockedUntil" > now(), false) AS blocked,
      GREATEST(1, ceil(extract(epoch FROM CASE WHEN "blockedUntil" > now() THEN "blockedUntil"
        ELSE "windowStart" + make_interval(secs => ${LOGIN_LOCKOUT.windowSeconds}) END - now())))::int AS "retryAfterSeconds"`;
  if (!row || (!row.blocked && row.count <= LOGIN_LOCKOUT.failures)) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: row.retryAfterSeconds };
}

/**
 * After a counted attempt failed: once the window holds `failures` attempts, the account
 * locks for a delay that doubles with each consecutive lockout (1 min, 2 min, ... 1 h).
 */
export async function recordLoginFailure(db: Db, email: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET
      "blockedUntil" = now() + make_interval(secs => LEAST(${LOGIN_LOCKOUT.firstDelaySeconds} * power(2, lockouts), ${LOGIN_LOCKOUT.maxDelaySeconds})),
      lockouts = lockouts + 1, count = 0, "windowStart" = now()
    WHERE key = ${loginKey(email)} AND count >= ${LOGIN_LOCKOUT.failures} AND ("blockedUntil" IS NULL OR "blockedUntil" <= now())`;
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

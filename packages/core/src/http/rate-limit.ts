import { LRUCache } from "lru-cache";
import { clientIpOf } from "./client-ip";
import type { LimitDecision } from "../domain/login-limits";
import { publicSurfaceMetrics } from "./metrics";
import type { PublicWork } from "./public-work";

export interface RateLimitPolicy {
  /** Tokens a client may spend at once. */
  burst: number;
  /** Tokens given back per minute. */
  perMinute: number;
}

/** A visitor paging through /records with a few filters stays well inside it; a script looping over searches does not. */
export const DEFAULT_PUBLIC_RATE_LIMIT: RateLimitPolicy = { burst: 120, perMinute: 120 };

/** Clients remembered at once; the least recently seen are forgotten first (a forgotten bucket is a full one). */
const MAX_TRACKED_CLIENTS = 50_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets per client address, in this process's memory. Uncached public work
 * spends tokens (its cost); answers from the cache spend none. Per instance on purpose:
 * it guards this instance's CPU and database pool, and a shared counter would itself
 * cost a database write per request (docs/OPERATIONS.md).
 */
export class ClientRateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;
  private readonly tokensPerMs: number;

  constructor(
    readonly policy: RateLimitPolicy = DEFAULT_PUBLIC_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {
    this.tokensPerMs = policy.perMinute / 60_000;
    // A bucket left alone this long is full again, the same as no bucket.
    const refillMs = Math.ceil(policy.burst / this.tokensPerMs);
    this.buckets = new LRUCache({ max: MAX_TRACKED_CLIENTS, ttl: refillMs, ttlAutopurge: false });
  }

  /** Spends `cost` tokens of this client's bucket if it holds them. */
  take(client: string, cost: number): LimitDecision {
    const now = this.now();
    const tokens = this.tokensAt(client, now);
    if (tokens >= cost) {
      this.buckets.set(client, { tokens: tokens - cost, updatedAt: now });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    this.buckets.set(client, { tokens, updatedAt: now });
    return this.refusal(tokens, cost);
  }

  /** What `take` would answer, without spending anything. */
  peek(client: string, cost: number): LimitDecision {
    const tokens = this.tokensAt(client, this.now());
    return tokens >= cost ? { allowed: true, retryAfterSeconds: 0 } : this.refusal(tokens, cost);
  }

  private tokensAt(client: string, now: number): number {
    const bucket = this.buckets.peek(client);
    if (!bucket) return this.policy.burst;
    return Math.min(this.policy.burst, bucket.tokens + (now - bucket.updatedAt) * this.tokensPerMs);
  }

  private refusal(tokens: number, cost: number): LimitDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / this.tokensPerMs / 1000)) };
  }
}

/** The bucket key of a request: the client address set by the app's HTTP server, never one a client sends. */
export function rateLimitClientOf(headers: Headers): string {
  return clientIpOf(headers) ?? "unknown";
}

/**
 * Spends the request's cost, or the refusal to send. Requests with credentials are
 * accountable and not limited here (a bad token is refused with 401 before any work).
 */
export function admitPublicWork(
  request: Request,
  limiter: ClientRateLimiter | undefined,
  work: PublicWork,
  refuse: (retryAfterSeconds: number, message: string) => Response,
): Response | null {
  if (!limiter || request.headers.has("authorization")) return null;
  const decision = limiter.take(rateLimitClientOf(request.headers), work.cost);
  if (decision.allowed) return null;
  publicSurfaceMetrics().rateLimited.inc({ surface: work.surface });
  return refuse(decision.retryAfterSeconds, tooManyRequestsMessage(decision.retryAfterSeconds));
}

export function tooManyRequestsMessage(retryAfterSeconds: number): string {
  return `Too many uncached requests from your address; try again in ${retryAfterSeconds} seconds. Cached answers are not limited.`;
}

const SHARED = Symbol.for("coop-tracker.public-rate-limiter");

/** The process's one limiter, shared by the HTTP server in front of Next (pages) and the routes inside it. */
export function sharedPublicRateLimiter(policy: RateLimitPolicy): ClientRateLimiter {
  const holder = globalThis as unknown as Record<symbol, ClientRateLimiter | undefined>;
  holder[SHARED] ??= new ClientRateLimiter(policy);
  return holder[SHARED];
}

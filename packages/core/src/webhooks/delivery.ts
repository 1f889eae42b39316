import { Webhook } from "standardwebhooks";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { DEFAULT_DELIVERY_TIMEOUT_MS, postWebhook, type TargetPolicy, targetPolicy } from "../domain/webhook-targets";

export interface RetryPolicy {
  /** Wait before the second attempt; each later wait doubles. */
  firstDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
  /** A delivery still failing this long after it was queued is given up, and its endpoint disabled. */
  giveUpAfterMs: number;
}

/** 5 s, 10 s, 20 s, ... up to an hour between attempts, for 24 hours: about 30 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 5_000, maxDelayMs: 3_600_000, giveUpAfterMs: 24 * 3_600_000 };

/**
 * The wait before the attempt after `attempts` failed ones: exponential, with jitter
 * (between half and all of the step), so receivers that come back are not hit by every
 * sender at the same instant.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

export interface DeliveryOptions {
  retry?: RetryPolicy;
  /** Where deliveries may go; by default WEBHOOK_ALLOWED_HOSTS, read at each delivery. */
  policy?: TargetPolicy;
  timeoutMs?: number;
}

interface DueDelivery {
  id: bigint;
  attempts: number;
  createdAt: Date;
  endpointId: string;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  payload: unknown;
  eventAt: Date;
}

/** The request body: the Standard Webhooks envelope, the same bytes at every attempt. */
function webhookBody(due: DueDelivery): string {
  return JSON.stringify({ type: due.type, timestamp: due.eventAt.toISOString(), data: due.payload });
}

function signedHeaders(due: DueDelivery, body: string, sentAt: Date): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "coop-tracker-webhooks",
    // The event's id, the same at every attempt and replay: the receiver's idempotency key.
    "webhook-id": due.eventId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(due.secret).sign(due.eventId, sentAt, body),
  };
}

/**
 * Sends the next due delivery, if any, and records the outcome. The delivery row stays
 * locked (`FOR UPDATE SKIP LOCKED`) until its outcome is written, so other workers and
 * instances pass over it; if this process dies meanwhile, the lock goes with its
 * connection and the delivery is sent again (at least once, same `webhook-id`). A
 * delivery waits while an earlier one of the same record to the same endpoint is
 * pending, so each receiver gets a record's changes in order. True when one was handled.
 */
export async function deliverNextWebhook(db: Db, options: DeliveryOptions = {}): Promise<boolean> {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  return db.$transaction(
    async (tx) => {
      const [due] = await tx.$queryRaw<DueDelivery[]>`
        SELECT d.id, d.attempts, d."createdAt", d."endpointId", e.url, e.secret,
               v.id AS "eventId", v.type, v.payload, v."createdAt" AS "eventAt"
        FROM "WebhookDelivery" d
        JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
        JOIN "WebhookEvent" v ON v.id = d."eventId"
        WHERE d.state = 'PENDING' AND d."nextAttemptAt" <= ${new Date()} AND e.enabled
          AND NOT EXISTS (
            SELECT 1 FROM "WebhookDelivery" earlier
            WHERE earlier."endpointId" = d."endpointId" AND earlier."agreementId" = d."agreementId"
              AND earlier.state = 'PENDING' AND earlier.id < d.id)
        ORDER BY d."nextAttemptAt", d.id
        LIMIT 1
        FOR UPDATE OF d SKIP LOCKED`;
      if (!due) return false;
      const body = webhookBody(due);
      const sentAt = new Date();
      const outcome = await postWebhook(due.url, signedHeaders(due, body, sentAt), body, { policy: options.policy ?? targetPolicy(), timeoutMs });
      const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
      const attempts = due.attempts + 1;
      const attempt = {
        attempts,
        lastAttemptAt: sentAt,
        lastStatus: outcome.status,
        lastDurationMs: outcome.durationMs,
        lastError: delivered ? null : (outcome.error ?? `the receiver answered HTTP ${outcome.status}`),
        lastResponse: outcome.response,
      };
      if (delivered) {
        await tx.webhookDelivery.update({ where: { id: due.id }, data: { ...attempt, state: "DELIVERED", deliveredAt: new Date() } });
        return true;
      }
      const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts, retry));
      if (nextAttemptAt.getTime() - due.createdAt.getTime() <= retry.giveUpAfterMs) {
        await tx.webhookDelivery.update({ where: { id: due.id }, data: { ...attempt, nextAttemptAt } });
        return true;
      }
      await tx.webhookDelivery.update({ where: { id: due.id }, data: { ...attempt, state: "FAILED" } });
      const hours = Math.round((retry.giveUpAfterMs / 3_600_000) * 10) / 10;
      await tx.webhookEndpoint.update({
        where: { id: due.endpointId },
        data: {
          enabled: false,
          disabledAt: new Date(),
          disabledReason: `Disabled after deliveries failed for ${hours} hours (last: ${attempt.lastError}). Fix the receiver, then enable the endpoint again: pending deliveries resume, failed ones can be replayed.`,
        },
      });
      return true;
    },
    // The transaction holds the row lock for the length of one HTTP attempt.
    { timeout: timeoutMs + 30_000, maxWait: 10_000 },
  );
}

export interface WorkerOptions extends DeliveryOptions {
  /** Deliveries in flight at once (each holds one database connection). */
  concurrency?: number;
  /** Pause when nothing is due. */
  pollMs?: number;
}

/** Delivers webhooks in the web server process, a few at a time, until stopped. */
export class WebhookDeliveryWorker {
  private stopped = false;
  private lanes: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly options: WorkerOptions = {},
  ) {}

  start(): void {
    this.lanes = Array.from({ length: this.options.concurrency ?? 2 }, () => this.lane());
  }

  /** Finishes the deliveries in flight, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    await Promise.all(this.lanes);
  }

  private async lane(): Promise<void> {
    while (!this.stopped) {
      let handled = false;
      try {
        handled = await deliverNextWebhook(this.db, this.options);
      } catch (error) {
        // An outage is reported by /api/health; the lane tries again after its pause.
        if (!isDatabaseUnavailable(error)) console.error("Webhook delivery failed:", error);
      }
      if (!handled) await this.pause(this.options.pollMs ?? 1000);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

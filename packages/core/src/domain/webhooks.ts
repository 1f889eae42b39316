import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { type Actor, actorId, auditActor } from "./access";
import type { Db } from "../db/client";
import { ZWebhookCreateInput, ZWebhookDeliveriesInput, ZWebhookIdInput, ZWebhookReplayInput, ZWebhookUpdateInput } from "../validators/webhooks";
import { assertAllowedTarget, TargetRefusedError } from "./webhook-targets";
import { writeAudit } from "./audit";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { assertKnownTaxonomy } from "./taxonomy";

const endpointFields = {
  id: true,
  url: true,
  description: true,
  events: true,
  countries: true,
  partners: true,
  sectors: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Refuses a target the delivery policy would refuse, and unknown filter values, naming the field. */
async function assertValidEndpoint(db: Db, input: { url?: string; filters?: z.output<typeof ZWebhookCreateInput>["filters"] }) {
  if (input.filters) {
    try {
      await assertKnownTaxonomy(db, input.filters);
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError(["filters", ...error.path], error.reason);
      throw error;
    }
  }
  if (input.url) {
    await assertAllowedTarget(input.url).catch((error: unknown) => {
      throw error instanceof TargetRefusedError ? new InvalidInputError(["url"], error.message) : error;
    });
  }
}

function filterColumns(filters: z.output<typeof ZWebhookCreateInput>["filters"]) {
  return { countries: filters?.country ?? [], partners: filters?.partner ?? [], sectors: filters?.sector ?? [] };
}

/** Registers an endpoint; its signing secret is returned here only. */
export async function createWebhookEndpoint(db: Db, actor: Actor, rawInput: z.input<typeof ZWebhookCreateInput>) {
  const input = ZWebhookCreateInput.parse(rawInput);
  await assertValidEndpoint(db, input);
  const secret = newSigningSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: input.url,
        description: input.description ?? "",
        events: [...new Set(input.events)],
        ...filterColumns(input.filters),
        secret,
        createdById: actorId(actor),
      },
      select: endpointFields,
    });
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "webhook.create",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      details: { url: endpoint.url, events: endpoint.events },
    });
    return { id: endpoint.id, secret, endpoint };
  });
}

/** Every endpoint with how many deliveries wait and how many were given up. */
export async function listWebhookEndpoints(db: Db) {
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({ orderBy: { createdAt: "desc" }, select: endpointFields, take: 500 }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "state"], where: { state: { in: ["PENDING", "FAILED"] } }, _count: { _all: true } }),
  ]);
  const count = (endpointId: string, state: "PENDING" | "FAILED") =>
    counts.find((row) => row.endpointId === endpointId && row.state === state)?._count._all ?? 0;
  return endpoints.map((endpoint) => ({ ...endpoint, pending: count(endpoint.id, "PENDING"), failed: count(endpoint.id, "FAILED") }));
}

/** Changes an endpoint; `enabled: true` turns one disabled for failures back on, and its pending deliveries resume. */
export async function updateWebhookEndpoint(db: Db, actor: Actor, rawInput: z.input<typeof ZWebhookUpdateInput>) {
  const input = ZWebhookUpdateInput.parse(rawInput);
  await assertValidEndpoint(db, input);
  return db.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { id: input.id }, select: { id: true } });
    if (!existing) throw new NotFoundError(`No webhook endpoint has the id ${input.id}`);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: input.id },
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
        ...(input.filters !== undefined ? filterColumns(input.filters) : {}),
        ...(input.enabled === true ? { enabled: true, disabledAt: null, disabledReason: null } : {}),
        ...(input.enabled === false ? { enabled: false, disabledAt: new Date(), disabledReason: null } : {}),
      },
      select: endpointFields,
    });
    const { id: _id, ...changes } = input;
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "webhook.update",
      entityType: "WebhookEndpoint",
      entityId: input.id,
      details: JSON.parse(JSON.stringify(changes)) as object,
    });
    return endpoint;
  });
}

/** Removes an endpoint with its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor, rawInput: z.input<typeof ZWebhookIdInput>) {
  const { id } = ZWebhookIdInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!existing) throw new NotFoundError(`No webhook endpoint has the id ${id}`);
    await tx.webhookEndpoint.delete({ where: { id } });
    await writeAudit(tx, { ...auditActor(actor), action: "webhook.delete", entityType: "WebhookEndpoint", entityId: id, details: { url: existing.url } });
    return { id, deleted: true as const };
  });
}

const deliveryFields = {
  id: true,
  state: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  lastStatus: true,
  lastDurationMs: true,
  lastError: true,
  lastResponse: true,
  deliveredAt: true,
  createdAt: true,
  event: { select: { id: true, type: true, agreementId: true, payload: true } },
} as const;

/** An endpoint's delivery log, newest first, one keyset page at a time. */
export async function listWebhookDeliveries(db: Db, rawInput: z.input<typeof ZWebhookDeliveriesInput>) {
  const input = ZWebhookDeliveriesInput.parse(rawInput);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: input.id, ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: deliveryFields,
  });
  const page = rows.slice(0, input.limit);
  const items = page.map(({ id, event, ...delivery }) => ({
    ...delivery,
    id: id.toString(),
    event: { id: event.id, type: event.type, recordId: event.agreementId, slug: (event.payload as { slug?: string }).slug ?? null },
  }));
  return { items, nextCursor: rows.length > input.limit ? page.at(-1)!.id.toString() : null };
}

/** Queues a delivery's event again for its endpoint, now, with the same `webhook-id`; the old entry stays in the log. */
export async function replayWebhookDelivery(db: Db, actor: Actor, rawInput: z.input<typeof ZWebhookReplayInput>) {
  const { deliveryId } = ZWebhookReplayInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findUnique({
      where: { id: BigInt(deliveryId) },
      select: { endpointId: true, eventId: true, agreementId: true, endpoint: { select: { enabled: true } } },
    });
    if (!original) throw new NotFoundError(`No webhook delivery has the id ${deliveryId}`);
    if (!original.endpoint.enabled) throw new ConflictError("This endpoint is disabled: enable it first, then replay.");
    const replay = await tx.webhookDelivery.create({
      data: { endpointId: original.endpointId, eventId: original.eventId, agreementId: original.agreementId },
      select: { id: true, state: true, createdAt: true },
    });
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "webhook.replay",
      entityType: "WebhookEndpoint",
      entityId: original.endpointId,
      details: { deliveryId, replayId: replay.id.toString() },
    });
    return { ...replay, id: replay.id.toString() };
  });
}

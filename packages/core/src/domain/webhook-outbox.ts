import { Prisma } from "../generated/prisma/client";
import type { WebhookEventType } from "../validators/webhooks";
import { queryPublicSummaries, toPublicAgreementSummary } from "./public-agreement";

type Tx = Prisma.TransactionClient;

/** Whether an endpoint's filters let a record through: each listed filter needs one shared value. */
function passesFilters(
  endpoint: { countries: string[]; partners: string[]; sectors: string[] },
  record: { africanCountryCodes: string[]; partnerCountryCodes: string[]; sectorSlugs: string[] },
): boolean {
  const shares = (wanted: string[], values: string[]) => wanted.length === 0 || wanted.some((value) => values.includes(value));
  return (
    shares(endpoint.countries, record.africanCountryCodes) &&
    shares(endpoint.partners, record.partnerCountryCodes) &&
    shares(endpoint.sectors, record.sectorSlugs)
  );
}

/**
 * Writes a change of a public record to the webhook outbox, inside the transaction that
 * makes the change: a rolled-back change sends nothing, a committed one is never lost.
 * One delivery per enabled endpoint that wants this event for this record. Published
 * and updated events carry the record as the public API shows it at this moment.
 */
export async function enqueueRecordEvent(tx: Tx, type: WebhookEventType, agreementId: string): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, events: { has: type } },
    select: { id: true, countries: true, partners: true, sectors: true },
  });
  if (!endpoints.length) return;
  const [record] = await queryPublicSummaries(tx, (columns) => Prisma.sql`SELECT ${columns} FROM "Agreement" a WHERE a.id = ${agreementId}::uuid`);
  if (!record) return;
  const receivers = endpoints.filter((endpoint) => passesFilters(endpoint, record));
  if (!receivers.length) return;
  const stillPublic = type === "record.published" || type === "record.updated";
  const payload = { id: record.id, slug: record.slug, ...(stillPublic ? { agreement: toPublicAgreementSummary(record) } : {}) };
  const event = await tx.webhookEvent.create({
    data: { type, agreementId, payload: JSON.parse(JSON.stringify(payload)) as Prisma.InputJsonValue },
    select: { id: true },
  });
  await tx.webhookDelivery.createMany({ data: receivers.map((endpoint) => ({ endpointId: endpoint.id, eventId: event.id, agreementId })) });
}

import type { Prisma } from "../generated/prisma/client";
import type { TAgreementData } from "../validators/agreement-editing";
import { deriveAgreementIndex } from "./search-index";

type Tx = Prisma.TransactionClient;

/** The agreement's own columns from validated input. */
function agreementColumns(data: TAgreementData) {
  return {
    title: data.title,
    summary: data.summary,
    kind: data.kind,
    status: data.status,
    confidence: data.confidence,
    announcedOn: data.announcedOn.on,
    announcedPrecision: data.announcedOn.precision,
    signedOn: data.signedOn.on,
    signedPrecision: data.signedOn.precision,
    venue: data.venue,
    event: data.event,
    amount: data.amount ?? null,
    currency: data.amount != null ? (data.currency ?? null) : null,
    ...(data.externalId !== undefined ? { externalId: data.externalId || null } : {}),
  };
}

/** The agreement's own columns and the filter and search columns derived from its parts, to write with them. */
export async function indexedAgreementColumns(tx: Tx, data: TAgreementData) {
  const organizationIds = [...new Set(data.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])))];
  const organizations = organizationIds.length
    ? await tx.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true, aliases: true, countryCode: true } })
    : [];
  const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
  const index = deriveAgreementIndex({
    parties: data.parties.map((party) => ({
      side: party.side,
      countryCode: party.countryCode ?? null,
      representativeName: party.representativeName,
      organization: party.organizationId ? organizationById.get(party.organizationId) : null,
    })),
    sectorSlugs: data.sectors,
    translations: data.translations,
    venue: data.venue,
    event: data.event,
  });
  return { ...agreementColumns(data), ...index };
}

/**
 * Replaces the agreement's parts with the input's, inside the saving transaction (which
 * writes their derived columns with `indexedAgreementColumns`).
 * Sources are updated in place when the input names their id, so status events and
 * commitments keep citing them; returns the stored source ids in input order.
 */
export async function writeAgreementParts(tx: Tx, agreementId: string, data: TAgreementData, options = { isNew: false }): Promise<string[]> {
  const keptSourceIds = new Set(data.sources.flatMap((source) => (source.id ? [source.id] : [])));
  const storedIds = new Set<string>();
  if (!options.isNew) {
    // Only sources the input names by id may be kept: without any, none needs looking up.
    if (keptSourceIds.size) for (const source of await tx.source.findMany({ where: { agreementId }, select: { id: true } })) storedIds.add(source.id);
    await tx.source.deleteMany({ where: { agreementId, id: { notIn: [...keptSourceIds] } } });
  }

  const sourceIds: string[] = [];
  for (const [position, { id, publishedOn, retrievedAt, ...source }] of data.sources.entries()) {
    const fields = {
      ...source,
      url: source.url ?? null,
      language: source.language ?? null,
      publishedOn: publishedOn.on,
      publishedPrecision: publishedOn.precision,
      retrievedAt: retrievedAt ? new Date(retrievedAt) : null,
      position,
    };
    const row =
      id && storedIds.has(id)
        ? await tx.source.update({ where: { id }, data: fields, select: { id: true } })
        : await tx.source.create({ data: { ...fields, agreementId }, select: { id: true } });
    sourceIds.push(row.id);
  }

  if (!options.isNew) {
    // One round trip for the five.
    await tx.$executeRaw`WITH sectors AS (DELETE FROM "AgreementSector" WHERE "agreementId" = ${agreementId}::uuid),
      parties AS (DELETE FROM "AgreementParty" WHERE "agreementId" = ${agreementId}::uuid),
      commitments AS (DELETE FROM "Commitment" WHERE "agreementId" = ${agreementId}::uuid),
      citations AS (DELETE FROM "Citation" WHERE "agreementId" = ${agreementId}::uuid)
      DELETE FROM "Translation" WHERE "agreementId" = ${agreementId}::uuid`;
  }
  // Empty lists skip their round trip: imports create thousands of records.
  if (data.sectors.length) await tx.agreementSector.createMany({ data: [...new Set(data.sectors)].map((sectorSlug) => ({ agreementId, sectorSlug })) });
  if (data.parties.length)
    await tx.agreementParty.createMany({
      data: data.parties.map((party, position) => ({
        agreementId,
        organizationId: party.organizationId ?? null,
        countryCode: party.countryCode ?? null,
        side: party.side,
        role: party.role,
        representativeName: party.representativeName,
        representativeTitle: party.representativeTitle,
        position,
      })),
    });
  if (data.commitments.length)
    await tx.commitment.createMany({
      data: data.commitments.map((commitment, position) => ({
        agreementId,
        description: commitment.description,
        quantity: commitment.quantity ?? null,
        unit: commitment.unit,
        deadline: commitment.deadline.on,
        deadlinePrecision: commitment.deadline.precision,
        delivered: commitment.delivered ?? null,
        deliveredNote: commitment.deliveredNote,
        sourceId: commitment.source != null ? (sourceIds[commitment.source] ?? null) : null,
        position,
      })),
    });
  if (data.translations.length) await tx.translation.createMany({ data: data.translations.map((translation) => ({ agreementId, ...translation })) });
  if (data.citations.length)
    await tx.citation.createMany({
      data: data.citations.map((citation, position) => ({
        agreementId,
        sourceId: sourceIds[citation.source]!,
        field: citation.field,
        quote: citation.quote,
        start: citation.start ?? null,
        end: citation.end ?? null,
        position,
      })),
    });
  return sourceIds;
}

/** Recomputes the derived filter and search columns from the stored parts. */
export async function refreshAgreementIndex(tx: Tx, agreementId: string): Promise<void> {
  const parts = await tx.agreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: {
      venue: true,
      event: true,
      parties: {
        select: { side: true, countryCode: true, representativeName: true, organization: { select: { name: true, aliases: true, countryCode: true } } },
      },
      sectors: { select: { sectorSlug: true } },
      translations: { select: { title: true, summary: true } },
    },
  });
  await tx.agreement.update({
    where: { id: agreementId },
    data: deriveAgreementIndex({ ...parts, sectorSlugs: parts.sectors.map((sector) => sector.sectorSlug) }),
  });
}

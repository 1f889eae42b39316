import { newRowId, type RowsOf } from "../db/insert-rows";
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
  return (await indexedColumnsOfAll(tx, [data]))[0]!;
}

/** `indexedAgreementColumns` of many records, with one lookup of their organisations. */
export async function indexedColumnsOfAll(tx: Tx, records: TAgreementData[]) {
  const organizationIds = [...new Set(records.flatMap((data) => data.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : []))))];
  const organizations = organizationIds.length
    ? await tx.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true, aliases: true, countryCode: true } })
    : [];
  const organizationById = new Map(organizations.map((organization) => [organization.id, organization]));
  return records.map((data) => ({
    ...agreementColumns(data),
    ...deriveAgreementIndex({
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
    }),
  }));
}

/** A source's columns at its position among the record's sources. */
function sourceColumns({ id: _id, publishedOn, retrievedAt, ...source }: TAgreementData["sources"][number], position: number) {
  return {
    ...source,
    url: source.url ?? null,
    language: source.language ?? null,
    publishedOn: publishedOn.on,
    publishedPrecision: publishedOn.precision,
    retrievedAt: retrievedAt ? new Date(retrievedAt) : null,
    position,
  };
}

/**
 * Clears an existing agreement's parts for the input's, inside the saving transaction: returns
 * the ids its sources are to have, in input order. A source keeps its id when the input names
 * one of the record's, so status events and commitments keep citing it; the others go.
 */
export async function clearAgreementParts(tx: Tx, agreementId: string, data: TAgreementData): Promise<string[]> {
  const named = data.sources.flatMap((source) => (source.id ? [source.id] : []));
  // One round trip for the six; the citations of the sources that go are among the citations.
  const kept = await tx.$queryRaw<{ id: string }[]>`WITH sectors AS (DELETE FROM "AgreementSector" WHERE "agreementId" = ${agreementId}::uuid),
    parties AS (DELETE FROM "AgreementParty" WHERE "agreementId" = ${agreementId}::uuid),
    commitments AS (DELETE FROM "Commitment" WHERE "agreementId" = ${agreementId}::uuid),
    citations AS (DELETE FROM "Citation" WHERE "agreementId" = ${agreementId}::uuid),
    translations AS (DELETE FROM "Translation" WHERE "agreementId" = ${agreementId}::uuid),
    sources AS (DELETE FROM "Source" WHERE "agreementId" = ${agreementId}::uuid AND NOT ("id" = ANY(${named}::uuid[])))
    SELECT "id"::text FROM "Source" WHERE "agreementId" = ${agreementId}::uuid AND "id" = ANY(${named}::uuid[])`;
  const keptIds = new Set(kept.map((source) => source.id));
  return data.sources.map((source) => (source.id && keptIds.has(source.id) ? source.id : newRowId()));
}

/**
 * The rows of records' parts (sources, sectors, parties, commitments, translations, citations),
 * for `insertRows`; commitments and citations name their sources' ids.
 */
export function agreementPartRows(records: { agreementId: string; data: TAgreementData; sourceIds: string[] }[]) {
  return {
    Source: records.flatMap(({ agreementId, data, sourceIds }) =>
      data.sources.map((source, position) => ({ ...sourceColumns(source, position), id: sourceIds[position]!, agreementId })),
    ),
    AgreementSector: records.flatMap(({ agreementId, data }) => [...new Set(data.sectors)].map((sectorSlug) => ({ agreementId, sectorSlug }))),
    AgreementParty: records.flatMap(({ agreementId, data }) =>
      data.parties.map((party, position) => ({
        id: newRowId(),
        agreementId,
        organizationId: party.organizationId ?? null,
        countryCode: party.countryCode ?? null,
        side: party.side,
        role: party.role,
        representativeName: party.representativeName,
        representativeTitle: party.representativeTitle,
        position,
      })),
    ),
    Commitment: records.flatMap(({ agreementId, data, sourceIds }) =>
      data.commitments.map((commitment, position) => ({
        id: newRowId(),
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
    ),
    Translation: records.flatMap(({ agreementId, data }) => data.translations.map((translation) => ({ agreementId, ...translation }))),
    Citation: records.flatMap(({ agreementId, data, sourceIds }) =>
      data.citations.map((citation, position) => ({
        id: newRowId(),
        agreementId,
        sourceId: sourceIds[citation.source]!,
        field: citation.field,
        quote: citation.quote,
        start: citation.start ?? null,
        end: citation.end ?? null,
        position,
      })),
    ),
  } satisfies RowsOf;
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

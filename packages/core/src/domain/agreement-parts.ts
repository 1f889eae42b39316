import { insertRows, newRowId } from "../db/insert-rows";
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
 * Replaces an existing agreement's parts with the input's, inside the saving transaction
 * (which writes their derived columns with `indexedAgreementColumns`).
 * Sources are updated in place when the input names their id, so status events and
 * commitments keep citing them; returns the stored source ids in input order.
 */
export async function writeAgreementParts(tx: Tx, agreementId: string, data: TAgreementData): Promise<string[]> {
  const keptSourceIds = new Set(data.sources.flatMap((source) => (source.id ? [source.id] : [])));
  const storedIds = new Set<string>();
  // Only sources the input names by id may be kept: without any, none needs looking up.
  if (keptSourceIds.size) for (const source of await tx.source.findMany({ where: { agreementId }, select: { id: true } })) storedIds.add(source.id);
  await tx.source.deleteMany({ where: { agreementId, id: { notIn: [...keptSourceIds] } } });

  const sourceIds: string[] = [];
  for (const [position, source] of data.sources.entries()) {
    const fields = sourceColumns(source, position);
    const row =
      source.id && storedIds.has(source.id)
        ? await tx.source.update({ where: { id: source.id }, data: fields, select: { id: true } })
        : await tx.source.create({ data: { ...fields, agreementId }, select: { id: true } });
    sourceIds.push(row.id);
  }

  // One round trip for the five.
  await tx.$executeRaw`WITH sectors AS (DELETE FROM "AgreementSector" WHERE "agreementId" = ${agreementId}::uuid),
    parties AS (DELETE FROM "AgreementParty" WHERE "agreementId" = ${agreementId}::uuid),
    commitments AS (DELETE FROM "Commitment" WHERE "agreementId" = ${agreementId}::uuid),
    citations AS (DELETE FROM "Citation" WHERE "agreementId" = ${agreementId}::uuid)
    DELETE FROM "Translation" WHERE "agreementId" = ${agreementId}::uuid`;
  await createPartRows(tx, [partRows(agreementId, data, sourceIds)]);
  return sourceIds;
}

/** The parts of records just inserted, a statement per table for all of them; returns each record's source ids in input order. */
export async function insertAgreementParts(tx: Tx, records: { agreementId: string; data: TAgreementData }[]): Promise<string[][]> {
  const sourceIds = records.map(({ data }) => data.sources.map(() => newRowId()));
  await insertRows(
    tx,
    "Source",
    records.flatMap(({ agreementId, data }, i) => data.sources.map((source, position) => ({ ...sourceColumns(source, position), id: sourceIds[i]![position]!, agreementId }))),
  );
  await createPartRows(
    tx,
    records.map(({ agreementId, data }, i) => partRows(agreementId, data, sourceIds[i]!)),
  );
  return sourceIds;
}

/** A record's sectors, parties, commitments, translations and citations as rows; commitments and citations name their sources' ids. */
function partRows(agreementId: string, data: TAgreementData, sourceIds: string[]) {
  return {
    sectors: [...new Set(data.sectors)].map((sectorSlug) => ({ agreementId, sectorSlug })),
    parties: data.parties.map((party, position) => ({
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
    commitments: data.commitments.map((commitment, position) => ({
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
    translations: data.translations.map((translation) => ({ agreementId, ...translation })),
    citations: data.citations.map((citation, position) => ({
      id: newRowId(),
      agreementId,
      sourceId: sourceIds[citation.source]!,
      field: citation.field,
      quote: citation.quote,
      start: citation.start ?? null,
      end: citation.end ?? null,
      position,
    })),
  };
}

async function createPartRows(tx: Tx, records: ReturnType<typeof partRows>[]): Promise<void> {
  // Empty lists skip their round trip: imports create thousands of records.
  const tables = [
    ["AgreementSector", records.flatMap((record) => record.sectors)],
    ["AgreementParty", records.flatMap((record) => record.parties)],
    ["Commitment", records.flatMap((record) => record.commitments)],
    ["Translation", records.flatMap((record) => record.translations)],
    ["Citation", records.flatMap((record) => record.citations)],
  ] as const;
  for (const [table, rows] of tables) if (rows.length) await insertRows(tx, table, rows);
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

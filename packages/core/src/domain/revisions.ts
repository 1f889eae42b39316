import { insertRows, newRowId, type RowsOf } from "../db/insert-rows";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Everything an editor can change on an agreement: what a revision keeps. */
export const agreementSnapshotSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  kind: true,
  status: true,
  state: true,
  announcedOn: true,
  announcedPrecision: true,
  signedOn: true,
  signedPrecision: true,
  venue: true,
  event: true,
  amount: true,
  currency: true,
  confidence: true,
  version: true,
  publishedAt: true,
  deletedAt: true,
  parties: { orderBy: { position: "asc" }, omit: { agreementId: true } },
  sectors: { select: { sectorSlug: true } },
  commitments: { orderBy: { position: "asc" }, omit: { agreementId: true } },
  sources: { orderBy: { position: "asc" }, omit: { agreementId: true } },
  statusEvents: { orderBy: { createdAt: "asc" }, omit: { agreementId: true } },
  translations: { omit: { agreementId: true } },
  citations: { orderBy: { position: "asc" }, omit: { agreementId: true } },
} satisfies Prisma.AgreementSelect;

/** Writes the full snapshot of the agreement as it now stands, inside the saving transaction. */
export async function recordRevision(tx: Tx, revision: { agreementId: string; authorId: string | null; summary: string }): Promise<void> {
  await recordRevisions(tx, [revision.agreementId], revision);
}

/** `recordRevision` of many agreements saved alike, with one read and one write; `alsoInsert` goes in the same write. */
export async function recordRevisions(
  tx: Tx,
  agreementIds: string[],
  revision: { authorId: string | null; summary: string },
  alsoInsert: RowsOf = {},
): Promise<void> {
  const snapshots = await tx.agreement.findMany({ where: { id: { in: agreementIds } }, select: agreementSnapshotSelect });
  if (snapshots.length !== new Set(agreementIds).size) throw new Error("recordRevisions: an agreement to snapshot does not exist");
  await insertRows(tx, { ...alsoInsert, Revision: snapshots.map((snapshot) => revisionRow(snapshot, revision)) });
}

/** The revision row of a record as read with (at least) `agreementSnapshotSelect`. */
export function revisionRow(record: AgreementSnapshot, revision: { authorId: string | null; summary: string }) {
  const snapshot = Object.fromEntries(Object.keys(agreementSnapshotSelect).map((key) => [key, record[key as keyof AgreementSnapshot]]));
  return { id: newRowId(), agreementId: record.id, version: record.version, snapshot, authorId: revision.authorId, summary: revision.summary };
}

type AgreementSnapshot = Prisma.AgreementGetPayload<{ select: typeof agreementSnapshotSelect }>;

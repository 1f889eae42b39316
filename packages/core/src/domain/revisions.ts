import { insertRows, newRowId } from "../db/insert-rows";
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

/** `recordRevision` of many agreements saved alike, with one read and one write. */
export async function recordRevisions(tx: Tx, agreementIds: string[], revision: { authorId: string | null; summary: string }): Promise<void> {
  const snapshots = await tx.agreement.findMany({ where: { id: { in: agreementIds } }, select: agreementSnapshotSelect });
  if (snapshots.length !== new Set(agreementIds).size) throw new Error("recordRevisions: an agreement to snapshot does not exist");
  await insertRows(
    tx,
    "Revision",
    snapshots.map((snapshot) => ({ id: newRowId(), agreementId: snapshot.id, version: snapshot.version, snapshot, authorId: revision.authorId, summary: revision.summary })),
  );
}

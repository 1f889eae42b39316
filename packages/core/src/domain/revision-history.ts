import type { z } from "zod";
import type { Actor } from "./access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type TAgreementInput, ZAgreementIdInput, ZAgreementInput, ZRestoreRevisionInput, ZRevisionDiffInput } from "../validators/agreement-editing";
import { cutToPrecision } from "../validators/partial-date";
import { actorLabels } from "./actor-labels";
import { assertKnownReferences, getAgreementForEditing, loadLiveAgreement, saveAgreementVersion } from "./agreement-editing";
import { NotFoundError } from "./errors";
import { withMergedOrganizations } from "./organizations";
import { assertMayRead } from "./record-access";
import { agreementSnapshotSelect } from "./revisions";

export async function listRevisions(db: Db, actor: Actor, rawInput: z.input<typeof ZAgreementIdInput>) {
  const { id } = ZAgreementIdInput.parse(rawInput);
  await assertMayRead(db, actor, id);
  const revisions = await db.revision.findMany({
    where: { agreementId: id },
    orderBy: { version: "desc" },
    select: { version: true, summary: true, authorId: true, createdAt: true },
  });
  const labels = await actorLabels(
    db,
    revisions.map((r) => r.authorId),
    actor,
  );
  return revisions.map((revision) => ({ ...revision, author: revision.authorId ? (labels.get(revision.authorId) ?? revision.authorId) : "system" }));
}

type Snapshot = Record<string, unknown>;

async function loadSnapshot(db: Db, id: string, version: number): Promise<Snapshot> {
  const revision = await db.revision.findUnique({ where: { agreementId_version: { agreementId: id, version } }, select: { snapshot: true } });
  if (!revision) throw new NotFoundError(`Record ${id} has no version ${version}`);
  return revision.snapshot as Snapshot;
}

const IGNORED_IN_DIFF = new Set(["id", "version", "agreementId", "position", "createdAt", "sourceId"]);

/** A snapshot value without storage details (ids, positions), so re-saved parts compare equal. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !IGNORED_IN_DIFF.has(key))
        .map(([key, inner]) => [key, comparable(inner)]),
    );
  }
  return value;
}

/** Field-level differences between two saved versions of a record. */
export async function diffRevisions(db: Db, actor: Actor, rawInput: z.input<typeof ZRevisionDiffInput>) {
  const input = ZRevisionDiffInput.parse(rawInput);
  await assertMayRead(db, actor, input.id);
  const [before, after] = await Promise.all([loadSnapshot(db, input.id, input.from), loadSnapshot(db, input.id, input.to)]);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !IGNORED_IN_DIFF.has(field));
  const changes = fields.flatMap((field) => {
    const was = comparable(before[field] ?? null);
    const now = comparable(after[field] ?? null);
    return JSON.stringify(was) === JSON.stringify(now) ? [] : [{ field, before: was, after: now }];
  });
  return { id: input.id, from: input.from, to: input.to, changes };
}

/** A snapshot's "2025-10-01T00:00:00.000Z" at MONTH precision -> "2025-10"; unknown -> null. */
function partialDate(value: unknown, precision: unknown): string | null {
  return typeof value === "string" ? cutToPrecision(value, String(precision)) : null;
}

type SnapshotRow = Record<string, unknown>;
const rows = (value: unknown) => (Array.isArray(value) ? (value as SnapshotRow[]) : []);
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The editable content of a snapshot, as the editor input it was saved from. */
export function snapshotToInput(snapshot: Snapshot): TAgreementInput {
  const sources = rows(snapshot.sources);
  const sourceIndex = (sourceId: unknown) => {
    const index = sources.findIndex((source) => source.id === sourceId);
    return index === -1 ? null : index;
  };
  return {
    title: String(snapshot.title),
    summary: String(snapshot.summary ?? ""),
    kind: snapshot.kind as TAgreementInput["kind"],
    status: snapshot.status as TAgreementInput["status"],
    confidence: snapshot.confidence as TAgreementInput["confidence"],
    announcedOn: partialDate(snapshot.announcedOn, snapshot.announcedPrecision),
    signedOn: partialDate(snapshot.signedOn, snapshot.signedPrecision),
    venue: (snapshot.venue as string | null) ?? null,
    event: (snapshot.event as string | null) ?? null,
    amount: num(snapshot.amount),
    currency: (snapshot.currency as string | null) ?? null,
    sectors: rows(snapshot.sectors).map((sector) => String(sector.sectorSlug)),
    parties: rows(snapshot.parties).map((party) => ({
      organizationId: (party.organizationId as string | null) ?? null,
      countryCode: (party.countryCode as string | null) ?? null,
      side: party.side as "AFRICA" | "PARTNER",
      role: party.role as "SIGNATORY",
      representativeName: (party.representativeName as string | null) ?? null,
      representativeTitle: (party.representativeTitle as string | null) ?? null,
    })),
    sources: sources.map((source) => ({
      id: source.id as string,
      url: (source.url as string | null) ?? null,
      publisher: (source.publisher as string | null) ?? null,
      author: (source.author as string | null) ?? null,
      title: (source.title as string | null) ?? null,
      publishedOn: partialDate(source.publishedOn, source.publishedPrecision),
      language: (source.language as string | null) ?? null,
      retrievedAt: (source.retrievedAt as string | null) ?? null,
      excerpt: (source.excerpt as string | null) ?? null,
      text: (source.text as string | null) ?? null,
    })),
    commitments: rows(snapshot.commitments).map((commitment) => ({
      description: String(commitment.description),
      quantity: num(commitment.quantity),
      unit: (commitment.unit as string | null) ?? null,
      deadline: partialDate(commitment.deadline, commitment.deadlinePrecision),
      delivered: num(commitment.delivered),
      deliveredNote: (commitment.deliveredNote as string | null) ?? null,
      source: sourceIndex(commitment.sourceId),
    })),
    translations: rows(snapshot.translations).map((translation) => ({
      locale: translation.locale as "FR",
      title: String(translation.title),
      summary: String(translation.summary ?? ""),
      venue: (translation.venue as string | null) ?? null,
      event: (translation.event as string | null) ?? null,
      commitments: Array.isArray(translation.commitments) ? translation.commitments.map(String) : [],
      statusNotes: (translation.statusNotes as Record<string, string> | null) ?? {},
    })),
    // Citations of a source the snapshot no longer has cannot be restored.
    citations: rows(snapshot.citations).flatMap((citation) => {
      const source = sourceIndex(citation.sourceId);
      return source === null
        ? []
        : [{ field: String(citation.field), source, quote: String(citation.quote), start: num(citation.start), end: num(citation.end) }];
    }),
  };
}

/** The record's content as it stands, in the editor's input shape (stored sources keep their ids). */
export async function currentRecordInput(db: Db | Prisma.TransactionClient, id: string): Promise<TAgreementInput> {
  const snapshot = await db.agreement.findUniqueOrThrow({ where: { id }, select: agreementSnapshotSelect });
  return snapshotToInput(JSON.parse(JSON.stringify(snapshot)) as Snapshot);
}

/**
 * Brings back an old version's content as a new version: history is never rewritten. The
 * editorial state and the status timeline stay as they are. Organisations merged away since
 * are replaced by the one they were merged into; anything else that no longer exists is
 * refused, naming it.
 */
export async function restoreRevision(db: Db, actor: Actor, rawInput: z.input<typeof ZRestoreRevisionInput>) {
  const input = ZRestoreRevisionInput.parse(rawInput);
  const snapshot = await loadSnapshot(db, input.id, input.version);
  const current = await loadLiveAgreement(db, input.id);
  const restored = snapshotToInput(snapshot);
  const data = ZAgreementInput.parse({ ...restored, parties: await withMergedOrganizations(db, restored.parties ?? []), status: current.status });
  await assertKnownReferences(db, data, ["version"]);
  await db.$transaction((tx) =>
    saveAgreementVersion(tx, actor, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      data,
      previous: current,
      summary: `Restored version ${input.version}`,
      action: "agreement.restoreRevision",
      details: { restoredVersion: input.version },
    }),
  );
  return getAgreementForEditing(db, actor, { id: input.id });
}

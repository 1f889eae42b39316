import type { z } from "zod";
import { type Actor, type Writer, actorId, auditActor } from "./access";
import type { Db } from "../db/client";
import { retryOnUniqueViolation } from "../db/errors";
import { insertRows, newRowId } from "../db/insert-rows";
import type { Prisma } from "../generated/prisma/client";
import {
  type TAgreementData,
  type ZAgreementCreateInput,
  type ZDuplicateCheckInput,
  ZAgreementIdInput,
  ZAgreementUpdateInput,
} from "../validators/agreement-editing";
import { actorLabel, actorLabels } from "./actor-labels";
import { agreementPartRows, clearAgreementParts, indexedAgreementColumns, indexedColumnsOfAll } from "./agreement-parts";
import { writeAudit } from "./audit";
import { findLikelyDuplicates, type DuplicateCandidate } from "./duplicates";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { assertMayEdit, assertMayReadRecord, mayRead } from "./record-access";
import { enqueueRecordEvent } from "./webhook-outbox";
import { agreementSnapshotSelect, recordRevision, recordRevisions, revisionRow } from "./revisions";
import { assertSlugFree, changeAgreementSlug } from "./slug-redirects";
import { slugify } from "./slugs";
import { syncPublicFacetCounts } from "./public-facet-counts";
import { knownTaxonomyKeys } from "./taxonomy";

type Tx = Prisma.TransactionClient;

/** What the editor reads of a record: every part, the version, who made and last saved it, the review. */
const editorCopySelect = {
  ...agreementSnapshotSelect,
  createdAt: true,
  updatedAt: true,
  createdById: true,
  updatedById: true,
  editedById: true,
  externalId: true,
  proposedChange: { select: { proposedAt: true } },
  comments: { orderBy: { createdAt: "asc" }, select: { id: true, action: true, body: true, authorId: true, authorLabel: true, createdAt: true } },
} satisfies Prisma.AgreementSelect;

type EditorCopy = Prisma.AgreementGetPayload<{ select: typeof editorCopySelect }>;

/** What the editor sees and edits: every part, the version, who made and last saved it. */
export async function getAgreementForEditing(db: Db | Tx, actor: Actor, rawInput: z.input<typeof ZAgreementIdInput>) {
  const { id } = ZAgreementIdInput.parse(rawInput);
  return presentEditorCopy(db, actor, id, await db.agreement.findUnique({ where: { id }, select: editorCopySelect }));
}

/** The record as `getAgreementForEditing` gives it, from what was read of it. */
async function presentEditorCopy(db: Db | Tx, actor: Actor, id: string, found: EditorCopy | null) {
  const record = assertMayReadRecord(actor, id, found);
  const organizationIds = record.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : []));
  const [labels, organizations] = await Promise.all([
    actorLabels(db, [record.createdById, record.updatedById, ...record.comments.map((comment) => comment.authorId)], actor),
    organizationIds.length ? db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } }) : [],
  ]);
  return {
    ...record,
    // The stored label is the reviewer's email, which only colleagues may read.
    comments: record.comments.map(({ authorId, ...comment }) => ({
      ...comment,
      authorLabel: actor.kind === "user" ? comment.authorLabel : (labels.get(authorId) ?? "a reviewer"),
    })),
    /** Names of the parties' organisations, so an editor sees who they are. */
    organizationNames: Object.fromEntries(organizations.map((organization) => [organization.id, organization.name])),
    amount: record.amount?.toString() ?? null,
    commitments: record.commitments.map((c) => ({ ...c, quantity: c.quantity?.toNumber() ?? null, delivered: c.delivered?.toNumber() ?? null })),
    createdBy: record.createdById ? (labels.get(record.createdById) ?? record.createdById) : null,
    updatedBy: record.updatedById ? (labels.get(record.updatedById) ?? record.updatedById) : null,
  };
}

/** Refuses references to sectors, countries and organisations that do not exist, naming the field. */
export async function assertKnownReferences(db: Db | Tx, data: TAgreementData, prefix: string[], options = { organizations: true }): Promise<void> {
  const organizationIds = options.organizations ? data.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])) : [];
  const { countries, sectors } = await knownTaxonomyKeys(db);
  const organizations = organizationIds.length ? await db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true } }) : [];
  const known = { sectors, countries, organizations: new Set(organizations.map((o) => o.id)) };
  data.sectors.forEach((slug, index) => {
    if (!known.sectors.has(slug)) throw new InvalidInputError([...prefix, "sectors", index], `unknown sector "${slug}"`);
  });
  data.parties.forEach((party, index) => {
    if (party.countryCode && !known.countries.has(party.countryCode)) {
      throw new InvalidInputError([...prefix, "parties", index, "countryCode"], `unknown country code "${party.countryCode}"`);
    }
    if (options.organizations && party.organizationId && !known.organizations.has(party.organizationId)) {
      throw new InvalidInputError([...prefix, "parties", index, "organizationId"], "unknown organisation");
    }
  });
}

/**
 * Records of one title saved at once take turns (the lock lasts until commit), so they never
 * choose the same slug; any other clash on a unique key is retried by the caller.
 */
export async function takeTurnsWithTitle(tx: Tx, title: string): Promise<void> {
  await takeTurnsWithTitles(tx, [title]);
}

/** `takeTurnsWithTitle` for many titles at once, locked in one order so that two writers never deadlock. */
export async function takeTurnsWithTitles(tx: Tx, titles: string[]): Promise<void> {
  const keys = [...new Set(titles.map((title) => `agreement-slug:${slugify(title)}`))];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(lock) FROM (SELECT DISTINCT hashtext(key) AS lock FROM unnest(${keys}::text[]) key ORDER BY 1) locks`;
}

/** Free slugs for new records, in order: a title's own slug when free, else the first free numbered one. */
async function newRecordSlugs(tx: Tx, records: TAgreementData[]): Promise<string[]> {
  // Advisory locks are re-entrant: a caller that took them already (an import's chunk) loses nothing.
  await takeTurnsWithTitles(
    tx,
    records.map((data) => data.title),
  );
  for (const data of records) if (data.slug) await assertSlugFree(tx, data.slug, null);
  const bases = records.map((data) => data.slug ?? slugify(data.title));
  const taken = await takenSlugs(tx, bases);
  const chosen: string[] = [];
  for (const [i, data] of records.entries()) {
    const base = bases[i]!;
    chosen.push(data.slug ?? (taken.has(base) || chosen.includes(base) ? await numberedSlug(tx, base, chosen) : base));
  }
  return chosen;
}

/** The first free `<base>-<n>`, n from 2, that `alsoTaken` does not hold either. */
async function numberedSlug(tx: Tx, base: string, alsoTaken: string[]): Promise<string> {
  // Exact lookups of a batch of candidates use the unique index; a prefix search would not.
  for (let first = 2; ; first += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => `${base}-${first + i}`);
    const taken = await takenSlugs(tx, candidates);
    const free = candidates.find((slug) => !taken.has(slug) && !alsoTaken.includes(slug));
    if (free) return free;
  }
}

/** Which of these slugs records use, or used: a former address of another record still leads there. */
export async function takenSlugs(tx: Tx, slugs: string[]): Promise<Set<string>> {
  const [records, redirects] = await Promise.all([
    tx.agreement.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }),
  ]);
  return new Set([...records, ...redirects].map((row) => row.slug));
}

/** The timeline entry for the record's current status, citing its source. */
function statusEventRow(agreementId: string, data: TAgreementData, sourceIds: string[]) {
  const change = data.statusChange;
  // Without an explicit date, the record's own best-known date stands in.
  const occurred = change?.occurredOn ?? (data.signedOn.on ? data.signedOn : data.announcedOn);
  return {
    id: newRowId(),
    agreementId,
    status: data.status,
    occurredOn: occurred.on,
    precision: occurred.precision,
    note: change?.note ?? null,
    sourceId: change ? (sourceIds[change.source] ?? null) : (sourceIds[0] ?? null),
  };
}

/** Takes parsed input (`ZAgreementCreateInput`), since its dates are already read into periods. */
export async function createAgreement(db: Db, actor: Actor, input: z.output<typeof ZAgreementCreateInput>) {
  const { data } = input;
  await assertKnownReferences(db, data, ["data"]);
  if (!input.confirmNotDuplicate) {
    const strong = (await findLikelyDuplicates(db, duplicateProbe(data))).filter((candidate) => candidate.strong);
    if (strong.length) {
      const { visible, hidden } = duplicatesVisibleTo(actor, strong);
      throw new ConflictError(
        `This looks like a record that already exists${hidden ? ` (${hidden} of them unpublished work you cannot open)` : ""}; check the matches, then confirm to create it anyway.`,
        { duplicates: visible, hiddenDuplicates: hidden },
      );
    }
  }
  const id = await retryOnUniqueViolation(() => db.$transaction((tx) => insertDraftAgreement(tx, actor, data)));
  return getAgreementForEditing(db, actor, { id });
}

/** `agreement.duplicates`: likely duplicates among the records the caller may open. */
export async function findDuplicatesFor(db: Db, actor: Actor, rawInput: z.input<typeof ZDuplicateCheckInput>) {
  return duplicatesVisibleTo(actor, await findLikelyDuplicates(db, rawInput)).visible;
}

/** The candidates the caller may open, without their author; the others only counted. */
export function duplicatesVisibleTo(actor: Actor, candidates: DuplicateCandidate[]) {
  // The search leaves deleted records out.
  const visible = candidates.filter((candidate) => mayRead(actor, { ...candidate, deletedAt: null }));
  return { visible: visible.map(({ createdById: _author, ...candidate }) => candidate), hidden: candidates.length - visible.length };
}

/** Inside the caller's transaction: the draft, its parts, its first timeline entry, revision 1 and the audit row. */
export async function insertDraftAgreement(tx: Tx, actor: Writer, data: TAgreementData, extra: { importedRow?: Prisma.InputJsonValue } = {}): Promise<string> {
  const [id] = await insertDraftAgreements(tx, actor, [{ data, ...extra }]);
  return id!;
}

/** A draft to insert; an imported one carries its import row. */
export interface NewDraft {
  data: TAgreementData;
  importedRow?: Prisma.InputJsonValue;
}

/** `insertDraftAgreement` of many drafts, a statement per table for all of them (an import's chunk); their ids in order. */
export async function insertDraftAgreements(tx: Tx, actor: Writer, drafts: NewDraft[]): Promise<string[]> {
  const by = actorId(actor);
  const records = drafts.map((draft) => draft.data);
  const slugs = await newRecordSlugs(tx, records);
  const columns = await indexedColumnsOfAll(tx, records);
  const ids = drafts.map(() => newRowId());
  const sourceIds = records.map((data) => data.sources.map(() => newRowId()));
  const now = new Date();
  await insertRows(tx, {
    Agreement: drafts.map((draft, i) => ({
      ...columns[i]!,
      importedRow: draft.importedRow,
      id: ids[i]!,
      slug: slugs[i]!,
      state: "DRAFT" as const,
      createdById: by,
      updatedById: by,
      editedById: by,
      updatedAt: now,
    })),
    ...agreementPartRows(ids.map((agreementId, i) => ({ agreementId, data: records[i]!, sourceIds: sourceIds[i]! }))),
    StatusEvent: ids.map((id, i) => statusEventRow(id, records[i]!, sourceIds[i]!)),
  });
  const audits = drafts.map((draft, i) => ({
    ...auditActor(actor),
    action: draft.importedRow !== undefined ? "agreement.import.create" : "agreement.create",
    entityType: "Agreement",
    entityId: ids[i]!,
  }));
  await recordRevisions(tx, ids, { authorId: by, summary: "Created" }, { AuditLog: audits });
  return ids;
}

export function duplicateProbe(data: TAgreementData, excludeId?: string) {
  return {
    title: data.title,
    organizationIds: data.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])),
    countries: data.parties.flatMap((party) => (party.countryCode ? [party.countryCode] : [])),
    date: (data.signedOn.on ?? data.announcedOn.on)?.toISOString().slice(0, 10) ?? null,
    excludeId,
  };
}

/** The error for a stale `expectedVersion`: who saved the version the caller has not seen (by name only, to an API token). */
export async function versionConflict(tx: Db | Tx, actor: Writer, id: string): Promise<ConflictError> {
  const current = await tx.agreement.findUniqueOrThrow({ where: { id }, select: { version: true, updatedById: true, updatedAt: true } });
  const savedBy = await actorLabel(tx, current.updatedById, actor, "someone");
  return new ConflictError(
    `${savedBy} saved this record (version ${current.version}) after you opened it; nothing was changed. Reload to see their version and reapply your changes.`,
    { currentVersion: current.version, savedBy, savedAt: current.updatedAt.toISOString() },
  );
}

/**
 * Takes the record from `expectedVersion` to the next version, or throws a
 * conflict and changes nothing. The conditional UPDATE makes two concurrent
 * saves of one version serialise on the row: exactly one wins.
 */
export async function claimNextVersion(tx: Tx, actor: Writer, id: string, expectedVersion: number, data: Prisma.AgreementUpdateManyMutationInput = {}) {
  const { count } = await tx.agreement.updateMany({
    where: { id, version: expectedVersion, deletedAt: null },
    data: { ...data, version: { increment: 1 }, updatedById: actorId(actor) },
  });
  if (count === 0) throw await versionConflict(tx, actor, id);
}

export async function loadLiveAgreement(tx: Db | Tx, id: string) {
  const current = await tx.agreement.findUnique({
    where: { id },
    select: { state: true, status: true, deletedAt: true, version: true, createdById: true, editedById: true },
  });
  if (!current || current.deletedAt) throw new NotFoundError(`No record has the id ${id}`);
  return current;
}

/** Takes parsed input (`ZAgreementUpdateInput`), since its dates are already read into periods. */
export async function updateAgreement(db: Db, actor: Actor, input: z.output<typeof ZAgreementUpdateInput>) {
  const { id, expectedVersion, data } = input;
  await assertKnownReferences(db, data, ["data"]);
  const saved = await db.$transaction(async (tx) => {
    const current = await loadLiveAgreement(tx, id);
    assertMayEdit(actor, current);
    return saveAgreementVersion(tx, actor, { id, expectedVersion, data, previous: current, summary: "Edited", action: "agreement.update" });
  });
  return presentEditorCopy(db, actor, id, saved);
}

/**
 * Inside the caller's transaction: `data` becomes the record's next version, with its parts,
 * a timeline entry when the status changed, a revision and an audit row. The editorial state
 * stays as it is. Returns the record as saved, read once for its revision and its editor.
 */
export async function saveAgreementVersion(
  tx: Tx,
  actor: Writer,
  version: {
    id: string;
    expectedVersion: number;
    data: TAgreementData;
    /** The record as it was: its status decides the timeline entry, its state whether readers are told. */
    previous: { state: string; status: TAgreementData["status"] };
    summary: string;
    action: string;
    columns?: Prisma.AgreementUpdateManyMutationInput;
    details?: Record<string, Prisma.InputJsonValue>;
  },
): Promise<EditorCopy> {
  const { id, expectedVersion, data } = version;
  const statusChanged = version.previous.status !== data.status;
  if (statusChanged && !data.statusChange) {
    throw new InvalidInputError(["data", "statusChange"], `is required when the status changes to ${data.status}: when it happened and which source says so`);
  }
  await claimNextVersion(tx, actor, id, expectedVersion, { ...(await indexedAgreementColumns(tx, data)), ...version.columns, editedById: actorId(actor) });
  if (data.slug) await changeAgreementSlug(tx, id, data.slug);
  const sourceIds = await clearAgreementParts(tx, id, data);
  await insertRows(
    tx,
    { ...agreementPartRows([{ agreementId: id, data, sourceIds }]), StatusEvent: statusChanged ? [statusEventRow(id, data, sourceIds)] : [] },
    { replacingById: ["Source"] },
  );
  const saved = await tx.agreement.findUniqueOrThrow({ where: { id }, select: editorCopySelect });
  const authorId = actorId(actor);
  await insertRows(tx, {
    Revision: [revisionRow(saved, { authorId, summary: statusChanged ? `${version.summary}; status now ${data.status}` : version.summary })],
    AuditLog: [
      { ...auditActor(actor), action: version.action, entityType: "Agreement", entityId: id, details: { version: expectedVersion + 1, ...version.details } },
    ],
  });
  if (version.previous.state === "PUBLISHED") await enqueueRecordEvent(tx, "record.updated", id);
  // The state stays as it is: a record readers cannot see adds nothing to the public counts, before or after.
  if (version.previous.state === "PUBLISHED") await syncPublicFacetCounts(tx, [id]);
  return saved;
}

const ZVersionedId = ZAgreementUpdateInput.pick({ id: true, expectedVersion: true });

/** Soft delete: the record leaves every public endpoint and shows in `agreement.changes` as deleted. */
export async function deleteAgreement(db: Db, actor: Actor, rawInput: z.input<typeof ZVersionedId>) {
  const { id, expectedVersion } = ZVersionedId.parse(rawInput);
  await db.$transaction(async (tx) => {
    const current = await loadLiveAgreement(tx, id);
    await claimNextVersion(tx, actor, id, expectedVersion, { deletedAt: new Date() });
    if (current.state === "PUBLISHED") await enqueueRecordEvent(tx, "record.deleted", id);
    await recordRevision(tx, { agreementId: id, authorId: actorId(actor), summary: "Deleted" });
    await writeAudit(tx, { ...auditActor(actor), action: "agreement.delete", entityType: "Agreement", entityId: id });
    await syncPublicFacetCounts(tx, [id]);
  });
  return { id, deleted: true as const };
}

export async function restoreDeletedAgreement(db: Db, actor: Actor, rawInput: z.input<typeof ZAgreementIdInput>) {
  const { id } = ZAgreementIdInput.parse(rawInput);
  await db.$transaction(async (tx) => {
    const current = await tx.agreement.findUnique({ where: { id }, select: { deletedAt: true, state: true } });
    if (!current) throw new NotFoundError(`No record has the id ${id}`);
    if (!current.deletedAt) throw new ConflictError("This record is not deleted");
    await tx.agreement.update({ where: { id }, data: { deletedAt: null, version: { increment: 1 }, updatedById: actorId(actor) } });
    if (current.state === "PUBLISHED") await enqueueRecordEvent(tx, "record.published", id);
    await recordRevision(tx, { agreementId: id, authorId: actorId(actor), summary: "Restored after deletion" });
    await writeAudit(tx, { ...auditActor(actor), action: "agreement.restore", entityType: "Agreement", entityId: id });
    await syncPublicFacetCounts(tx, [id]);
  });
  return getAgreementForEditing(db, actor, { id });
}

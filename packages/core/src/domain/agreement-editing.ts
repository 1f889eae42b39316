import type { z } from "zod";
import { type Actor, actorId, auditActor } from "../auth/access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import {
  type TAgreementData,
  type ZAgreementCreateInput,
  ZAgreementIdInput,
  ZAgreementUpdateInput,
} from "../validators/editorial";
import { actorLabels, isEditorOrAbove } from "./actors";
import { agreementColumns, writeAgreementParts } from "./agreement-parts";
import { writeAudit } from "./audit";
import { enqueueRecordEvent } from "./webhook-outbox";
import { findLikelyDuplicates } from "./duplicates";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "./errors";
import { agreementSnapshotSelect, recordRevision } from "./revisions";
import { slugify } from "./slugs";
import { knownTaxonomyKeys } from "./taxonomy";

type Tx = Prisma.TransactionClient;

/** What the editor sees and edits: every part, the version, who made and last saved it. */
export async function getAgreementForEditing(db: Db | Tx, rawInput: z.input<typeof ZAgreementIdInput>) {
  const { id } = ZAgreementIdInput.parse(rawInput);
  const record = await db.agreement.findUnique({
    where: { id },
    select: {
      ...agreementSnapshotSelect,
      createdAt: true,
      updatedAt: true,
      createdById: true,
      updatedById: true,
      externalId: true,
      comments: { orderBy: { createdAt: "asc" }, select: { id: true, action: true, body: true, authorLabel: true, createdAt: true } },
    },
  });
  if (!record) throw new NotFoundError(`No record has the id ${id}`);
  const organizationIds = record.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : []));
  const [labels, organizations] = await Promise.all([
    actorLabels(db, [record.createdById, record.updatedById]),
    db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } }),
  ]);
  return {
    ...record,
    /** Names of the parties' organisations, so an editor sees who they are. */
    organizationNames: Object.fromEntries(organizations.map((organization) => [organization.id, organization.name])),
    amount: record.amount?.toString() ?? null,
    commitments: record.commitments.map((c) => ({ ...c, quantity: c.quantity?.toNumber() ?? null, delivered: c.delivered?.toNumber() ?? null })),
    createdBy: record.createdById ? (labels.get(record.createdById) ?? record.createdById) : null,
    updatedBy: record.updatedById ? (labels.get(record.updatedById) ?? record.updatedById) : null,
  };
}

/** Refuses references to sectors, countries and organisations that do not exist, naming the field. */
export async function assertKnownReferences(db: Db, data: TAgreementData, prefix: string[], options = { organizations: true }): Promise<void> {
  const organizationIds = options.organizations ? data.parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])) : [];
  const { countries, sectors } = await knownTaxonomyKeys(db);
  const organizations = organizationIds.length
    ? await db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true } })
    : [];
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

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  // Exact lookups of a batch of candidates use the unique index; a prefix search would not.
  for (let first = 1; ; first += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => (first + i === 1 ? base : `${base}-${first + i}`));
    const taken = new Set((await tx.agreement.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((row) => row.slug));
    const free = candidates.find((slug) => !taken.has(slug));
    if (free) return free;
  }
}

/** Appends the timeline entry for the record's current status, citing its source. */
async function appendStatusEvent(tx: Tx, agreementId: string, data: TAgreementData, sourceIds: string[]): Promise<void> {
  const change = data.statusChange;
  // Without an explicit date, the record's own best-known date stands in.
  const occurred = change?.occurredOn ?? (data.signedOn.on ? data.signedOn : data.announcedOn);
  await tx.statusEvent.create({
    data: {
      agreementId,
      status: data.status,
      occurredOn: occurred.on,
      precision: occurred.precision,
      note: change?.note ?? null,
      sourceId: change ? (sourceIds[change.source] ?? null) : (sourceIds[0] ?? null),
    },
  });
}

/** Takes parsed input (`ZAgreementCreateInput`), since its dates are already read into periods. */
export async function createAgreement(db: Db, actor: Actor, input: z.output<typeof ZAgreementCreateInput>) {
  const { data } = input;
  await assertKnownReferences(db, data, ["data"]);
  if (!input.confirmNotDuplicate) {
    const strong = (await findLikelyDuplicates(db, duplicateProbe(data))).filter((candidate) => candidate.strong);
    if (strong.length) {
      throw new ConflictError("This looks like a record that already exists; check the matches, then confirm to create it anyway.", { duplicates: strong });
    }
  }
  const id = await insertDraftAgreement(db, actor, data);
  return getAgreementForEditing(db, { id });
}

/** One transaction: the draft, its parts, its first timeline entry, revision 1 and the audit row. */
export function insertDraftAgreement(db: Db, actor: Actor, data: TAgreementData, extra: { importFingerprint?: string } = {}): Promise<string> {
  const by = actorId(actor);
  return db.$transaction(async (tx) => {
    const agreement = await tx.agreement.create({
      data: { ...agreementColumns(data), ...extra, slug: await uniqueSlug(tx, data.title), state: "DRAFT", createdById: by, updatedById: by },
      select: { id: true },
    });
    const sourceIds = await writeAgreementParts(tx, agreement.id, data, { isNew: true });
    await appendStatusEvent(tx, agreement.id, data, sourceIds);
    await recordRevision(tx, { agreementId: agreement.id, authorId: by, summary: "Created" });
    await writeAudit(tx, { ...auditActor(actor), action: "agreement.create", entityType: "Agreement", entityId: agreement.id });
    return agreement.id;
  });
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

/** The error for a stale `expectedVersion`: who saved the version the caller has not seen. */
export async function versionConflict(tx: Db | Tx, id: string): Promise<ConflictError> {
  const current = await tx.agreement.findUniqueOrThrow({ where: { id }, select: { version: true, updatedById: true, updatedAt: true } });
  const savedBy = current.updatedById ? ((await actorLabels(tx, [current.updatedById])).get(current.updatedById) ?? current.updatedById) : "someone";
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
export async function claimNextVersion(tx: Tx, actor: Actor, id: string, expectedVersion: number, data: Prisma.AgreementUpdateManyMutationInput = {}) {
  const { count } = await tx.agreement.updateMany({
    where: { id, version: expectedVersion, deletedAt: null },
    data: { ...data, version: { increment: 1 }, updatedById: actorId(actor) },
  });
  if (count === 0) throw await versionConflict(tx, id);
}

export async function loadLiveAgreement(tx: Db | Tx, id: string) {
  const current = await tx.agreement.findUnique({ where: { id }, select: { state: true, status: true, deletedAt: true, version: true } });
  if (!current || current.deletedAt) throw new NotFoundError(`No record has the id ${id}`);
  return current;
}

/** Takes parsed input (`ZAgreementUpdateInput`), since its dates are already read into periods. */
export async function updateAgreement(db: Db, actor: Actor, input: z.output<typeof ZAgreementUpdateInput>) {
  const { id, expectedVersion, data } = input;
  await assertKnownReferences(db, data, ["data"]);
  await db.$transaction(async (tx) => {
    const current = await loadLiveAgreement(tx, id);
    if (current.state !== "DRAFT" && !isEditorOrAbove(actor)) {
      throw new ForbiddenError(`Only editors may change a record in ${current.state}; ask an editor, or have it sent back to draft`);
    }
    const statusChanged = current.status !== data.status;
    if (statusChanged && !data.statusChange) {
      throw new InvalidInputError(["data", "statusChange"], `is required when the status changes to ${data.status}: when it happened and which source says so`);
    }
    await claimNextVersion(tx, actor, id, expectedVersion, agreementColumns(data));
    const sourceIds = await writeAgreementParts(tx, id, data);
    if (statusChanged) await appendStatusEvent(tx, id, data, sourceIds);
    await recordRevision(tx, { agreementId: id, authorId: actorId(actor), summary: statusChanged ? `Edited; status now ${data.status}` : "Edited" });
    if (current.state === "PUBLISHED") await enqueueRecordEvent(tx, "record.updated", id);
    await writeAudit(tx, { ...auditActor(actor), action: "agreement.update", entityType: "Agreement", entityId: id, details: { version: expectedVersion + 1 } });
  });
  return getAgreementForEditing(db, { id });
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
  });
  return getAgreementForEditing(db, { id });
}

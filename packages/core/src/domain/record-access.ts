// Drafts have owners: contributors and API tokens that write records read, edit and submit
// only the records they created (and read anyone's published ones); editors and admins, and
// tokens granted `records:read-drafts` for reading, see every record.
import { type Actor, actorId } from "./access";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { EditorialState } from "../generated/prisma/enums";
import { isEditorOrAbove } from "./actor-labels";
import { ForbiddenError, NotFoundError } from "./errors";

type Tx = Prisma.TransactionClient;

/** What access rules need to know of a record. */
export interface RecordOwnership {
  state: EditorialState;
  createdById: string | null;
  deletedAt: Date | null;
}

/** Editors, admins and tokens with `records:read-drafts` read every record. */
export function readsEveryRecord(actor: Actor): boolean {
  return isEditorOrAbove(actor) || (actor.kind === "token" && actor.scopes.includes("records:read-drafts"));
}

export function createdBy(actor: Actor, record: { createdById: string | null }): boolean {
  const id = actorId(actor);
  return id !== null && record.createdById === id;
}

export function mayRead(actor: Actor, record: RecordOwnership): boolean {
  return readsEveryRecord(actor) || createdBy(actor, record) || (record.state === "PUBLISHED" && !record.deletedAt);
}

/** Loads what the rules need, or NOT_FOUND; FORBIDDEN when the caller may not read the record. */
export async function assertMayRead(db: Db | Tx, actor: Actor, id: string): Promise<RecordOwnership> {
  return assertMayReadRecord(actor, id, await db.agreement.findUnique({ where: { id }, select: { state: true, createdById: true, deletedAt: true } }));
}

/** The record `id` as loaded by the caller, or NOT_FOUND; FORBIDDEN when the caller may not read it. */
export function assertMayReadRecord<T extends RecordOwnership>(actor: Actor, id: string, record: T | null): T {
  if (!record) throw new NotFoundError(`No record has the id ${id}`);
  if (!mayRead(actor, record)) throw new ForbiddenError("This record is someone else's unpublished work; only its author and editors may read it");
  return record;
}

/**
 * Editors change any record. Contributors and tokens change only drafts they created: checked
 * before anything else, so a refusal tells nothing of the record's version or who saved it.
 */
export function assertMayEdit(actor: Actor, record: RecordOwnership): void {
  if (isEditorOrAbove(actor)) return;
  if (!createdBy(actor, record)) throw new ForbiddenError("You may change only the drafts you created; ask an editor");
  if (record.state !== "DRAFT") {
    throw new ForbiddenError(`Only editors may change a record in ${record.state}; ask an editor, or have it sent back to draft`);
  }
}

/** SQL condition (on alias `a`) for the records the caller may read, for lists. */
export function readableRecordsSql(actor: Actor): Prisma.Sql {
  if (readsEveryRecord(actor)) return Prisma.sql`TRUE`;
  return Prisma.sql`(a.state = 'PUBLISHED' AND a."deletedAt" IS NULL OR a."createdById" = ${actorId(actor) ?? ""})`;
}

/** Prisma filter for the records the caller may read. */
export function readableRecordsWhere(actor: Actor): Prisma.AgreementWhereInput {
  if (readsEveryRecord(actor)) return {};
  return { OR: [{ state: "PUBLISHED", deletedAt: null }, { createdById: actorId(actor) ?? "" }] };
}

// Changes an import proposes to records readers can see (or that are in review): they wait
// here, shown to editors as a field diff, until one approves (a new version) or rejects them.
import type { z } from "zod";
import { type Actor, actorId, auditActor } from "./access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type TAgreementInput, ZAgreementInput, ZProposedChangeDecisionInput } from "../validators/agreement-editing";
import { actorLabels } from "./actor-labels";
import { assertKnownReferences, getAgreementForEditing, loadLiveAgreement, saveAgreementVersion, versionConflict } from "./agreement-editing";
import { writeAudit } from "./audit";
import { InvalidInputError, NotFoundError } from "./errors";
import { applyImportPatch, type ImportPatch } from "./import-merge";
import { organizationNames, withMergedOrganizations } from "./organizations";
import { recordFieldDiff } from "./record-diff";
import { currentRecordInput } from "./revision-history";
import { assertSecondReviewer, type EditorialPolicy } from "./workflow";

type Tx = Prisma.TransactionClient;

/** The stored patch, with organisations merged away since pointing at their target. */
async function storedPatch(db: Db | Tx, patch: Prisma.JsonValue): Promise<ImportPatch> {
  const stored = patch as unknown as ImportPatch;
  return { ...stored, parties: await withMergedOrganizations(db, stored.parties) };
}

/** The record as it is, and as it would be with the change. */
async function proposedContent(db: Db | Tx, agreementId: string, patch: ImportPatch): Promise<{ current: TAgreementInput; proposed: TAgreementInput }> {
  const current = await currentRecordInput(db, agreementId);
  return { current, proposed: applyImportPatch(current, patch) };
}

/** Open proposals, oldest first, each with the field-level diff against the record as it now is. */
export async function listProposedChanges(db: Db, actor: Actor) {
  const proposals = await db.proposedChange.findMany({
    orderBy: { proposedAt: "asc" },
    take: 100,
    select: {
      agreementId: true,
      patch: true,
      proposedById: true,
      proposedAt: true,
      agreement: { select: { title: true, state: true, version: true, externalId: true } },
    },
  });
  const labels = await actorLabels(
    db,
    proposals.map((proposal) => proposal.proposedById),
    actor,
  );
  return Promise.all(
    proposals.map(async (proposal) => {
      const patch = await storedPatch(db, proposal.patch);
      const { current, proposed } = await proposedContent(db, proposal.agreementId, patch);
      const names = await organizationNames(
        db,
        [...(current.parties ?? []), ...(proposed.parties ?? [])].flatMap((party) => (party.organizationId ? [party.organizationId] : [])),
      );
      return {
        id: proposal.agreementId,
        ...proposal.agreement,
        proposedBy: proposal.proposedById ? (labels.get(proposal.proposedById) ?? proposal.proposedById) : "an import",
        proposedAt: proposal.proposedAt.toISOString(),
        changes: recordFieldDiff(current, proposed, names),
      };
    }),
  );
}

/**
 * Approving writes the change as the record's next version, its editorial state unchanged (a
 * published record shows it at once); rejecting drops it. Either way the import row behind it
 * becomes the record's baseline: the same row imported again changes nothing.
 */
export async function decideProposedChange(db: Db, actor: Actor, rawInput: z.input<typeof ZProposedChangeDecisionInput>, policy: EditorialPolicy) {
  const input = ZProposedChangeDecisionInput.parse(rawInput);
  await db.$transaction(async (tx) => {
    const proposal = await tx.proposedChange.findUnique({ where: { agreementId: input.id } });
    if (!proposal) throw new NotFoundError(`Record ${input.id} has no imported change awaiting review`);
    const current = await loadLiveAgreement(tx, input.id);
    if (current.version !== input.expectedVersion) throw await versionConflict(tx, actor, input.id);
    if (input.decision === "approve") {
      assertSecondReviewer(policy, actor, proposal.proposedById, "this imported change");
      const patch = await storedPatch(tx, proposal.patch);
      const parsed = ZAgreementInput.safeParse((await proposedContent(tx, input.id, patch)).proposed);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InvalidInputError(
          ["decision"],
          `the imported change no longer fits the record (${issue?.path.join(".")}: ${issue?.message}); reject it, or edit the record`,
        );
      }
      await assertKnownReferences(tx, parsed.data, ["decision"]);
      await saveAgreementVersion(tx, actor, {
        id: input.id,
        expectedVersion: input.expectedVersion,
        data: parsed.data,
        previous: current,
        summary: "Approved an imported change",
        action: "agreement.proposedChange.approve",
        columns: { importedRow: proposal.importedRow as Prisma.InputJsonValue },
      });
    } else {
      await tx.$executeRaw`UPDATE "Agreement" SET "importedRow" = ${proposal.importedRow}::jsonb WHERE id = ${input.id}::uuid`;
      await writeAudit(tx, { ...auditActor(actor), action: "agreement.proposedChange.reject", entityType: "Agreement", entityId: input.id });
    }
    await tx.proposedChange.delete({ where: { agreementId: input.id } });
  });
  return getAgreementForEditing(db, actor, { id: input.id });
}

/** Inside the import's transaction: the change waits for review, replacing any earlier one for the record. */
export async function proposeImportChange(tx: Tx, actor: Actor, agreementId: string, patch: ImportPatch, importedRow: Prisma.InputJsonValue): Promise<void> {
  const fields = { patch: patch as unknown as Prisma.InputJsonValue, importedRow, proposedById: actorId(actor), proposedAt: new Date() };
  await tx.proposedChange.upsert({ where: { agreementId }, create: { agreementId, ...fields }, update: fields });
  await writeAudit(tx, { ...auditActor(actor), action: "agreement.import.propose", entityType: "Agreement", entityId: agreementId });
}

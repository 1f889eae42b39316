import type { z } from "zod";
import { type Actor, actorId, auditActor, actorLabel } from "./access";
import type { Db } from "../db/client";
import type { EditorialState } from "../generated/prisma/enums";
import { type TransitionAction, TRANSITIONS, ZAgreementTransitionInput } from "../validators/agreement-editing";
import { isEditorOrAbove } from "./actor-labels";
import { claimNextVersion, getAgreementForEditing, loadLiveAgreement } from "./agreement-editing";
import { writeAudit } from "./audit";
import { enqueueRecordEvent } from "./webhook-outbox";
import { ForbiddenError, InvalidInputError } from "./errors";
import { createdBy } from "./record-access";
import { syncPublicFacetCounts } from "./public-facet-counts";
import { recordRevision } from "./revisions";

/** Editorial rules an installation chooses (README, configuration). */
export interface EditorialPolicy {
  /** The two-person rule: nobody approves a record, or an imported change, that they last edited. */
  requireSecondReviewer: boolean;
}

/** Under the two-person rule, refuses an approval by whoever last changed the content. */
export function assertSecondReviewer(policy: EditorialPolicy, actor: Actor, lastEditorId: string | null, what: string): void {
  if (policy.requireSecondReviewer && lastEditorId !== null && lastEditorId === actorId(actor)) {
    throw new ForbiddenError(`You last edited ${what}, and this installation requires a second person to approve it; ask another editor`);
  }
}

interface TransitionRule {
  from: EditorialState[];
  to: EditorialState;
  /** Only editors and admins; contributors (and API tokens) may only submit. */
  editorsOnly: boolean;
  commentRequired?: boolean;
}

/** The editorial workflow: draft -> in review -> published -> archived, and the ways back. */
export const TRANSITION_RULES: Record<TransitionAction, TransitionRule> = {
  submit: { from: ["DRAFT"], to: "IN_REVIEW", editorsOnly: false },
  approve: { from: ["IN_REVIEW"], to: "PUBLISHED", editorsOnly: true },
  sendBack: { from: ["IN_REVIEW"], to: "DRAFT", editorsOnly: true, commentRequired: true },
  unpublish: { from: ["PUBLISHED"], to: "DRAFT", editorsOnly: true },
  archive: { from: ["DRAFT", "IN_REVIEW", "PUBLISHED"], to: "ARCHIVED", editorsOnly: true },
  reopen: { from: ["ARCHIVED"], to: "DRAFT", editorsOnly: true },
};

export function allowedActions(state: EditorialState): TransitionAction[] {
  return TRANSITIONS.filter((action) => TRANSITION_RULES[action].from.includes(state));
}

/** What a record lacks before it may be published. */
async function publicationProblems(db: Db, id: string): Promise<string[]> {
  const [sources, africa, partner] = await Promise.all([
    db.source.count({ where: { agreementId: id } }),
    db.agreementParty.count({ where: { agreementId: id, side: "AFRICA" } }),
    db.agreementParty.count({ where: { agreementId: id, side: "PARTNER" } }),
  ]);
  return [
    ...(sources ? [] : ["add at least one source"]),
    ...(africa ? [] : ["add a party on the African side"]),
    ...(partner ? [] : ["add a party on the partner side"]),
  ];
}

export async function transitionAgreement(db: Db, actor: Actor, rawInput: z.input<typeof ZAgreementTransitionInput>, policy: EditorialPolicy) {
  const input = ZAgreementTransitionInput.parse(rawInput);
  const rule = TRANSITION_RULES[input.action];
  const current = await loadLiveAgreement(db, input.id);
  // Before any rule that would describe the record: someone else's draft stays opaque.
  if (!isEditorOrAbove(actor) && !createdBy(actor, current)) throw new ForbiddenError("You may submit only the drafts you created");
  if (!rule.from.includes(current.state)) {
    const allowed = allowedActions(current.state);
    throw new InvalidInputError(
      ["action"],
      `cannot ${input.action} a record in ${current.state}; allowed from ${current.state}: ${allowed.length ? allowed.join(", ") : "none"}`,
    );
  }
  if (rule.editorsOnly && !isEditorOrAbove(actor)) throw new ForbiddenError(`Only editors and admins may ${input.action} a record`);
  if (rule.commentRequired && !input.comment) throw new InvalidInputError(["comment"], `is required to ${input.action}: tell the author what to change`);
  if (rule.to === "PUBLISHED") assertSecondReviewer(policy, actor, current.editedById, "this record");
  if (rule.to === "PUBLISHED") {
    const problems = await publicationProblems(db, input.id);
    if (problems.length) throw new InvalidInputError(["action"], `cannot publish yet: ${problems.join("; ")}`);
  }

  await db.$transaction(async (tx) => {
    await claimNextVersion(tx, actor, input.id, input.expectedVersion, {
      state: rule.to,
      ...(rule.to === "PUBLISHED" ? { publishedAt: new Date() } : {}),
    });
    if (input.comment) {
      await tx.reviewComment.create({
        data: { agreementId: input.id, authorId: actorId(actor) ?? "unknown", authorLabel: actorLabel(actor), action: input.action, body: input.comment },
      });
    }
    await recordRevision(tx, { agreementId: input.id, authorId: actorId(actor), summary: `${input.action}: ${current.state} -> ${rule.to}` });
    if (rule.to === "PUBLISHED") await enqueueRecordEvent(tx, "record.published", input.id);
    else if (current.state === "PUBLISHED") await enqueueRecordEvent(tx, "record.unpublished", input.id);
    await writeAudit(tx, {
      ...auditActor(actor),
      action: `agreement.${input.action}`,
      entityType: "Agreement",
      entityId: input.id,
      details: { from: current.state, to: rule.to, ...(input.comment ? { comment: input.comment } : {}) },
    });
    // A record readers cannot see, before or after, adds nothing to the public counts.
    if (rule.to === "PUBLISHED" || current.state === "PUBLISHED") await syncPublicFacetCounts(tx, [input.id]);
  });
  return getAgreementForEditing(db, actor, { id: input.id });
}

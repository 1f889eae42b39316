import type { TRPCRouterRecord } from "@trpc/server";
import {
  createAgreement,
  deleteAgreement,
  findDuplicatesFor,
  getAgreementForEditing,
  restoreDeletedAgreement,
  updateAgreement,
} from "../../domain/agreement-editing";
import { listAgreementsForEditors } from "../../domain/editorial-list";
import { decideProposedChange, listProposedChanges } from "../../domain/proposed-changes";
import { diffRevisions, listRevisions, restoreRevision } from "../../domain/revision-history";
import { transitionAgreement } from "../../domain/workflow";
import {
  ZAgreementCreateInput,
  ZAgreementIdInput,
  ZAgreementTransitionInput,
  ZAgreementUpdateInput,
  ZDuplicateCheckInput,
  ZEditorListInput,
  ZProposedChangeDecisionInput,
  ZRestoreRevisionInput,
  ZRevisionDiffInput,
} from "../../validators/agreement-editing";
import { adminProcedure, contributorProcedure, editorProcedure } from "../init";

const readDrafts = contributorProcedure.meta({ access: "private", tokenScope: "records:read-drafts" });
const writeDrafts = contributorProcedure.meta({ access: "private", tokenScope: "records:write" });

/** Editorial procedures on records; merged into `agreement.*` beside the public ones. */
export const agreementEditingRouter = {
  listForEditors: readDrafts.input(ZEditorListInput).query(({ ctx, input }) => listAgreementsForEditors(ctx.db, ctx.actor, input)),
  get: readDrafts.input(ZAgreementIdInput).query(({ ctx, input }) => getAgreementForEditing(ctx.db, ctx.actor, input)),
  revisions: readDrafts.input(ZAgreementIdInput).query(({ ctx, input }) => listRevisions(ctx.db, ctx.actor, input)),
  revisionDiff: readDrafts.input(ZRevisionDiffInput).query(({ ctx, input }) => diffRevisions(ctx.db, ctx.actor, input)),
  duplicates: readDrafts.input(ZDuplicateCheckInput).query(({ ctx, input }) => findDuplicatesFor(ctx.db, ctx.actor, input)),
  create: writeDrafts.input(ZAgreementCreateInput).mutation(({ ctx, input }) => createAgreement(ctx.db, ctx.actor, input)),
  update: writeDrafts.input(ZAgreementUpdateInput).mutation(({ ctx, input }) => updateAgreement(ctx.db, ctx.actor, input)),
  transition: writeDrafts.input(ZAgreementTransitionInput).mutation(({ ctx, input }) => transitionAgreement(ctx.db, ctx.actor, input, ctx.policy)),
  restoreRevision: editorProcedure.input(ZRestoreRevisionInput).mutation(({ ctx, input }) => restoreRevision(ctx.db, ctx.actor, input)),
  delete: editorProcedure
    .input(ZAgreementUpdateInput.pick({ id: true, expectedVersion: true }))
    .mutation(({ ctx, input }) => deleteAgreement(ctx.db, ctx.actor, input)),
  restore: adminProcedure.input(ZAgreementIdInput).mutation(({ ctx, input }) => restoreDeletedAgreement(ctx.db, ctx.actor, input)),
  /** Changes imports proposed to records that are not drafts, with their field diffs. */
  proposedChanges: editorProcedure.query(({ ctx }) => listProposedChanges(ctx.db, ctx.actor)),
  decideProposedChange: editorProcedure
    .input(ZProposedChangeDecisionInput)
    .mutation(({ ctx, input }) => decideProposedChange(ctx.db, ctx.actor, input, ctx.policy)),
} satisfies TRPCRouterRecord;

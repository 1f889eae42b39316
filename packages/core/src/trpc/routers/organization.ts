import type { TRPCRouterRecord } from "@trpc/server";
import { ZPublicOrganization } from "../../validators/public-outputs";
import { createOrganization, mergeOrganizations, searchOrganizations, updateOrganization } from "../../domain/organizations";
import { getPublicOrganization } from "../../domain/public-organizations";
import { ZOrganizationBySlugInput } from "../../validators/agreement";
import { ZOrganizationInput, ZOrganizationMergeInput, ZOrganizationSearchInput, ZOrganizationUpdateInput } from "../../validators/agreement-editing";
import { contributorProcedure, editorProcedure, publicProcedure } from "../init";

export const organizationRouter = {
  bySlug: publicProcedure
    .input(ZOrganizationBySlugInput)
    .output(ZPublicOrganization)
    .query(({ ctx, input }) => getPublicOrganization(ctx.db, input)),
  search: contributorProcedure
    .meta({ access: "private", tokenScope: "records:read-drafts" })
    .input(ZOrganizationSearchInput)
    .query(({ ctx, input }) => searchOrganizations(ctx.db, input)),
  create: contributorProcedure
    .meta({ access: "private", tokenScope: "records:write" })
    .input(ZOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.actor, input)),
  update: editorProcedure.input(ZOrganizationUpdateInput).mutation(({ ctx, input }) => updateOrganization(ctx.db, ctx.actor, input)),
  merge: editorProcedure.input(ZOrganizationMergeInput).mutation(({ ctx, input }) => mergeOrganizations(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from "@trpc/server";
import { getPublishedAgreement, listPublishedAgreements, publicAgreementChanges, publishedAgreementFacets } from "../../domain/public-reads";
import { relatedPublishedAgreements } from "../../domain/related";
import { ZAgreementBySlugInput, ZAgreementChangesInput, ZAgreementFilters, ZAgreementListInput, ZAgreementRelatedInput } from "../../validators/agreement";
import { ZPublicAgreementDetail, ZPublicAgreementPage, ZPublicChangesPage, ZPublicFacets, ZPublicRelated } from "../../validators/public-outputs";
import { publicProcedure } from "../init";

export const agreementRouter = {
  // Costs follow the database work of an uncached call at 100,000 records (docs/PERFORMANCE.md).
  list: publicProcedure
    .meta({ access: "public", cost: 2 })
    .input(ZAgreementListInput.optional())
    .output(ZPublicAgreementPage)
    .query(({ ctx, input }) => listPublishedAgreements(ctx.db, input ?? {})),
  bySlug: publicProcedure
    .input(ZAgreementBySlugInput)
    .output(ZPublicAgreementDetail)
    .query(({ ctx, input }) => getPublishedAgreement(ctx.db, input)),
  facets: publicProcedure
    .meta({ access: "public", cost: 5 })
    .input(ZAgreementFilters.optional())
    .output(ZPublicFacets)
    .query(({ ctx, input }) => publishedAgreementFacets(ctx.db, input ?? {})),
  related: publicProcedure
    .meta({ access: "public", cost: 2 })
    .input(ZAgreementRelatedInput)
    .output(ZPublicRelated)
    .query(({ ctx, input }) => relatedPublishedAgreements(ctx.db, input)),
  changes: publicProcedure
    .meta({ access: "public", cost: 2 })
    .input(ZAgreementChangesInput)
    .output(ZPublicChangesPage)
    .query(({ ctx, input }) => publicAgreementChanges(ctx.db, input)),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from "@trpc/server";
import {
  getPublishedAgreement,
  listPublishedAgreements,
  publicAgreementChanges,
  publishedAgreementFacets,
} from "../../domain/agreements";
import {
  ZAgreementBySlugInput,
  ZAgreementChangesInput,
  ZAgreementFilters,
  ZAgreementListInput,
} from "../../validators/agreement";
import { publicProcedure } from "../init";

export const agreementRouter = {
  list: publicProcedure
    .input(ZAgreementListInput.optional())
    .query(({ ctx, input }) => listPublishedAgreements(ctx.db, input ?? {})),
  bySlug: publicProcedure.input(ZAgreementBySlugInput).query(({ ctx, input }) => getPublishedAgreement(ctx.db, input)),
  facets: publicProcedure
    .input(ZAgreementFilters.optional())
    .query(({ ctx, input }) => publishedAgreementFacets(ctx.db, input ?? {})),
  changes: publicProcedure.input(ZAgreementChangesInput).query(({ ctx, input }) => publicAgreementChanges(ctx.db, input)),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from "@trpc/server";
import { listCountries, listSectors } from "../../domain/taxonomy";
import { ZTaxonomyInput } from "../../validators/agreement";
import { ZPublicCountries, ZPublicSectors } from "../../validators/public-outputs";
import { publicProcedure } from "../init";

export const taxonomyRouter = {
  countries: publicProcedure
    .input(ZTaxonomyInput)
    .output(ZPublicCountries)
    .query(({ ctx, input }) => listCountries(ctx.db, input?.lang)),
  sectors: publicProcedure
    .input(ZTaxonomyInput)
    .output(ZPublicSectors)
    .query(({ ctx, input }) => listSectors(ctx.db, input?.lang)),
} satisfies TRPCRouterRecord;

import type { TRPCRouterRecord } from "@trpc/server";
import { editorialOverview } from "../../domain/overview";
import { contributorProcedure } from "../init";

export const dashboardRouter = {
  overview: contributorProcedure.query(({ ctx }) => editorialOverview(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;

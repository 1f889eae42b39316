import type { TRPCRouterRecord } from "@trpc/server";
import { analyzeReportForEditors, attachReport } from "../../domain/intake/editorial";
import { ZIntakeAnalyzeInput, ZIntakeAttachInput } from "../../validators/intake";
import { contributorProcedure } from "../init";

const writeDrafts = contributorProcedure.meta({ access: "private", tokenScope: "records:write" });

/** From a news report to a sourced draft, or to a new source of an existing record. */
export const intakeRouter = {
  analyze: writeDrafts.input(ZIntakeAnalyzeInput).mutation(({ ctx, input }) => analyzeReportForEditors(ctx.db, ctx.actor, input)),
  attach: writeDrafts.input(ZIntakeAttachInput).mutation(({ ctx, input }) => attachReport(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;

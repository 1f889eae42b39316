import type { TRPCRouterRecord } from "@trpc/server";
import { listAuditLog } from "../../domain/audit-log";
import { ZAuditListInput } from "../../validators/agreement-editing";
import { adminProcedure } from "../init";

export const auditRouter = {
  list: adminProcedure.input(ZAuditListInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
} satisfies TRPCRouterRecord;

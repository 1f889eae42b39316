import type { TRPCRouterRecord } from "@trpc/server";
import { createApiToken, listApiTokens, revokeApiToken } from "../../domain/api-tokens";
import { ZApiTokenCreateInput, ZApiTokenIdInput } from "../../validators/accounts";
import { adminProcedure } from "../init";

export const apiTokenRouter = {
  list: adminProcedure.query(({ ctx }) => listApiTokens(ctx.db)),
  create: adminProcedure.input(ZApiTokenCreateInput).mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.actor, input)),
  revoke: adminProcedure.input(ZApiTokenIdInput).mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;

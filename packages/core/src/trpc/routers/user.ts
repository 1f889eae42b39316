import type { TRPCRouterRecord } from "@trpc/server";
import { inviteUser, listUsers, setUserActive, setUserRole } from "../../domain/users";
import { ZUserIdInput, ZUserInviteInput, ZUserSetRoleInput } from "../../validators/accounts";
import { adminProcedure } from "../init";

export const userRouter = {
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  invite: adminProcedure.input(ZUserInviteInput).mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.actor, input, ctx.baseUrl)),
  setRole: adminProcedure.input(ZUserSetRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.actor, input)),
  deactivate: adminProcedure.input(ZUserIdInput).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input, false)),
  reactivate: adminProcedure.input(ZUserIdInput).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input, true)),
} satisfies TRPCRouterRecord;

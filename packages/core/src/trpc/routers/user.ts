import type { TRPCRouterRecord } from "@trpc/server";
import { inviteUser, listPendingInvitations, listUsers, revokeInvitation, setUserActive, setUserRole } from "../../domain/users";
import { ZInvitationIdInput, ZUserIdInput, ZUserInviteInput, ZUserSetRoleInput } from "../../validators/accounts";
import { adminProcedure } from "../init";

export const userRouter = {
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  invite: adminProcedure.input(ZUserInviteInput).mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.actor, input, ctx.baseUrl)),
  invitations: adminProcedure.query(({ ctx }) => listPendingInvitations(ctx.db, ctx.actor)),
  revokeInvitation: adminProcedure.input(ZInvitationIdInput).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input)),
  setRole: adminProcedure.input(ZUserSetRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.actor, input)),
  deactivate: adminProcedure.input(ZUserIdInput).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input, false)),
  reactivate: adminProcedure.input(ZUserIdInput).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input, true)),
} satisfies TRPCRouterRecord;

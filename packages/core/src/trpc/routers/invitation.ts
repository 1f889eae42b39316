import type { TRPCRouterRecord } from "@trpc/server";
import { acceptInvitation } from "../../domain/users";
import { ZInvitationAcceptInput } from "../../validators/accounts";
import { anonymousProcedure } from "../init";

export const invitationRouter = {
  accept: anonymousProcedure.input(ZInvitationAcceptInput).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;

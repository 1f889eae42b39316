import type { TRPCRouterRecord } from "@trpc/server";
import { changeOwnPassword } from "../../domain/users";
import { ZChangePasswordInput } from "../../validators/accounts";
import { authenticatedProcedure, userProcedure } from "../init";

export const accountRouter = {
  /** Who the caller is: a person with a role, or an API token with scopes. */
  me: authenticatedProcedure.query(({ ctx }) => {
    const { actor } = ctx;
    if (actor.kind === "token") return { kind: "token" as const, name: actor.name, scopes: actor.scopes };
    return { kind: "user" as const, id: actor.userId, email: actor.email, name: actor.name, role: actor.role, mustChangePassword: actor.mustChangePassword };
  }),
  changePassword: userProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;

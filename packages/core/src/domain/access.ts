import type { Role } from "../generated/prisma/enums";
import type { TokenScope } from "../validators/accounts";
import { hasRole } from "../validators/vocabulary";

export { hasRole };

/** Who is calling: a signed-in person, another app with an API token, or nobody. */
export type Actor =
  | { kind: "anonymous"; ip: string | null }
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      role: Role;
      mustChangePassword: boolean;
      sessionId: string;
      ip: string | null;
    }
  | { kind: "token"; tokenId: string; name: string; scopes: TokenScope[]; createdById: string; ip: string | null };

/** The id written to `createdById`, `authorId` and audit rows. */
export function actorId(actor: Actor): string | null {
  if (actor.kind === "user") return actor.userId;
  if (actor.kind === "token") return `token:${actor.tokenId}`;
  return null;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "token") return `API token "${actor.name}"`;
  return "anonymous";
}

export function auditActor(actor: Actor) {
  return { actorId: actorId(actor), actorLabel: actorLabel(actor), ip: actor.ip };
}

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

/** The application itself, doing work no request does (loading the founding records); no caller can be it. */
export type SystemActor = { kind: "system"; name: string; ip: null };

/** Who writes a change: a caller, or the application itself. */
export type Writer = Actor | SystemActor;

/** The id written to `createdById`, `authorId` and audit rows: none for the application itself. */
export function actorId(actor: Writer): string | null {
  if (actor.kind === "user") return actor.userId;
  if (actor.kind === "token") return `token:${actor.tokenId}`;
  return null;
}

export function actorLabel(actor: Writer): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "token") return `API token "${actor.name}"`;
  if (actor.kind === "system") return actor.name;
  return "anonymous";
}

export function auditActor(actor: Writer) {
  return { actorId: actorId(actor), actorLabel: actorLabel(actor), ip: actor.ip };
}

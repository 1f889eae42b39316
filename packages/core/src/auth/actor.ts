import type { Db } from "../db/client";
import { authenticateApiToken } from "../domain/api-tokens";
import type { Role } from "../generated/prisma/enums";
import type { Actor } from "../domain/access";
import type { Auth, SessionPolicy } from "./auth";
import { DEFAULT_SESSION_POLICY } from "./auth";
import { clientIpOf } from "../http/client-ip";

/** Credentials were presented but are not valid: answered with 401, never ignored. */
export class AuthenticationError extends Error {}

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/**
 * Who sent this request: an API token (`Authorization: Bearer`, cookies ignored),
 * else the session cookie's user, else anonymous. Ends sessions of deactivated
 * users and sessions past their absolute lifetime.
 */
export async function resolveActor(deps: { db: Db; auth: Auth; sessionPolicy?: SessionPolicy }, headers: Headers): Promise<Actor> {
  const ip = clientIpOf(headers);
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = BEARER.exec(authorization.trim());
    if (!match?.[1]) throw new AuthenticationError("The Authorization header must be `Bearer <API token>`");
    const token = await authenticateApiToken(deps.db, match[1]);
    if (!token) throw new AuthenticationError("The API token is invalid, expired or revoked");
    return { kind: "token", tokenId: token.id, name: token.name, scopes: token.scopes, createdById: token.createdById, ip };
  }

  const found = await deps.auth.api.getSession({ headers });
  if (!found) return { kind: "anonymous", ip };
  const { session, user } = found as typeof found & { user: { role: Role; active: boolean; mustChangePassword: boolean } };
  const maxMs = (deps.sessionPolicy ?? DEFAULT_SESSION_POLICY).maxHours * 3_600_000;
  if (!user.active || Date.now() - new Date(session.createdAt).getTime() > maxMs) {
    await deps.db.session.deleteMany({ where: { id: session.id } });
    return { kind: "anonymous", ip };
  }
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    sessionId: session.id,
    ip,
  };
}

import { createHash, randomBytes } from "node:crypto";
import { TOKEN_SCOPES, type TokenScope } from "../validators/accounts";
import { type Actor, auditActor, actorId } from "./access";
import type { Db } from "../db/client";
import { ZApiTokenCreateInput, ZApiTokenIdInput } from "../validators/accounts";
import type { z } from "zod";
import { writeAudit } from "./audit";
import { NotFoundError } from "./errors";

const TOKEN_PREFIX = "coop_";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const publicTokenFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdById: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Creates a token and returns its secret, which is shown once and never stored. */
export async function createApiToken(db: Db, actor: Actor, rawInput: z.input<typeof ZApiTokenCreateInput>) {
  const input = ZApiTokenCreateInput.parse(rawInput);
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix: secret.slice(0, 12),
        tokenHash: hashSecret(secret),
        scopes: [...new Set(input.scopes)],
        createdById: actorId(actor) ?? "unknown",
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      },
      select: publicTokenFields,
    });
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "token.create",
      entityType: "ApiToken",
      entityId: token.id,
      details: { name: token.name, scopes: token.scopes },
    });
    return { secret, token };
  });
}

export function listApiTokens(db: Db) {
  return db.apiToken.findMany({ orderBy: { createdAt: "desc" }, select: publicTokenFields, take: 500 });
}

/** Revocation takes effect on the next request: every request looks the token up. */
export async function revokeApiToken(db: Db, actor: Actor, rawInput: z.input<typeof ZApiTokenIdInput>) {
  const { id } = ZApiTokenIdInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { id }, select: { revokedAt: true } });
    if (!existing) throw new NotFoundError(`No API token has the id ${id}`);
    const token = await tx.apiToken.update({ where: { id }, data: { revokedAt: existing.revokedAt ?? new Date() }, select: publicTokenFields });
    await writeAudit(tx, { ...auditActor(actor), action: "token.revoke", entityType: "ApiToken", entityId: id });
    return token;
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** The live token this secret belongs to, or null; records its use at most once a minute. */
export async function authenticateApiToken(db: Db, secret: string) {
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { ...token, scopes: token.scopes.filter((scope): scope is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(scope)) };
}

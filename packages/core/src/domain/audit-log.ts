import type { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { ZAuditListInput } from "../validators/agreement-editing";

/** The audit log for admins, newest first, filtered, one keyset page at a time (by id). */
export async function listAuditLog(db: Db, rawInput: z.input<typeof ZAuditListInput>) {
  const input = ZAuditListInput.parse(rawInput);
  const where: Prisma.AuditLogWhereInput = {
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.from || input.to ? { at: { ...(input.from ? { gte: new Date(input.from) } : {}), ...(input.to ? { lte: new Date(input.to) } : {}) } } : {}),
    ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    // BigInt ids travel as strings: the API is plain JSON.
    items: page.map((row) => ({ ...row, id: row.id.toString(), at: row.at.toISOString() })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

import { insertRows } from "../db/insert-rows";
import type { Prisma } from "../generated/prisma/client";

export interface AuditEntry {
  action: string;
  actorId?: string | null;
  actorLabel?: string | null;
  entityType?: string;
  entityId?: string;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Appends one row to the audit log, inside the caller's transaction. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await insertRows(tx, { AuditLog: [entry] });
}

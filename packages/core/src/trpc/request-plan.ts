import type { Meta } from "./init";
import { MAX_BATCH_SIZE, MAX_REQUEST_COST } from "./limits";
import { appRouter } from "./root";

interface InputParser {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

interface ProcedureDef {
  _def: { meta?: Meta; inputs: unknown[]; type: string };
}

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef | undefined>;

/** What a tRPC URL asks for, read before anything runs. */
export interface TrpcRequestPlan {
  paths: string[];
  batch: boolean;
  /** Sum of the calls' costs; unknown procedures cost 1 (they fail fast). */
  cost: number;
  /** Every call is a public query: the answer may be kept and shared. */
  publicOnly: boolean;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function planTrpcRequest(url: URL, endpoint: string): TrpcRequestPlan {
  const batch = url.searchParams.get("batch") === "1";
  const pathPart = safeDecode(url.pathname.slice(endpoint.length + 1));
  const paths = batch ? pathPart.split(",") : [pathPart];
  const defs = paths.map((path) => procedures[path]);
  return {
    paths,
    batch,
    cost: defs.reduce((sum, def) => sum + (def?._def.meta?.cost ?? 1), 0),
    publicOnly: defs.every((def) => def?._def.meta?.access === "public" && def._def.type === "query"),
  };
}

/** Why a request is refused before any procedure runs, or null when it may go ahead. */
export function planRefusal(plan: TrpcRequestPlan): string | null {
  if (plan.paths.length > MAX_BATCH_SIZE) {
    return `A batch may hold at most ${MAX_BATCH_SIZE} calls; this one has ${plan.paths.length}. Split it into several requests.`;
  }
  if (plan.cost > MAX_REQUEST_COST) {
    return `This request costs ${plan.cost}, over the limit of ${MAX_REQUEST_COST} per request (agreement.facets costs 5, agreement.list, agreement.related and agreement.changes 2, other calls 1). Split it into several requests.`;
  }
  return null;
}

function rawInputs(url: URL, plan: TrpcRequestPlan): unknown[] | null {
  const text = url.searchParams.get("input");
  try {
    const parsed: unknown = text === null ? undefined : JSON.parse(text);
    if (!plan.batch) return [parsed];
    const byIndex = (parsed ?? {}) as Record<string, unknown>;
    return plan.paths.map((_path, index) => byIndex[String(index)]);
  } catch {
    return null;
  }
}

/** A call's input as its procedure reads it (defaults applied, unknown keys dropped), or null when invalid. */
function canonicalInput(def: ProcedureDef, raw: unknown): { value: unknown } | null {
  const parsers = def._def.inputs as InputParser[];
  if (parsers.length === 0) return { value: null };
  if (parsers.length > 1) return null;
  try {
    const result = parsers[0]!.safeParse(raw);
    return result.success ? { value: result.data ?? null } : null;
  } catch {
    return null;
  }
}

/**
 * The cache key of a public tRPC GET: the procedures and their parsed inputs, so the same
 * question asked with extra parameters, reordered keys or spelled-out defaults is one entry
 * and cannot force the work again. Null when the request cannot be shared (invalid input,
 * a private procedure).
 */
export function trpcCacheKey(url: URL, endpoint: string): string | null {
  const plan = planTrpcRequest(url, endpoint);
  if (!plan.publicOnly || planRefusal(plan)) return null;
  const inputs = rawInputs(url, plan);
  if (!inputs) return null;
  const calls: [string, unknown][] = [];
  for (const [index, path] of plan.paths.entries()) {
    const input = canonicalInput(procedures[path]!, inputs[index]);
    if (!input) return null;
    calls.push([path, input.value]);
  }
  return `trpc:${JSON.stringify({ batch: plan.batch, calls })}`;
}

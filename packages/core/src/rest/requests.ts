import { z } from "zod";
import { type ParamKind, readTypedParams } from "../validators/list-query";
import type { Meta } from "../trpc/init";
import { appRouter } from "../trpc/root";
import { REST_OPERATIONS, REST_PREFIX, type RestOperation } from "./operations";

interface ProcedureDef {
  _def: { meta?: Meta; inputs: z.ZodType[]; output?: z.ZodType; type: "query" | "mutation" | "subscription" };
}

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef | undefined>;

export function procedureOf(operation: RestOperation): ProcedureDef {
  const procedure = procedures[operation.procedure];
  if (!procedure) throw new Error(`REST operation ${operation.operationId} names no procedure ${operation.procedure}`);
  return procedure;
}

/** The procedure's input schema as a JSON Schema object (`{}` when it takes none). */
export function inputJsonSchema(operation: RestOperation): { properties?: Record<string, Record<string, unknown>>; required?: string[] } {
  const [input] = procedureOf(operation)._def.inputs;
  if (!input) return {};
  const schema = input instanceof z.ZodOptional ? (input.unwrap() as z.ZodType) : input;
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as ReturnType<typeof inputJsonSchema>;
}

/** A query parameter's kind, from its JSON Schema: a list when it may be an array, a number or boolean by type. */
function kindOf(schema: Record<string, unknown>): ParamKind {
  const variants = [schema, ...((schema.anyOf as Record<string, unknown>[] | undefined) ?? [])];
  const types = variants.map((variant) => variant.type);
  if (types.includes("array")) return "list";
  if (types.includes("integer") || types.includes("number")) return "number";
  if (types.includes("boolean")) return "boolean";
  return "text";
}

export interface PlannedOperation {
  operation: RestOperation;
  pathPattern: RegExp;
  pathNames: string[];
  /** For GETs: how each input field is read from the query string. */
  queryKinds: Record<string, ParamKind>;
  /** Cacheable by anyone: a public procedure answering a GET. */
  isPublic: boolean;
  cost: number;
}

const PLANNED: PlannedOperation[] = REST_OPERATIONS.map((operation) => {
  const pathNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const pattern = operation.path.replace(/\{\w+\}/g, "([^/]+)");
  const properties = inputJsonSchema(operation).properties ?? {};
  const queryKinds = Object.fromEntries(
    Object.entries(properties)
      .filter(([name]) => !pathNames.includes(name))
      .map(([name, schema]) => [name, kindOf(schema)]),
  );
  const meta = procedureOf(operation)._def.meta;
  return {
    operation,
    pathPattern: new RegExp(`^${REST_PREFIX}${pattern}$`),
    pathNames,
    queryKinds,
    isPublic: operation.method === "GET" && meta?.access === "public",
    cost: meta?.cost ?? 1,
  };
});

export type RestMatch = { planned: PlannedOperation; pathParams: Record<string, string> } | { allowedMethods: string[] } | null;

/** The operation a method and path ask for; the methods allowed on the path when only the method is wrong; null for no such path. */
export function matchRestRequest(method: string, pathname: string): RestMatch {
  const onPath = PLANNED.flatMap((planned) => {
    const match = planned.pathPattern.exec(pathname);
    if (!match) return [];
    const pathParams = Object.fromEntries(planned.pathNames.map((name, index) => [name, safeDecode(match[index + 1]!)]));
    return [{ planned, pathParams }];
  });
  const found = onPath.find((candidate) => candidate.planned.operation.method === method);
  if (found) return found;
  return onPath.length ? { allowedMethods: onPath.map((candidate) => candidate.planned.operation.method) } : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A GET's procedure input: its path parameters and the query parameters its schema names. */
export function queryInput(planned: PlannedOperation, url: URL, pathParams: Record<string, string>): Record<string, unknown> {
  return { ...readTypedParams(url.searchParams, planned.queryKinds), ...pathParams };
}

/**
 * The cache key of a public REST GET: the operation and its parsed input, so extra or
 * reordered parameters find the same entry. Null for anything not kept (private, invalid).
 */
export function restCacheKey(url: URL): string | null {
  const match = matchRestRequest("GET", url.pathname);
  if (!match || !("planned" in match) || !match.planned.isPublic) return null;
  const [parser] = procedureOf(match.planned.operation)._def.inputs;
  const raw = queryInput(match.planned, url, match.pathParams);
  const parsed = parser ? parser.safeParse(raw) : { success: true as const, data: null };
  return parsed.success ? `rest:${match.planned.operation.operationId}:${JSON.stringify(parsed.data ?? null)}` : null;
}

/** What an uncached public REST GET spends of its client's rate limit; null for anything not limited. */
export function publicRestCost(url: URL): number | null {
  const match = matchRestRequest("GET", url.pathname);
  return match && "planned" in match && match.planned.isPublic ? match.planned.cost : null;
}

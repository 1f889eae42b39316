import { ZodError } from "zod";
import { InvalidInputError } from "../domain/errors";

/** How each public query parameter is read from a URL. */
const PARAM_KIND = {
  q: "text",
  country: "list",
  partner: "list",
  sector: "list",
  status: "list",
  kind: "list",
  confidence: "list",
  organization: "list",
  from: "text",
  to: "text",
  cursor: "text",
  direction: "text",
  sort: "text",
  lang: "text",
  limit: "number",
} as const;

export type QueryParam = keyof typeof PARAM_KIND;

/** Parameters of `/records`, `/export.csv` and `/export.json` besides paging: the list filters. */
export const LIST_FILTER_PARAMS = ["q", "country", "partner", "sector", "status", "kind", "confidence", "organization", "from", "to"] as const satisfies readonly QueryParam[];

/** Parameters of the feeds: every list filter, how many, which language. */
export const FEED_PARAMS = [...LIST_FILTER_PARAMS, "limit", "lang"] as const satisfies readonly QueryParam[];

/** The `<coop-feed>` attributes that filter, in the order the embed snippet writes them. */
export const WIDGET_PARAMS = ["country", "partner", "sector", "status", "limit", "lang"] as const satisfies readonly QueryParam[];

export type QueryInput<K extends QueryParam> = { [P in K]?: string | string[] | number };

/** How a query parameter's text is read before the validators judge it. */
export type ParamKind = "text" | "list" | "number" | "boolean";

/**
 * Reads the named parameters into the plain object the zod validators expect.
 * Lists may be repeated (`country=ZW&country=CG`) or comma-separated (`country=ZW,CG`);
 * empty values, as an HTML form sends for untouched fields, count as absent.
 * Values are left for the validators to judge, so errors name the parameter.
 */
export function readTypedParams(params: URLSearchParams, kinds: Record<string, ParamKind>): Record<string, string | string[] | number | boolean> {
  const input: Record<string, string | string[] | number | boolean> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    if (kind === "list") {
      const values = params.getAll(name).flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
      if (values.length) input[name] = values;
      continue;
    }
    const value = params.get(name)?.trim();
    if (!value) continue;
    if (kind === "number" && /^\d{1,9}$/.test(value)) input[name] = Number(value);
    else if (kind === "boolean" && (value === "true" || value === "false")) input[name] = value === "true";
    else input[name] = value;
  }
  return input;
}

/** The public parameters of feeds, exports and pages, read by their known kinds. */
export function readQueryParams<K extends QueryParam>(params: URLSearchParams, names: readonly K[]): QueryInput<K> {
  return readTypedParams(params, Object.fromEntries(names.map((name) => [name, PARAM_KIND[name]]))) as QueryInput<K>;
}

export interface ParameterIssue {
  parameter: string;
  message: string;
}

/** What is wrong with the input, per query parameter, or null when the error is not about input. */
export function parameterIssues(error: unknown): ParameterIssue[] | null {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "input"), message: issue.message }));
  }
  if (error instanceof InvalidInputError) return [{ parameter: String(error.path[0] ?? "input"), message: error.reason }];
  return null;
}

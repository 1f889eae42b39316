// The list filters in a URL, read and written by one codec: public pages, feeds, exports and the
// dashboard. Plain code without zod, so the dashboard's browser bundle can load it.

/** How each query parameter is read from a URL; `state` (editorial state) is the dashboard's alone. */
const PARAM_KIND = {
  q: "text",
  state: "list",
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
export const LIST_FILTER_PARAMS = [
  "q",
  "country",
  "partner",
  "sector",
  "status",
  "kind",
  "confidence",
  "organization",
  "from",
  "to",
] as const satisfies readonly QueryParam[];

/** Parameters of the feeds: every list filter, how many, which language. */
export const FEED_PARAMS = [...LIST_FILTER_PARAMS, "limit", "lang"] as const satisfies readonly QueryParam[];

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
      const values = params
        .getAll(name)
        .flatMap((value) => value.split(","))
        .map((value) => value.trim())
        .filter(Boolean);
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

/** The named list parameters of a URL, read by their known kinds. */
export function readQueryParams<K extends QueryParam>(params: URLSearchParams, names: readonly K[]): QueryInput<K> {
  return readTypedParams(params, Object.fromEntries(names.map((name) => [name, PARAM_KIND[name]]))) as QueryInput<K>;
}

export type UrlParams = Record<string, string | number | readonly string[] | null | undefined>;

/** The parameters that have a value, in the order given; lists comma-separated, which `readQueryParams` reads back. */
export function writeQueryParams(params: UrlParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) continue;
    query.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return query;
}

import type { RouterInputs } from "@coop/core/trpc";
import { ZEditorListInput } from "@coop/core/validators/editorial";

type EditorListInput = RouterInputs["agreement"]["listForEditors"];

const LIST_PARAMS = ["state", "country", "partner", "sector", "status", "kind"] as const;
type ListParam = (typeof LIST_PARAMS)[number];

/** The records list filters as they stand in the URL, so a filtered view can be shared. */
export type RecordFilters = { q: string; from: string; to: string } & Record<ListParam, string[]>;

export function filtersFromParams(params: URLSearchParams): RecordFilters {
  const lists = Object.fromEntries(LIST_PARAMS.map((name) => [name, params.getAll(name).filter(Boolean)])) as Record<ListParam, string[]>;
  return { q: params.get("q") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "", ...lists };
}

export function filtersToParams(filters: RecordFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  for (const name of LIST_PARAMS) for (const value of filters[name]) params.append(name, value);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params;
}

/** The API input for these filters; values the API would refuse (a hand-edited URL) are dropped. */
export function listInputOf(filters: RecordFilters, limit = 25): EditorListInput {
  const candidate: Record<string, unknown> = { limit };
  if (filters.q.trim()) candidate.q = filters.q.trim();
  for (const name of LIST_PARAMS) if (filters[name].length) candidate[name] = filters[name];
  if (filters.from) candidate.from = filters.from;
  if (filters.to) candidate.to = filters.to;
  const parsed = ZEditorListInput.safeParse(candidate);
  if (parsed.success) return { ...candidate, limit } as EditorListInput;
  const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return Object.fromEntries(Object.entries(candidate).filter(([name]) => !refused.has(name))) as EditorListInput;
}

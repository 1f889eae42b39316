import type { RouterInputs } from "@coop/core/trpc";
import { ZEditorListInput } from "@coop/core/validators/agreement-editing";
import { LIST_PARAMS, type RecordFilters, type RecordSorting } from "./list-filters";

export type EditorListInput = RouterInputs["agreement"]["listForEditors"];

/** The API input for a list view; filter values the API would refuse (a hand-edited URL) are dropped. */
export function listInputOf(filters: RecordFilters, sorting: RecordSorting, limit = 25): EditorListInput {
  const candidate: Record<string, unknown> = { limit, sort: sorting.sort, order: sorting.order };
  if (filters.q.trim()) candidate.q = filters.q.trim();
  for (const name of LIST_PARAMS) if (filters[name].length) candidate[name] = filters[name];
  if (filters.from) candidate.from = filters.from;
  if (filters.to) candidate.to = filters.to;
  const parsed = ZEditorListInput.safeParse(candidate);
  if (parsed.success) return candidate;
  const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return Object.fromEntries(Object.entries(candidate).filter(([name]) => !refused.has(name)));
}

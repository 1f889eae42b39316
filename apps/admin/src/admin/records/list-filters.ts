import { DEFAULT_EDITOR_SORT_DIRECTION, EDITOR_SORTS, type TEditorSort, type TSortDirection } from "@coop/core/validators/vocabulary";

export const LIST_PARAMS = ["state", "country", "partner", "sector", "status", "kind"] as const;
type ListParam = (typeof LIST_PARAMS)[number];

/** The records list filters as they stand in the URL, so a filtered view can be shared. */
export type RecordFilters = { q: string; from: string; to: string } & Record<ListParam, string[]>;

/** The order of the records list; the URL leaves out the default, latest change first. */
export interface RecordOrder {
  sort: TEditorSort;
  direction: TSortDirection;
}
const DEFAULT_ORDER: RecordOrder = { sort: "updated", direction: "desc" };

export function filtersFromParams(params: URLSearchParams): RecordFilters {
  const lists = Object.fromEntries(LIST_PARAMS.map((name) => [name, params.getAll(name).filter(Boolean)])) as Record<ListParam, string[]>;
  return { q: params.get("q") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "", ...lists };
}

/** The order named in the URL; an unknown sort or direction (a hand-edited URL) falls back to the default. */
export function orderFromParams(params: URLSearchParams): RecordOrder {
  const sort = EDITOR_SORTS.find((name) => name === params.get("sort"));
  if (!sort) return DEFAULT_ORDER;
  const direction = params.get("direction");
  return { sort, direction: direction === "asc" || direction === "desc" ? direction : DEFAULT_EDITOR_SORT_DIRECTION[sort] };
}

/** After a click on a column header: the sorted column flips, another starts in its natural direction. */
export function orderAfterClickOn(current: RecordOrder, sort: TEditorSort): RecordOrder {
  if (current.sort !== sort) return { sort, direction: DEFAULT_EDITOR_SORT_DIRECTION[sort] };
  return { sort, direction: current.direction === "asc" ? "desc" : "asc" };
}

export function filtersToParams(filters: RecordFilters, order: RecordOrder = DEFAULT_ORDER): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  for (const name of LIST_PARAMS) for (const value of filters[name]) params.append(name, value);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (order.sort !== DEFAULT_ORDER.sort || order.direction !== DEFAULT_ORDER.direction) {
    params.set("sort", order.sort);
    params.set("direction", order.direction);
  }
  return params;
}

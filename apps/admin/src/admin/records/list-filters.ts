import { DEFAULT_EDITOR_SORT_ORDER, EDITOR_SORTS, type TEditorSort, type TSortOrder } from "@coop/core/validators/vocabulary";

export const LIST_PARAMS = ["state", "country", "partner", "sector", "status", "kind"] as const;
type ListParam = (typeof LIST_PARAMS)[number];

/** The records list filters as they stand in the URL, so a filtered view can be shared. */
export type RecordFilters = { q: string; from: string; to: string } & Record<ListParam, string[]>;

/** How the records list is sorted; the URL leaves out the default, latest change first. */
export interface RecordSorting {
  sort: TEditorSort;
  order: TSortOrder;
}
const DEFAULT_SORTING: RecordSorting = { sort: "updated", order: "desc" };

export function filtersFromParams(params: URLSearchParams): RecordFilters {
  const lists = Object.fromEntries(LIST_PARAMS.map((name) => [name, params.getAll(name).filter(Boolean)])) as Record<ListParam, string[]>;
  return { q: params.get("q") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "", ...lists };
}

/** The sorting named in the URL; an unknown sort or order (a hand-edited URL) falls back to the default. */
export function sortingFromParams(params: URLSearchParams): RecordSorting {
  const sort = EDITOR_SORTS.find((name) => name === params.get("sort"));
  if (!sort) return DEFAULT_SORTING;
  const order = params.get("order");
  return { sort, order: order === "asc" || order === "desc" ? order : DEFAULT_EDITOR_SORT_ORDER[sort] };
}

/** After a click on a column header: the sorted column flips, another starts in its natural order. */
export function sortingAfterClickOn(current: RecordSorting, sort: TEditorSort): RecordSorting {
  if (current.sort !== sort) return { sort, order: DEFAULT_EDITOR_SORT_ORDER[sort] };
  return { sort, order: current.order === "asc" ? "desc" : "asc" };
}

export function filtersToParams(filters: RecordFilters, sorting: RecordSorting = DEFAULT_SORTING): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  for (const name of LIST_PARAMS) for (const value of filters[name]) params.append(name, value);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (sorting.sort !== DEFAULT_SORTING.sort || sorting.order !== DEFAULT_SORTING.order) {
    params.set("sort", sorting.sort);
    params.set("order", sorting.order);
  }
  return params;
}

/** Where the next page of the list starts; the same on the server, which fetches the first page, and in the browser. */
export function nextPageParamOf(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}

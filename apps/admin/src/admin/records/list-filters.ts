import { readQueryParams, writeQueryParams } from "@coop/core/validators/list-query";
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

/** The filters in the URL, read as the public pages and feeds read theirs; absent ones empty, for the form. */
export function filtersFromParams(params: URLSearchParams): RecordFilters {
  const read = readQueryParams(params, ["q", "from", "to", ...LIST_PARAMS]);
  const text = (name: "q" | "from" | "to") => String(read[name] ?? "");
  const lists = Object.fromEntries(LIST_PARAMS.map((name) => [name, [read[name] ?? []].flat().map(String)])) as Record<ListParam, string[]>;
  return { q: text("q"), from: text("from"), to: text("to"), ...lists };
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

/** The filters and sorting as URL parameters, written as the public pages write theirs. */
export function filtersToParams(filters: RecordFilters, sorting: RecordSorting = DEFAULT_SORTING): URLSearchParams {
  const lists = Object.fromEntries(LIST_PARAMS.map((name) => [name, filters[name]]));
  const isDefaultSorting = sorting.sort === DEFAULT_SORTING.sort && sorting.order === DEFAULT_SORTING.order;
  return writeQueryParams({
    q: filters.q.trim(),
    ...lists,
    from: filters.from,
    to: filters.to,
    ...(isDefaultSorting ? {} : { sort: sorting.sort, order: sorting.order }),
  });
}

/** Where the next page of the list starts; the same on the server, which fetches the first page, and in the browser. */
export function nextPageParamOf(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { filtersFromParams, nextPageParamOf, sortingFromParams } from "@/admin/records/list-filters";
import { listInputOf } from "@/admin/records/list-input";
import { RecordsScreen } from "@/admin/records/records-screen";
import { requireUser, serverQueries } from "@/admin/server-api";
import { toSearchParams } from "@/search-params";

export const metadata: Metadata = { title: "Records" };

/** The first page and the filter options are read here, so the table arrives in the HTML and the browser only hydrates it. */
export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = toSearchParams(await searchParams);
  const filters = filtersFromParams(params);
  const sorting = sortingFromParams(params);
  const input = listInputOf(filters, sorting);
  const { queryClient, trpc } = await serverQueries();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.agreement.listForEditors.infiniteQueryOptions(input, { getNextPageParam: nextPageParamOf })),
    queryClient.prefetchQuery(trpc.taxonomy.countries.queryOptions({})),
    queryClient.prefetchQuery(trpc.taxonomy.sectors.queryOptions({})),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RecordsScreen canPublish={user.role !== "CONTRIBUTOR"} filters={filters} sorting={sorting} input={input} />
    </HydrationBoundary>
  );
}

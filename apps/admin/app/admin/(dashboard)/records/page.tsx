import type { Metadata } from "next";
import { filtersFromParams, orderFromParams } from "@/admin/records/list-filters";
import { listInputOf } from "@/admin/records/list-input";
import { RecordsScreen } from "@/admin/records/records-screen";
import { requireUser, serverApi } from "@/admin/server-api";
import { toSearchParams } from "@/records/search-params";

export const metadata: Metadata = { title: "Records" };

/** The list's first page is read here, so the table arrives in the HTML and the browser only hydrates it. */
export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = toSearchParams(await searchParams);
  const filters = filtersFromParams(params);
  const order = orderFromParams(params);
  const input = listInputOf(filters, order);
  const firstPage = await (await serverApi()).agreement.listForEditors(input);
  return <RecordsScreen canPublish={user.role !== "CONTRIBUTOR"} filters={filters} order={order} input={input} firstPage={firstPage} />;
}

import type { Metadata } from "next";
import { africaMapData } from "@/admin/overview/africa-map-shapes";
import { OverviewScreen } from "@/admin/overview/overview-screen";
import { requireUser, serverApi } from "@/admin/server-api";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  // Pages render beside their layout: check here too, so the API is never called for someone sent away.
  await requireUser();
  const api = await serverApi();
  const [overview, countries] = await Promise.all([api.dashboard.overview(), api.taxonomy.countries({})]);
  const countryNames = Object.fromEntries(countries.map((country) => [country.code, country.name]));
  return <OverviewScreen overview={overview} map={africaMapData()} countryNames={countryNames} />;
}

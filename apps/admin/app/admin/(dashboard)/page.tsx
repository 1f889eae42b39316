import type { Metadata } from "next";
import { AfricaMap } from "@/admin/overview/africa-map";
import { africaMapData } from "@/maps/africa-map-shapes";
import { OverviewScreen } from "@/admin/overview/overview-screen";
import { requireUser, serverApi } from "@/admin/server-api";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  // Pages render beside their layout: check here too, so the API is never called for someone sent away.
  await requireUser();
  const api = await serverApi();
  const [overview, countries] = await Promise.all([api.dashboard.overview(), api.taxonomy.countries({})]);
  const countryNames = Object.fromEntries(countries.map((country) => [country.code, country.name]));
  const countsByCountry = Object.fromEntries(overview.published.byCountry.map((facet) => [facet.value, facet.count]));
  // A server component: the map's shapes reach the browser as SVG only, never as script data.
  const map = <AfricaMap map={africaMapData()} counts={countsByCountry} countryNames={countryNames} />;
  return <OverviewScreen overview={overview} map={map} />;
}

import type { Metadata } from "next";
import { OverviewScreen } from "@/admin/overview/overview-screen";
import { serverApi } from "@/admin/server-api";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const overview = await (await serverApi()).dashboard.overview();
  return <OverviewScreen overview={overview} />;
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TokensScreen } from "@/admin/administration/tokens-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  if ((await requireUser()).role !== "ADMIN") redirect("/admin");
  return <TokensScreen />;
}

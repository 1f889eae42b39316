import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { WebhooksScreen } from "@/admin/administration/webhooks-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  if ((await requireUser()).role !== "ADMIN") redirect("/admin");
  return <WebhooksScreen />;
}

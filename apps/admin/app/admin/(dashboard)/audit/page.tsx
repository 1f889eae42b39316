import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditScreen } from "@/admin/administration/audit-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  if ((await requireUser()).role !== "ADMIN") redirect("/admin");
  return <AuditScreen />;
}

import type { Metadata } from "next";
import { ReportIntakeScreen } from "@/admin/intake/report-intake-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Add from a report" };

export default async function ReportIntakePage() {
  const user = await requireUser();
  return <ReportIntakeScreen canPublish={user.role !== "CONTRIBUTOR"} />;
}

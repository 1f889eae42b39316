import type { Metadata } from "next";
import { HistoryScreen } from "@/admin/records/history-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "History" };

export default async function RecordHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id }] = await Promise.all([requireUser(), params]);
  return <HistoryScreen recordId={id} canRestore={user.role !== "CONTRIBUTOR"} />;
}

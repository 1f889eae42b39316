import type { Metadata } from "next";
import { RecordEditor } from "@/admin/records/record-editor";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "New record" };

export default async function NewRecordPage() {
  const user = await requireUser();
  return <RecordEditor recordId={null} canPublish={user.role !== "CONTRIBUTOR"} />;
}

import type { Metadata } from "next";
import { RecordEditor } from "@/admin/records/record-editor";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Edit record" };

export default async function EditRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id }] = await Promise.all([requireUser(), params]);
  return <RecordEditor key={id} recordId={id} canPublish={user.role !== "CONTRIBUTOR"} />;
}

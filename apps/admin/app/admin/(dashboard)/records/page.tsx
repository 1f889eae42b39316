import type { Metadata } from "next";
import { Suspense } from "react";
import { RecordsScreen } from "@/admin/records/records-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Records" };

export default async function RecordsPage() {
  const user = await requireUser();
  return (
    <Suspense>
      <RecordsScreen canPublish={user.role !== "CONTRIBUTOR"} />
    </Suspense>
  );
}

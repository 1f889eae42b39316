import type { Metadata } from "next";
import { ImportScreen } from "@/admin/import/import-screen";

export const metadata: Metadata = { title: "Import" };

export default function ImportPage() {
  return <ImportScreen />;
}

import type { Metadata } from "next";
import { OrganizationsScreen } from "@/admin/organizations/organizations-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrganizationsPage() {
  const user = await requireUser();
  return <OrganizationsScreen canEdit={user.role !== "CONTRIBUTOR"} />;
}

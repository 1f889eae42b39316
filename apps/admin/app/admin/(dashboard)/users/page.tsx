import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { UsersScreen } from "@/admin/administration/users-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  if ((await requireUser()).role !== "ADMIN") redirect("/admin");
  return <UsersScreen />;
}

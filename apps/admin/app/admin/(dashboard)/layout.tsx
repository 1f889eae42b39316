import type { ReactNode } from "react";
import { AdminShell } from "@/admin/admin-shell";
import { requireUser } from "@/admin/server-api";

export const dynamic = "force-dynamic";

/** Every dashboard screen needs a signed-in user who has set their own password. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <AdminShell user={{ name: user.name, email: user.email, role: user.role }}>{children}</AdminShell>;
}

import type { Metadata } from "next";
import { ReviewScreen } from "@/admin/review/review-screen";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser();
  return <ReviewScreen canReview={user.role !== "CONTRIBUTOR"} />;
}

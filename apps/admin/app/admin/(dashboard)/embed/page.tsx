import type { Metadata } from "next";
import { EmbedScreen } from "@/admin/embed/embed-screen";
import { siteOrigin } from "@/server/public-site";

export const metadata: Metadata = { title: "Embed" };

export default function EmbedPage() {
  return <EmbedScreen siteOrigin={siteOrigin()} />;
}

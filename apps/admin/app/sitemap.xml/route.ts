import { publishing } from "@/server/public-site";

export const dynamic = "force-dynamic";

export const GET = publishing.sitemap;

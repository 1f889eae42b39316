import { publishing } from "@/server/public-site";

export const dynamic = "force-dynamic";

export const GET = publishing.jsonFeed;
export const OPTIONS = publishing.preflight;

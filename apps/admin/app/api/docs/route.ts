import { serveApiReferencePage } from "@/server/api-reference";

export const dynamic = "force-dynamic";

export const GET = serveApiReferencePage;

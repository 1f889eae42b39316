import { serveOpenApiDocument } from "@/server/api-reference";
import { publishing } from "@/server/public-site";

export const dynamic = "force-dynamic";

export const GET = serveOpenApiDocument;
export const OPTIONS = publishing.preflight;

import { serveApiReferenceScript } from "@/server/api-reference";

export const dynamic = "force-dynamic";

export const GET = serveApiReferenceScript;

import { serveWidget } from "@/server/widget-bundle";

export const dynamic = "force-dynamic";

export const GET = serveWidget;

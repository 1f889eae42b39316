import { servePinnedWidget } from "@/server/widget-bundle";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ version: string }> }) {
  return servePinnedWidget(request, (await params).version);
}

import { createAuthRouteHandler } from "@coop/core/auth";
import { publicSurfaceLimits } from "@/env";
import { getAuth } from "@/server/auth";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

let handler: ((request: Request) => Promise<Response>) | undefined;

function handleAuth(request: Request): Promise<Response> {
  handler ??= createAuthRouteHandler({ db: getDb(), auth: getAuth(), bodyLimitBytes: publicSurfaceLimits().authBodyLimitBytes });
  return handler(request);
}

export { handleAuth as GET, handleAuth as POST };

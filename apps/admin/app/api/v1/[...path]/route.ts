import { createRestFetchHandler } from "@coop/core/rest";
import { publicSurfaceLimits, serverEnv, sessionPolicy } from "@/env";
import { getAuth } from "@/server/auth";
import { getDb, getPublicCache, getPublicDb, getRateLimiter } from "@/server/db";

export const dynamic = "force-dynamic";

let handler: ((request: Request) => Promise<Response>) | undefined;

function handleRest(request: Request): Promise<Response> {
  handler ??= createRestFetchHandler({
    getDb,
    getPublicDb,
    getAuth,
    baseUrl: serverEnv().PUBLIC_URL,
    sessionPolicy: sessionPolicy(),
    publicCache: getPublicCache(),
    rateLimiter: getRateLimiter(),
    bodyLimit: publicSurfaceLimits().bodyLimits.api,
  });
  return handler(request);
}

export { handleRest as GET, handleRest as OPTIONS, handleRest as POST, handleRest as PUT };

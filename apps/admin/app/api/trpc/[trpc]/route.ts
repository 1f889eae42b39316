import { createTrpcFetchHandler } from "@coop/core/trpc";
import { publicSurfaceLimits, serverEnv, sessionPolicy } from "@/env";
import { getAuth } from "@/server/auth";
import { getDb, getPublicCache, getPublicDb, getRateLimiter } from "@/server/db";

export const dynamic = "force-dynamic";

let handler: ((request: Request) => Promise<Response>) | undefined;

function handleTrpc(request: Request): Promise<Response> {
  handler ??= createTrpcFetchHandler({
    getDb,
    getPublicDb,
    getAuth,
    baseUrl: serverEnv().PUBLIC_URL,
    sessionPolicy: sessionPolicy(),
    endpoint: "/api/trpc",
    publicCache: getPublicCache(),
    rateLimiter: getRateLimiter(),
    bodyLimits: publicSurfaceLimits().bodyLimits,
  });
  return handler(request);
}

export { handleTrpc as GET, handleTrpc as OPTIONS, handleTrpc as POST };

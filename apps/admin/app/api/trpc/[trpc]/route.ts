import { createTrpcFetchHandler, sharedPublicCache } from "@coop/core/trpc";
import { serverEnv, sessionPolicy } from "@/env";
import { getAuth } from "@/server/auth";
import { getDb, getPublicDb } from "@/server/db";

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
    publicCache: sharedPublicCache(serverEnv().DATABASE_URL, { readsFromReplicas: serverEnv().DATABASE_REPLICA_URLS.length > 0 }),
  });
  return handler(request);
}

export { handleTrpc as GET, handleTrpc as OPTIONS, handleTrpc as POST };

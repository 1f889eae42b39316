import { createTrpcFetchHandler } from "@coop/core/trpc";
import { getDb } from "@/server/db";

const handler = createTrpcFetchHandler({ getDb, endpoint: "/api/trpc" });

export { handler as GET, handler as OPTIONS, handler as POST };

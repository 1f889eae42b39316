// The production web server: Next's request handler behind node:http, so the client
// address comes from the socket (or trusted proxies) and cannot be forged by a header.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { z } from "zod";
import { CLIENT_IP_HEADER, clientIpFrom } from "@coop/core/auth";
import { ZDatabaseReplicaUrls } from "@coop/core/db";
import { cachedPublicAnswer, sharedPublicCache } from "@coop/core/trpc";
import { logUnhandledRejections } from "./process-guards";

logUnhandledRejections();

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535),
    HOST: z.string().min(1),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    DATABASE_URL: z.string().min(1),
    DATABASE_REPLICA_URLS: ZDatabaseReplicaUrls,
  })
  .parse(process.env);

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const app = next({ dev: false, dir: appDir, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const publicCache = sharedPublicCache(env.DATABASE_URL, { readsFromReplicas: env.DATABASE_REPLICA_URLS.length > 0 });

/** Unchanged public answers (API, feeds, oEmbed) leave from here, without entering Next. */
function answerFromCache(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (request.method !== "GET" || !request.url?.startsWith("/")) return false;
  const headers = new Headers();
  for (const name of ["authorization", "if-none-match"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const answer = cachedPublicAnswer(publicCache, { method: "GET", url: `http://localhost${request.url}`, headers });
  if (!answer) return false;
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(answer.body ?? undefined);
  return true;
}

const server = http.createServer((request, response) => {
  const forwardedFor = request.headers["x-forwarded-for"];
  request.headers[CLIENT_IP_HEADER] = clientIpFrom(
    request.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    env.TRUSTED_PROXY_HOPS,
  );
  if (!answerFromCache(request, response)) void handle(request, response);
});
server.listen(env.PORT, env.HOST);

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

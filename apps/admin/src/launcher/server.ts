// The production web server: Next's request handler behind node:http, so the client
// address comes from the socket (or trusted proxies) and cannot be forged by a header.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { z } from "zod";
import { CLIENT_IP_HEADER, clientIpFrom } from "@coop/core/auth";

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535),
    HOST: z.string().min(1),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  })
  .parse(process.env);

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const app = next({ dev: false, dir: appDir, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  const forwardedFor = request.headers["x-forwarded-for"];
  request.headers[CLIENT_IP_HEADER] = clientIpFrom(
    request.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    env.TRUSTED_PROXY_HOPS,
  );
  void handle(request, response);
});
server.listen(env.PORT, env.HOST);

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

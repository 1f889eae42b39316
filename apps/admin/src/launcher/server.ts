// The production web server: Next's request handler behind node:http, so the client
// address comes from the socket (or trusted proxies) and cannot be forged by a header.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { createDb } from "@coop/core/db";
import { cachedPublicAnswer, refuseUnaffordablePublicWork } from "@coop/core/gateway";
import { CLIENT_IP_HEADER, clientIpFrom, proxyTrust, publicSurfaceMetrics, securityHeaders, sharedPublicCache, sharedPublicRateLimiter } from "@coop/core/http";
import { WebhookDeliveryWorker } from "@coop/core/webhooks";
import { publicSurfaceLimits, serverEnv } from "../env";
import { isRouterRequest, publicPageOf } from "./public-pages";
import { createPublicPageRenderer } from "./public-page-cache";
import { webServerEnv } from "./env";
import { logUnhandledRejections } from "./process-guards";

logUnhandledRejections();

const env = webServerEnv();

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const app = next({ dev: false, dir: appDir, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const { DATABASE_URL, DATABASE_REPLICA_URLS, PUBLIC_URL } = serverEnv();
const limits = publicSurfaceLimits();
const publicCache = sharedPublicCache(DATABASE_URL, { readsFromReplicas: DATABASE_REPLICA_URLS.length > 0, maxBytes: limits.cacheBytes });
const rateLimiter = sharedPublicRateLimiter(limits.rateLimit);
const trust = proxyTrust({ proxies: env.TRUSTED_PROXIES, hops: env.TRUSTED_PROXY_HOPS });
const baseHeaders = securityHeaders({ https: new URL(PUBLIC_URL).protocol === "https:" });
const renderPublicPage = createPublicPageRenderer({ handle, publicCache, rateLimiter, baseHeaders });

/** What the decisions made here read of a request: method, URL and the few headers that matter. */
function summaryOf(request: http.IncomingMessage) {
  const headers = new Headers();
  for (const name of ["authorization", "if-none-match", CLIENT_IP_HEADER]) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return { method: request.method ?? "GET", url: `http://localhost${request.url}`, headers };
}

/** Unchanged public answers (API, feeds, oEmbed) leave from here, without entering Next. */
function answerFromCache(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const answer = cachedPublicAnswer(publicCache, summaryOf(request));
  if (!answer) return false;
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(answer.body ?? undefined);
  return true;
}

/** A miss its client cannot pay for is refused here, so a flood of refusals never reaches Next. */
async function refuseUnaffordable(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
  const refusal = refuseUnaffordablePublicWork(rateLimiter, summaryOf(request));
  if (!refusal) return false;
  response.writeHead(refusal.status, Object.fromEntries(refusal.headers));
  response.end(await refusal.text());
  return true;
}

const server = http.createServer((request, response) => {
  request.headers[CLIENT_IP_HEADER] = clientIpFrom(request, trust);
  for (const [name, value] of Object.entries(baseHeaders)) response.setHeader(name, value);
  // A body refused unread (413) is not drained: the connection closes once the answer is out.
  response.once("finish", () => {
    if (!request.complete) request.socket.end();
  });
  if (request.method !== "GET" || !request.url?.startsWith("/")) return void handle(request, response);
  if (answerFromCache(request, response)) return;
  const url = new URL(request.url, "http://localhost");
  const page = publicPageOf(url);
  if (page && "location" in page) return void response.writeHead(308, { Location: page.location }).end();
  if (page) return void renderPublicPage(request, response, page, isRouterRequest(request.headers, url));
  void refuseUnaffordable(request, response).then((refused) => (refused ? undefined : handle(request, response)));
});
server.listen(env.PORT, env.HOST);

// Webhooks leave from every instance; the outbox's row locks keep them from sending one twice.
const webhookDb = createDb(DATABASE_URL, { max: 3 });
const webhooks = new WebhookDeliveryWorker(webhookDb);
webhooks.start();

const metricsServer =
  env.METRICS_PORT === undefined
    ? null
    : http
        .createServer((request, response) => {
          if (request.url !== "/metrics") return void response.writeHead(404).end();
          const { registry } = publicSurfaceMetrics();
          void registry.metrics().then((text) => response.writeHead(200, { "Content-Type": registry.contentType }).end(text));
        })
        .listen(env.METRICS_PORT, env.METRICS_HOST);

const shutdown = () => {
  metricsServer?.close();
  const closed = new Promise((resolve) => server.close(resolve));
  void Promise.all([closed, webhooks.stop()]).then(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

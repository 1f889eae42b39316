import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { AuthenticationError, resolveActor } from "../auth/actor";
import type { Auth, SessionPolicy } from "../auth/auth";
import { trustedOrigins } from "../auth/origins";
import type { Db } from "../db/client";
import { PRIVATE_CACHE_CONTROL } from "../http/headers";
import type { PublicResponseCache } from "../http/public-cache";
import { servePublicCached } from "../http/public-responses";
import { publicSurfaceMetrics } from "../http/metrics";
import { admitPublicWork, type ClientRateLimiter } from "../http/rate-limit";
import { payloadTooLargeMessage, readBodyWithin } from "../http/request-body";
import type { Context, Meta } from "./init";
import { planRefusal, planTrpcRequest, trpcCacheKey } from "./request-plan";
import { appRouter } from "./root";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } } | undefined>;

function isPublicPath(path: string): boolean {
  return procedures[path]?._def.meta?.access === "public";
}

export interface TrpcHandlerOptions {
  getDb: () => Db;
  /** Where public procedures read (a replica); by default `getDb`. */
  getPublicDb?: () => Db;
  getAuth: () => Auth;
  /** Public origin of the site; mutations from browsers must come from it. */
  baseUrl: string;
  sessionPolicy?: SessionPolicy;
  endpoint?: string;
  /** Serves public GETs from memory until the data changes. */
  publicCache?: PublicResponseCache;
  /** Limits uncached public work per client address. */
  rateLimiter?: ClientRateLimiter;
  /** Largest request bodies read, in bytes. */
  bodyLimits?: Partial<TrpcBodyLimits>;
}

export interface TrpcBodyLimits {
  /** Every procedure but the import. */
  api: number;
  /** `import.run` and `import.stream`, which carry a whole file. */
  import: number;
}

/** A record with long texts fits in the first; a 10,000-row import file in the second. */
export const DEFAULT_TRPC_BODY_LIMITS: TrpcBodyLimits = { api: 1024 * 1024, import: 8 * 1024 * 1024 };

/** An error in tRPC's own envelope, so every client reads it like any other. */
function trpcError(status: number, code: TRPC_ERROR_CODE_KEY, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { message, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status } } },
    { status, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL, "Access-Control-Allow-Origin": "*", ...headers } },
  );
}

/** A 429 in tRPC's envelope, with the seconds to wait as header and in words. */
export const tooManyRequests = (retryAfterSeconds: number, message: string) =>
  trpcError(429, "TOO_MANY_REQUESTS", message, { "Retry-After": String(retryAfterSeconds) });

/** Reads a POST body up to its limit while it arrives, so tRPC never sees (or buffers) an oversized one. */
async function withLimitedBody(request: Request, limitBytes: number): Promise<Request | null> {
  if (request.method !== "POST") return request;
  const body = await readBodyWithin(request, limitBytes);
  if (!body) return null;
  return new Request(request.url, { method: "POST", headers: request.headers, body });
}

/** The caller and databases of one HTTP request; a bad session or token is a 401. */
export async function createRequestContext(
  options: Pick<TrpcHandlerOptions, "getDb" | "getPublicDb" | "getAuth" | "sessionPolicy" | "baseUrl">,
  request: Request,
): Promise<Context> {
  const db = options.getDb();
  try {
    const actor = await resolveActor({ db, auth: options.getAuth(), sessionPolicy: options.sessionPolicy }, request.headers);
    const origin = request.headers.get("origin");
    const publicDb = options.getPublicDb?.() ?? db;
    return { db, publicDb, actor, sameOrigin: origin !== null && trustedOrigins(options.baseUrl).includes(origin), baseUrl: options.baseUrl };
  } catch (error) {
    if (error instanceof AuthenticationError) throw new TRPCError({ code: "UNAUTHORIZED", message: error.message });
    throw error;
  }
}

/**
 * The `/api/trpc` handler: public queries are GET-cacheable with ETags and CORS `*`;
 * everything else is `private, no-store`. Batches over the size or cost ceiling are
 * refused before anything runs, bodies are cut at their limit, and uncached anonymous
 * work is rate limited per client.
 */
export function createTrpcFetchHandler(options: TrpcHandlerOptions) {
  const endpoint = options.endpoint ?? "/api/trpc";
  const bodyLimits = { ...DEFAULT_TRPC_BODY_LIMITS, ...options.bodyLimits };
  const metrics = publicSurfaceMetrics();
  return async function handleTrpcRequest(incoming: Request): Promise<Response> {
    if (incoming.method === "OPTIONS") {
      return new Response(null, {
        status: 204,
        headers: {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": "GET",
          "Access-Control-Max-Age": "86400",
        },
      });
    }
    const url = new URL(incoming.url);
    const plan = planTrpcRequest(url, endpoint);
    const refusal = planRefusal(plan);
    if (refusal) {
      metrics.oversizedRequests.inc();
      return trpcError(400, "BAD_REQUEST", refusal);
    }
    const bodyLimit = plan.paths.every((path) => path.startsWith("import.")) ? bodyLimits.import : bodyLimits.api;
    const request = await withLimitedBody(incoming, bodyLimit);
    if (!request) {
      metrics.payloadTooLarge.inc({ route: "api" });
      return trpcError(413, "PAYLOAD_TOO_LARGE", payloadTooLargeMessage(bodyLimit));
    }
    // Public GETs without credentials are answered from memory while the data is unchanged.
    return servePublicCached(request, options.publicCache, trpcCacheKey(url, endpoint), async () => {
      const publicGet = request.method === "GET" && plan.publicOnly;
      const refused = publicGet ? admitPublicWork(request, options.rateLimiter, { surface: "api", cost: plan.cost }, tooManyRequests) : null;
      if (refused) return refused;
      let cacheable = false;
      const response = await fetchRequestHandler({
        endpoint,
        req: request,
        router: appRouter,
        createContext: () => createRequestContext(options, request),
        responseMeta({ paths, type, errors }) {
          const publicAnswer = request.method === "GET" && type === "query" && !!paths?.length && paths.every(isPublicPath);
          cacheable = publicAnswer && errors.length === 0;
          if (publicAnswer) return { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": PRIVATE_CACHE_CONTROL } };
          return { headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } };
        },
        onError({ error, path }) {
          if (error.code === "INTERNAL_SERVER_ERROR") {
            console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
          }
        },
      });
      if (!cacheable || response.status !== 200) return response;
      return { body: await response.text(), headers: response.headers };
    });
  };
}

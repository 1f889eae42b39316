import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { AuthenticationError, resolveActor } from "../auth/actor";
import type { Auth, SessionPolicy } from "../auth/auth";
import { trustedOrigins } from "../auth/origins";
import type { Db } from "../db/client";
import { publicCacheKeyOf } from "../http/public-requests";
import { API_CONTENT_SECURITY_POLICY, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../http/headers";
import { publicSurfaceMetrics } from "../http/metrics";
import { admitPublicWork, type ClientRateLimiter } from "../http/rate-limit";
import { payloadTooLargeMessage, readBodyWithin } from "../http/request-body";
import type { Context, Meta } from "./init";
import type { PublicResponseCache } from "./public-cache";
import { planRefusal, planTrpcRequest, trpcCacheKey } from "./request-plan";
import { appRouter } from "./root";

export { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL };

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } } | undefined>;

function isPublicPath(path: string): boolean {
  return procedures[path]?._def.meta?.access === "public";
}

/** Strong ETag of a response body. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** True when the request's If-None-Match names this ETag (or `*`). */
export function matchesIfNoneMatch(request: { headers: Headers }, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** A body streamed from the database, with an ETag computed beforehand from a cheap fingerprint of its data. */
export interface StreamedBody {
  etag: string;
  /** Called only when the client does not have this version already. */
  open: () => ReadableStream<Uint8Array> | string;
}

/**
 * Sends a public body with its ETag, answering 304 when the client already has it.
 * Shared by the tRPC endpoint, feeds and exports.
 */
export function publicResponse(request: Request, body: string | Uint8Array<ArrayBuffer> | StreamedBody, headers: Headers | Record<string, string>): Response {
  const streamed = typeof body === "object" && "open" in body;
  const etag = streamed ? body.etag : etagOf(body);
  const merged = publicHeaders(etag, headers);
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers: merged });
  return new Response(streamed ? body.open() : body, { status: 200, headers: merged });
}

/** The headers every public response carries, around its own. */
export function publicHeaders(etag: string, headers: Headers | Record<string, string> | [string, string][]): Headers {
  const merged = new Headers(headers);
  merged.set("ETag", etag);
  merged.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  merged.set("Access-Control-Allow-Origin", "*");
  merged.set("Access-Control-Expose-Headers", "ETag");
  merged.set("X-Content-Type-Options", "nosniff");
  // A page brings its own policy; JSON, feeds and exports load nothing.
  if (!merged.has("Content-Security-Policy")) merged.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  merged.append("Vary", "Accept-Encoding");
  return merged;
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
export async function createRequestContext(options: Pick<TrpcHandlerOptions, "getDb" | "getPublicDb" | "getAuth" | "sessionPolicy" | "baseUrl">, request: Request): Promise<Context> {
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

/** A cached public answer as plain status, headers and body, or null: for servers that answer before any framework runs. */
export function cachedPublicAnswer(
  cache: PublicResponseCache,
  request: { method: string; url: string; headers: Headers },
): { status: 200 | 304; headers: Headers; body: Uint8Array<ArrayBuffer> | null } | null {
  const key = publicCacheKeyOf(request);
  const cached = key ? cache.get(key) : undefined;
  if (!cached) return null;
  const headers = publicHeaders(cached.etag, cached.headers);
  const notModified = matchesIfNoneMatch(request, cached.etag);
  return { status: notModified ? 304 : 200, headers, body: notModified ? null : cached.body };
}

/** A public body ready to send and to keep: computed from published data only. */
export interface PublicBody {
  body: string;
  headers: Headers | Record<string, string>;
}

/**
 * Answers a public GET from the cache under `key`, or computes it and keeps the body for
 * the data version it was computed at. Only the computation is ever refused by the rate
 * limit (in `compute`); a computed `Response` (an error, a refusal) is sent as is.
 * Shared by the tRPC endpoint, feeds and oEmbed.
 */
export async function servePublicCached(
  request: Request,
  cache: PublicResponseCache | undefined,
  key: string | null,
  compute: () => Promise<PublicBody | Response>,
): Promise<Response> {
  const cacheKey = cache && key && request.method === "GET" && !request.headers.has("authorization") ? key : null;
  const cached = cacheKey ? cache!.get(cacheKey) : undefined;
  if (cached) {
    const headers = publicHeaders(cached.etag, cached.headers);
    if (matchesIfNoneMatch(request, cached.etag)) return new Response(null, { status: 304, headers });
    return new Response(cached.body, { status: 200, headers });
  }
  publicSurfaceMetrics().cacheMisses.inc();
  const versionAtStart = cache?.currentVersion() ?? null;
  const computed = await compute();
  if (computed instanceof Response) return computed;
  if (cacheKey) {
    const body = Buffer.from(computed.body);
    cache!.set(cacheKey, versionAtStart, { body, etag: etagOf(body), headers: [...new Headers(computed.headers)] });
  }
  return publicResponse(request, computed.body, computed.headers);
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

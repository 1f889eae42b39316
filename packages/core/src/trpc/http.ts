import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { AuthenticationError, resolveActor } from "../auth/actor";
import type { Auth, SessionPolicy } from "../auth/auth";
import { trustedOrigins } from "../auth/origins";
import type { Db } from "../db/client";
import type { Context, Meta } from "./init";
import type { PublicResponseCache } from "./public-cache";
import { appRouter } from "./root";

export const PUBLIC_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=86400";
export const PRIVATE_CACHE_CONTROL = "private, no-store";

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
export function publicResponse(request: Request, body: string | StreamedBody, headers: Headers | Record<string, string>): Response {
  const etag = typeof body === "string" ? etagOf(body) : body.etag;
  const merged = publicHeaders(etag, headers);
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers: merged });
  return new Response(typeof body === "string" ? body : body.open(), { status: 200, headers: merged });
}

/** The headers every public response carries, around its own. */
export function publicHeaders(etag: string, headers: Headers | Record<string, string> | [string, string][]): Headers {
  const merged = new Headers(headers);
  merged.set("ETag", etag);
  merged.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  merged.set("Access-Control-Allow-Origin", "*");
  merged.set("Access-Control-Expose-Headers", "ETag");
  merged.set("X-Content-Type-Options", "nosniff");
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
}

/** Large enough for a record with long texts, small enough to refuse abuse early. */
export const MAX_TRPC_BODY_BYTES = 8 * 1024 * 1024;

function payloadTooLarge(): Response {
  const message = `The request body must be at most ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MB`;
  return Response.json(
    { error: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } },
    { status: 413, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } },
  );
}

/** Reads a POST body up to the limit, so tRPC never buffers an oversized one. */
async function withLimitedBody(request: Request): Promise<Request | null> {
  if (request.method !== "POST") return request;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_TRPC_BODY_BYTES) return null;
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_TRPC_BODY_BYTES) return null;
  return new Request(request.url, { method: "POST", headers: request.headers, body });
}

async function createRequestContext(options: TrpcHandlerOptions, request: Request): Promise<Context> {
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

/** Which cache entry a request may be answered from: public GETs without credentials only. */
export function publicCacheKey(request: { method: string; url: string; headers: Headers }): string | null {
  if (request.method !== "GET" || request.headers.has("authorization")) return null;
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** A cached public answer as plain status, headers and body, or null: for servers that answer before any framework runs. */
export function cachedPublicAnswer(
  cache: PublicResponseCache,
  request: { method: string; url: string; headers: Headers },
): { status: 200 | 304; headers: Headers; body: string | null } | null {
  const key = publicCacheKey(request);
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
 * Answers a public GET from the cache, or computes it and keeps the body for the data
 * version it was computed at. A computed `Response` (an error, a private answer) is sent as is.
 * Shared by the tRPC endpoint, feeds and oEmbed.
 */
export async function servePublicCached(
  request: Request,
  cache: PublicResponseCache | undefined,
  compute: () => Promise<PublicBody | Response>,
): Promise<Response> {
  const cached = cache ? cachedPublicAnswer(cache, request) : null;
  if (cached) return new Response(cached.body, { status: cached.status, headers: cached.headers });
  const cacheKey = cache ? publicCacheKey(request) : null;
  const versionAtStart = cache?.currentVersion() ?? null;
  const computed = await compute();
  if (computed instanceof Response) return computed;
  if (cacheKey) cache!.set(cacheKey, versionAtStart, { body: computed.body, etag: etagOf(computed.body), headers: [...new Headers(computed.headers)] });
  return publicResponse(request, computed.body, computed.headers);
}

/**
 * The `/api/trpc` handler: public queries are GET-cacheable with ETags and CORS `*`;
 * everything else is `private, no-store`.
 */
export function createTrpcFetchHandler(options: TrpcHandlerOptions) {
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
    const request = await withLimitedBody(incoming);
    if (!request) return payloadTooLarge();
    // Public GETs without credentials are answered from memory while the data is unchanged.
    return servePublicCached(request, options.publicCache, async () => {
      let cacheable = false;
      const response = await fetchRequestHandler({
        endpoint: options.endpoint ?? "/api/trpc",
        req: request,
        router: appRouter,
        createContext: () => createRequestContext(options, request),
        responseMeta({ paths, type, errors }) {
          const publicGet = request.method === "GET" && type === "query" && !!paths?.length && paths.every(isPublicPath);
          cacheable = publicGet && errors.length === 0;
          if (publicGet) return { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": PRIVATE_CACHE_CONTROL } };
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

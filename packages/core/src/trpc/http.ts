import { createHash } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "../db/client";
import { createContextInner, type Meta } from "./init";
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
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Sends a public body with its ETag, answering 304 when the client already has it.
 * Shared by the tRPC endpoint, feeds and exports.
 */
export function publicResponse(request: Request, body: string, headers: Headers | Record<string, string>): Response {
  const etag = etagOf(body);
  const merged = new Headers(headers);
  merged.set("ETag", etag);
  merged.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  merged.set("Access-Control-Allow-Origin", "*");
  merged.set("Access-Control-Expose-Headers", "ETag");
  merged.append("Vary", "Accept-Encoding");
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers: merged });
  return new Response(body, { status: 200, headers: merged });
}

/**
 * The `/api/trpc` handler: public queries are GET-cacheable with ETags and CORS `*`;
 * everything else is `private, no-store`.
 */
export function createTrpcFetchHandler(options: { getDb: () => Db; endpoint?: string }) {
  return async function handleTrpcRequest(request: Request): Promise<Response> {
    if (request.method === "OPTIONS") {
      return new Response(null, {
        status: 204,
        headers: {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": "GET",
          "Access-Control-Max-Age": "86400",
        },
      });
    }
    let cacheable = false;
    const response = await fetchRequestHandler({
      endpoint: options.endpoint ?? "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => createContextInner({ db: options.getDb() }),
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
    return publicResponse(request, await response.text(), response.headers);
  };
}

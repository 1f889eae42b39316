import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { isDatabaseUnavailable } from "../db/errors";
import { ConflictError } from "../domain/errors";
import { API_CONTENT_SECURITY_POLICY, PRIVATE_CACHE_CONTROL } from "../http/headers";
import { publicSurfaceMetrics } from "../http/metrics";
import { admitPublicWork } from "../http/rate-limit";
import { payloadTooLargeMessage, readBodyWithin } from "../http/request-body";
import { corsPreflight, jsonError, tooManyRequests } from "../http/responses";
import { servePublicCached } from "../http/public-responses";
import { createRequestContext, DEFAULT_TRPC_BODY_LIMITS, type TrpcHandlerOptions } from "../trpc/fetch-handler";
import { fieldIssues } from "../trpc/init";
import { createCaller } from "../trpc/root";
import { type PlannedOperation, matchRestRequest, queryInput, restCacheKey } from "./requests";

export type RestHandlerOptions = Pick<TrpcHandlerOptions, "getDb" | "getPublicDb" | "getAuth" | "baseUrl" | "sessionPolicy" | "publicCache" | "rateLimiter"> & {
  /** Largest request body read, in bytes (API_BODY_LIMIT_KIB). */
  bodyLimit?: number;
};

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The procedure's answer or the error it threw, as REST sends it: the same error shape as the feeds and exports. */
function errorResponse(error: unknown): Response {
  if (!(error instanceof TRPCError)) {
    if (isDatabaseUnavailable(error)) return jsonError(503, "service_unavailable", "The database is unavailable; try again shortly.");
    console.error("REST request failed:", error);
    return jsonError(500, "internal_server_error", "Internal error");
  }
  const status = getHTTPStatusCodeFromError(error);
  if (status >= 500 && error.code === "INTERNAL_SERVER_ERROR") console.error("REST request failed:", error.cause ?? error);
  const issues = fieldIssues(error.cause);
  const message = issues ? issues.map((issue) => `${issue.path || "input"}: ${issue.message}`).join("; ") : error.message;
  const conflict = error.cause instanceof ConflictError ? { conflict: error.cause.details ?? null } : undefined;
  return jsonError(
    status,
    error.code.toLowerCase(),
    message,
    issues?.map((issue) => ({ parameter: issue.path || "input", message: issue.message })),
    conflict,
  );
}

function privateJson(data: unknown, status: number): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: {
      "Content-Type": JSON_CONTENT_TYPE,
      "Cache-Control": PRIVATE_CACHE_CONTROL,
      "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** 308 to the same request under the record's current slug, when it was asked for by a former one. */
function movedRecordResponse(url: URL, requested: string | undefined, answer: unknown): Response | null {
  const current = (answer as { slug?: unknown }).slug;
  if (!requested || typeof current !== "string" || current === requested) return null;
  // A relative location: the request's own host may be an internal one behind the proxy.
  const path = url.pathname.replace(/\/[^/]+$/, `/${encodeURIComponent(current)}`);
  // Not kept by shared caches: the record may be renamed again; readable across origins, as the record is.
  return new Response(null, {
    status: 308,
    headers: { Location: `${path}${url.search}`, "Cache-Control": PRIVATE_CACHE_CONTROL, "Access-Control-Allow-Origin": "*" },
  });
}

/** A body-carrying request's input: its JSON object, with the path parameters; null when the body is too large. */
async function bodyInput(request: Request, limit: number, pathParams: Record<string, string>): Promise<Record<string, unknown> | null> {
  const body = await readBodyWithin(request, limit);
  if (!body) return null;
  let parsed: unknown;
  try {
    parsed = body.byteLength ? JSON.parse(new TextDecoder().decode(body)) : {};
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "body: is not valid JSON" });
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new TRPCError({ code: "BAD_REQUEST", message: "body: must be a JSON object" });
  return { ...(parsed as Record<string, unknown>), ...pathParams };
}

/**
 * `/api/v1/*`: plain REST over the same procedures as `/api/trpc`, so the same input
 * schemas, roles, token scopes and domain rules apply. Public GETs share the response
 * cache (canonical keys), ETags, CORS and per-client limit of the rest of the public
 * surface; everything else is `private, no-store`. Errors are `{ error, message, issues? }`.
 */
export function createRestFetchHandler(options: RestHandlerOptions) {
  const bodyLimit = options.bodyLimit ?? DEFAULT_TRPC_BODY_LIMITS.api;
  const call = async (request: Request, planned: PlannedOperation, input: unknown) => {
    const caller = createCaller(await createRequestContext(options, request)) as unknown as Record<
      string,
      Record<string, (input: unknown) => Promise<unknown>>
    >;
    const [namespace, name] = planned.operation.procedure.split(".") as [string, string];
    return caller[namespace]![name]!(input);
  };

  return async function handleRestRequest(request: Request): Promise<Response> {
    if (request.method === "OPTIONS") return corsPreflight();
    const url = new URL(request.url);
    const match = matchRestRequest(request.method, url.pathname);
    if (!match) return jsonError(404, "not_found", `No API path ${url.pathname}; the paths are listed in /api/openapi.json`);
    if (!("planned" in match)) {
      const response = jsonError(405, "method_not_allowed", `${request.method} is not allowed here; use ${match.allowedMethods.join(" or ")}`);
      response.headers.set("Allow", match.allowedMethods.join(", "));
      return response;
    }
    const { planned, pathParams } = match;
    try {
      if (planned.operation.method === "GET") {
        const input = queryInput(planned, url, pathParams);
        if (!planned.isPublic) return privateJson(await call(request, planned, input), 200);
        return await servePublicCached(request, options.publicCache, restCacheKey(url), async () => {
          const refused = admitPublicWork(request, options.rateLimiter, { surface: "api", cost: planned.cost }, tooManyRequests);
          if (refused) return refused;
          try {
            const answer = await call(request, planned, input);
            const moved = planned.operation.redirectsFormerSlug ? movedRecordResponse(url, pathParams.slug, answer) : null;
            return moved ?? { body: JSON.stringify(answer), headers: { "Content-Type": JSON_CONTENT_TYPE } };
          } catch (error) {
            return errorResponse(error);
          }
        });
      }
      // Every REST write needs credentials: say so before any cross-site check speaks of origins.
      if (!request.headers.has("authorization") && !request.headers.has("cookie")) {
        return jsonError(401, "unauthorized", "Send an API token as `Authorization: Bearer <token>`");
      }
      const input = await bodyInput(request, bodyLimit, pathParams);
      if (!input) {
        publicSurfaceMetrics().payloadTooLarge.inc({ route: "api" });
        return jsonError(413, "payload_too_large", payloadTooLargeMessage(bodyLimit), undefined, { limitBytes: bodyLimit });
      }
      return privateJson(await call(request, planned, input), planned.operation.status ?? 200);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

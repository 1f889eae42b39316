import { isDatabaseUnavailable } from "../db/errors";
import { NotFoundError } from "../domain/errors";
import { type ParameterIssue, parameterIssues } from "../publishing/query-params";
import { PRIVATE_CACHE_CONTROL } from "./headers";

type Handler = (request: Request) => Promise<Response>;

const ERROR_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": PRIVATE_CACHE_CONTROL,
  // Cross-origin readers (the widget, other sites) should see why a request failed.
  "Access-Control-Allow-Origin": "*",
  // Retry-After tells a cross-origin reader when to come back.
  "Access-Control-Expose-Headers": "Retry-After",
  "X-Content-Type-Options": "nosniff",
};

/**
 * A plain JSON error: a machine-readable `error`, a readable `message`, for bad input the
 * parameters (or body fields) at fault, and any details a client needs to recover (`conflict`).
 */
export function jsonError(status: number, error: string, message: string, issues?: ParameterIssue[], details?: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ error, message, ...(issues ? { issues } : {}), ...details }), { status, headers: ERROR_HEADERS });
}

/** A 429 with the seconds to wait, as header and in words. */
export function tooManyRequests(retryAfterSeconds: number, message: string): Response {
  const response = jsonError(429, "too_many_requests", message);
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

/** Answer to a CORS preflight: these endpoints are public GETs for any origin. */
export function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * Wraps a public GET handler: bad input is a 400 naming each parameter, an unknown
 * record a 404, a database outage a 503, and anything else a 500 without details.
 */
export function publicEndpoint(name: string, handler: Handler): Handler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      const issues = parameterIssues(error);
      if (issues) {
        const message = issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; ");
        return jsonError(400, "bad_request", message, issues);
      }
      if (error instanceof NotFoundError) return jsonError(404, "not_found", error.message);
      if (isDatabaseUnavailable(error)) return jsonError(503, "unavailable", "The database is unavailable; try again shortly.");
      console.error(`${name} failed:`, error);
      return jsonError(500, "internal", "Internal error");
    }
  };
}

/** Characters gathered before a chunk goes out: fewer, larger writes than one per record. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A byte stream over text chunks, pulled only as fast as the client reads. Cancelling
 * it (the client went away) stops the generator, and with it the database walk.
 */
export function textStream(name: string, chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      try {
        while (text.length < CHUNK_CHARS) {
          const next = await iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += next.value;
        }
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        // Headers are gone already: cut the body short so the client sees an incomplete file, not a wrong one.
        console.error(`${name} failed while streaming:`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

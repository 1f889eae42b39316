import type { Db } from "../db/client";
import { writeAudit } from "../domain/audit";
import { beginLoginAttempt, consumeRateLimit, purgeStaleRateLimitBuckets, recordLoginFailure, recordLoginSuccess } from "../domain/login-limits";
import { clientIpOf } from "../http/client-ip";
import { publicSurfaceMetrics } from "../http/metrics";
import { payloadTooLargeResponse, readBodyWithin } from "../http/request-body";
import { ZEmail } from "../validators/accounts";
import type { Auth } from "./auth";

/** The only better-auth endpoints exposed: everything else (sign-up, password change) goes through our rules. */
const EXPOSED_ROUTES = new Set(["POST /sign-in/email", "POST /sign-out", "GET /get-session"]);
/** A sign-in is an email and a password: a few hundred bytes. */
export const DEFAULT_AUTH_BODY_LIMIT_BYTES = 16 * 1024;
/** Per client IP and route, across all instances. */
export const AUTH_IP_LIMIT = { max: 30, windowSeconds: 60 };
/** How often an instance sweeps stale limiter rows, on the back of auth traffic. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store", ...headers } });
}

function tooManyAttempts(retryAfterSeconds: number): Response {
  return json(
    429,
    { code: "TOO_MANY_ATTEMPTS", message: `Too many attempts; try again in ${retryAfterSeconds} seconds.` },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/**
 * `/api/auth/*`: better-auth behind a per-IP limiter, an account lockout keyed on
 * the normalised email (never other body fields) and audit rows for sign-in and out.
 */
export function createAuthRouteHandler(deps: { db: Db; auth: Auth; bodyLimitBytes?: number }) {
  const { db, auth, bodyLimitBytes = DEFAULT_AUTH_BODY_LIMIT_BYTES } = deps;
  let nextPurgeAt = 0;

  function purgeStaleBucketsNowAndThen(): void {
    if (Date.now() < nextPurgeAt) return;
    nextPurgeAt = Date.now() + PURGE_INTERVAL_MS;
    purgeStaleRateLimitBuckets(db).catch((error: Error) => console.error(`Purging stale rate-limit buckets failed: ${error.message}`));
  }

  async function signIn(request: Request, body: string, ip: string | null): Promise<Response> {
    const fields = JSON.parse(body || "{}") as { email?: unknown };
    const email = ZEmail.safeParse(fields.email);
    if (!email.success) return auth.handler(request);
    // Counted before the password is checked: parallel guesses cannot outrun the lockout.
    const attempt = await beginLoginAttempt(db, email.data);
    if (!attempt.allowed) {
      await writeAudit(db, { actorLabel: email.data, ip, action: "login.refused", details: { reason: "account locked" } });
      return tooManyAttempts(attempt.retryAfterSeconds);
    }
    // better-auth looks the account up by the same normalised email the lockout counts.
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    const response = await auth.handler(new Request(request.url, { method: "POST", headers, body: JSON.stringify({ ...fields, email: email.data }) }));
    if (response.status === 200) {
      const { user } = (await response.clone().json()) as { user: { id: string } };
      const account = await db.user.findUnique({ where: { id: user.id }, select: { active: true } });
      if (account?.active) {
        await recordLoginSuccess(db, email.data);
        await writeAudit(db, { actorId: user.id, actorLabel: email.data, ip, action: "login.success" });
        return response;
      }
      // Deactivated: drop the new session and answer exactly like a wrong password.
      await db.session.deleteMany({ where: { userId: user.id } });
    }
    await recordLoginFailure(db, email.data);
    if (response.status === 200 || response.status === 401) {
      await writeAudit(db, { actorLabel: email.data, ip, action: "login.failure" });
      return json(401, { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
    }
    return response;
  }

  async function signOut(request: Request, ip: string | null): Promise<Response> {
    const session = await auth.api.getSession({ headers: request.headers });
    const response = await auth.handler(request);
    if (session && response.ok) {
      await writeAudit(db, { actorId: session.user.id, actorLabel: session.user.email, ip, action: "logout" });
    }
    return response;
  }

  return async function handleAuthRequest(request: Request): Promise<Response> {
    const route = new URL(request.url).pathname.replace(/^\/api\/auth/, "") || "/";
    if (!EXPOSED_ROUTES.has(`${request.method} ${route}`)) return json(404, { code: "NOT_FOUND", message: "Not found" });
    if (request.method !== "POST") return auth.handler(request);

    purgeStaleBucketsNowAndThen();
    const ip = clientIpOf(request.headers);
    const quota = await consumeRateLimit(db, `ip:${route}:${ip ?? "unknown"}`, AUTH_IP_LIMIT);
    if (!quota.allowed) {
      publicSurfaceMetrics().rateLimited.inc({ surface: "auth" });
      return tooManyAttempts(quota.retryAfterSeconds);
    }
    const bytes = await readBodyWithin(request, bodyLimitBytes);
    if (bytes === null) {
      publicSurfaceMetrics().payloadTooLarge.inc({ route: "auth" });
      return payloadTooLargeResponse(bodyLimitBytes);
    }
    const body = new TextDecoder().decode(bytes);
    const forwarded = new Request(request.url, { method: "POST", headers: request.headers, body });
    try {
      if (route === "/sign-in/email") return await signIn(forwarded, body, ip);
    } catch (error) {
      if (error instanceof SyntaxError) return json(400, { code: "INVALID_JSON", message: "The request body must be JSON." });
      throw error;
    }
    return signOut(forwarded, ip);
  };
}

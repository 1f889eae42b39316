import type { Db } from "../db/client";
import { writeAudit } from "../domain/audit";
import { ZEmail } from "../validators/accounts";
import { clientIpOf } from "./actor";
import type { Auth } from "./auth";
import { beginLoginAttempt, consumeRateLimit, recordLoginFailure, recordLoginSuccess } from "./limiter";

/** The only better-auth endpoints exposed: everything else (sign-up, password change) goes through our rules. */
const EXPOSED_ROUTES = new Set(["POST /sign-in/email", "POST /sign-out", "GET /get-session"]);
const MAX_BODY_BYTES = 16 * 1024;
/** Per client IP and route, across all instances. */
export const AUTH_IP_LIMIT = { max: 30, windowSeconds: 60 };

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

/** The request body as text, or null when it is larger than the limit. */
async function readLimitedBody(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > maxBytes ? null : new TextDecoder().decode(bytes);
}

/**
 * `/api/auth/*`: better-auth behind a per-IP limiter, an account lockout keyed on
 * the normalised email (never other body fields) and audit rows for sign-in and out.
 */
export function createAuthRouteHandler(deps: { db: Db; auth: Auth }) {
  const { db, auth } = deps;

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

    const ip = clientIpOf(request.headers);
    const quota = await consumeRateLimit(db, `ip:${route}:${ip ?? "unknown"}`, AUTH_IP_LIMIT);
    if (!quota.allowed) return tooManyAttempts(quota.retryAfterSeconds);
    const body = await readLimitedBody(request, MAX_BODY_BYTES);
    if (body === null) return json(413, { code: "PAYLOAD_TOO_LARGE", message: `The request body must be at most ${MAX_BODY_BYTES} bytes.` });
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

import { randomBytes } from "node:crypto";
import { createAuth, createAuthRouteHandler } from "@coop/core/auth";
import { CLIENT_IP_HEADER } from "@coop/core/http";
import type { Db } from "@coop/core/db";
import { createUserWithPassword } from "@coop/core/domain";
import { createTrpcFetchHandler } from "@coop/core/trpc";

export const TEST_BASE_URL = "http://coop.test";

/** The app's two HTTP surfaces, in process, over a test database: what a server instance would run. */
export function testServer(db: Db, baseUrl = TEST_BASE_URL) {
  const auth = createAuth({ db, baseUrl, secret: "test-secret-".padEnd(48, "x") });
  return {
    baseUrl,
    auth,
    trpc: createTrpcFetchHandler({ getDb: () => db, getAuth: () => auth, baseUrl }),
    authRoutes: createAuthRouteHandler({ db, auth }),
  };
}
export type TestServer = ReturnType<typeof testServer>;

export async function createTestUser(db: Db, role: "ADMIN" | "EDITOR" | "CONTRIBUTOR", overrides: { mustChangePassword?: boolean } = {}) {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@example.org`;
  const password = `pw-${randomBytes(12).toString("base64url")}`;
  const user = await db.$transaction((tx) => createUserWithPassword(tx, { email, name: `Test ${role}`, role, password, ...overrides }));
  return { ...user, password };
}

export function signInRequest(server: TestServer, email: string, password: string, ip = "203.0.113.10") {
  return server.authRoutes(
    new Request(`${server.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(server.baseUrl).origin, [CLIENT_IP_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

let signIns = 0;

/** Signs in (each time from another address, so the per-IP limit never couples tests) and returns the `Cookie` header value a browser would send back. */
export async function signIn(server: TestServer, email: string, password: string): Promise<string> {
  signIns += 1;
  const response = await signInRequest(server, email, password, `198.18.${Math.floor(signIns / 250) % 250}.${(signIns % 250) + 1}`);
  if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Calls a tRPC procedure over the HTTP handler as a browser or app would: GET for queries, POST for mutations. */
export async function callProcedure(server: TestServer, path: string, type: "query" | "mutation", input: unknown, headers: Record<string, string> = {}) {
  const url = `${server.baseUrl}/api/trpc/${path}`;
  const response =
    type === "query"
      ? await server.trpc(new Request(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }))
      : await server.trpc(
          new Request(url, {
            method: "POST",
            headers: { "content-type": "application/json", origin: new URL(server.baseUrl).origin, ...headers },
            body: JSON.stringify(input),
          }),
        );
  const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string } } };
  return { status: response.status, code: body.error?.data.code ?? null, message: body.error?.message ?? null, data: body.result?.data };
}

import "server-only";
import { type Auth, createAuth } from "@coop/core/auth";
import { serverEnv, sessionPolicy } from "../env";
import { getDb } from "./db";

const globalForAuth = globalThis as unknown as { coopAuth?: Auth };

/** One better-auth instance per server process. */
export function getAuth(): Auth {
  const env = serverEnv();
  globalForAuth.coopAuth ??= createAuth({ db: getDb(), baseUrl: env.PUBLIC_URL, secret: env.AUTH_SECRET, sessionPolicy: sessionPolicy() });
  return globalForAuth.coopAuth;
}

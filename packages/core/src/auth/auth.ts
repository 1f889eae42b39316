import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "../db/client";
import { trustedOrigins } from "./origins";
import { hashPassword, verifyPassword } from "../domain/passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../validators/accounts";

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  maxHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 60, maxHours: 12 };

export interface AuthOptions {
  db: Db;
  /** Public origin of the site, e.g. https://coop.example.org. Secure cookies when https. */
  baseUrl: string;
  secret: string;
  sessionPolicy?: SessionPolicy;
}

/** better-auth with email + password, argon2id, PostgreSQL sessions and hardened cookies. */
export function createAuth(options: AuthOptions) {
  const policy = options.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  const secure = new URL(options.baseUrl).protocol === "https:";
  const idleSeconds = policy.idleMinutes * 60;
  return betterAuth({
    appName: "coop-tracker",
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: trustedOrigins(options.baseUrl),
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Accounts come from invitations and `pnpm admin:create`, never self sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    session: {
      expiresIn: idleSeconds,
      // Sliding expiry: activity pushes the idle deadline forward, at most every few minutes.
      updateAge: Math.min(300, Math.floor(idleSeconds / 4)),
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false },
        active: { type: "boolean", input: false },
        mustChangePassword: { type: "boolean", input: false },
      },
    },
    // Limits are ours, in PostgreSQL, in front of these routes (see auth/route.ts).
    rateLimit: { enabled: false },
    advanced: {
      // `__Host-` needs Secure, Path=/ and no Domain; better-auth would prefix `__Secure-` itself.
      useSecureCookies: false,
      cookies: { session_token: { name: secure ? "__Host-coop.session" : "coop.session" } },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/", secure },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

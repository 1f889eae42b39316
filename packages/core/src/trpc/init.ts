import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { type Actor, hasRole } from "../domain/access";
import type { TokenScope } from "../validators/accounts";
import type { EditorialPolicy } from "../domain/workflow";
import { readCoreEnv } from "../env";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, TooManyAttemptsError } from "../domain/errors";
import type { Role } from "../generated/prisma/enums";

export type { Actor };

export interface Context {
  db: Db;
  /** Where public procedures read: a read replica when configured, else `db`. */
  publicDb: Db;
  actor: Actor;
  /** False when a browser request came from another origin: its mutations are refused. */
  sameOrigin: boolean;
  /** Public origin of the site, for links such as invitations. */
  baseUrl: string;
  /** Editorial rules of this installation; from the environment when not given. */
  policy?: EditorialPolicy;
}

export interface Meta {
  /** Public procedures are cacheable by anyone and served with CORS `*`. */
  access: "public" | "private";
  /** An API token with this scope may call the procedure. Tokens may call nothing else. */
  tokenScope?: TokenScope;
  /** What one call weighs against the per-request ceiling and the client's rate limit; 1 unless set. */
  cost?: number;
}

/** A context without a request, for tests and server-side callers. */
export function createContextInner(options: {
  db: Db;
  publicDb?: Db;
  actor?: Actor;
  sameOrigin?: boolean;
  baseUrl?: string;
  policy?: EditorialPolicy;
}): Context {
  return {
    db: options.db,
    publicDb: options.publicDb ?? options.db,
    actor: options.actor ?? { kind: "anonymous", ip: null },
    sameOrigin: options.sameOrigin ?? true,
    baseUrl: options.baseUrl ?? "http://localhost:3000",
    policy: options.policy,
  };
}

/** `REQUIRE_SECOND_REVIEWER` and the like, read once per process. */
let policyFromEnv: EditorialPolicy | undefined;
function editorialPolicyFromEnv(): EditorialPolicy {
  policyFromEnv ??= { requireSecondReviewer: readCoreEnv().REQUIRE_SECOND_REVIEWER };
  return policyFromEnv;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** What is wrong with the input, per field, or null when the error is not about input. */
export function fieldIssues(error: unknown): FieldIssue[] | null {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  }
  if (error instanceof InvalidInputError) return [{ path: error.path.join("."), message: error.reason }];
  return null;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    isDev: false,
    defaultMeta: { access: "private" },
    errorFormatter({ shape, error }) {
      const issues = fieldIssues(error.cause);
      const { stack: _stack, ...data } = shape.data;
      const conflict = error.cause instanceof ConflictError ? (error.cause.details ?? null) : null;
      return {
        ...shape,
        // One readable line naming each field, instead of the raw issue dump.
        message: issues ? issues.map((issue) => `${issue.path || "input"}: ${issue.message}`).join("; ") : shape.message,
        data: { ...data, issues, conflict },
      };
    },
  });

/** Turns domain and database failures into protocol errors; hides anything unexpected. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause ?? result.error;
  if (cause instanceof NotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  if (cause instanceof InvalidInputError || cause instanceof ZodError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  }
  if (cause instanceof ConflictError) throw new TRPCError({ code: "CONFLICT", message: cause.message, cause });
  if (cause instanceof ForbiddenError) throw new TRPCError({ code: "FORBIDDEN", message: cause.message, cause });
  if (cause instanceof TooManyAttemptsError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
  if (isDatabaseUnavailable(cause)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable; try again shortly.", cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause });
  }
  return result;
});

/** Cookie-authenticated (or anonymous) mutations must come from the site itself: CSRF defence. */
const refuseCrossSiteMutations = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.actor.kind !== "token" && !ctx.sameOrigin) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Cross-site request refused: the Origin header must be ${new URL(ctx.baseUrl).origin}` });
  }
  return next();
});

/** The path of the first string holding a NUL character, which PostgreSQL text cannot store. */
function nulCharacterPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 64 || !value || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulCharacterPath(inner, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    if (found) return found;
  }
  return null;
}

const refuseNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const path = nulCharacterPath(await getRawInput().catch(() => undefined));
  if (path) throw new InvalidInputError(path.length ? path : ["input"], "must not contain NUL (\\u0000) characters");
  return next();
});

const baseProcedure = t.procedure
  .use(mapErrors)
  .use(refuseCrossSiteMutations)
  .use(refuseNulCharacters)
  .use(({ ctx, next }) => next({ ctx: { policy: ctx.policy ?? editorialPolicyFromEnv() } }));

/** Admits a signed-in person with at least `role`, or an API token holding the procedure's `tokenScope`. */
function requireRole(role: Role) {
  return t.middleware(({ ctx, meta, next }) => {
    const { actor } = ctx;
    if (actor.kind === "anonymous") throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in, or send an API token as `Authorization: Bearer`" });
    if (actor.kind === "token") {
      if (!meta?.tokenScope) throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot call this procedure" });
      if (!actor.scopes.includes(meta.tokenScope)) throw new TRPCError({ code: "FORBIDDEN", message: `This API token lacks the scope ${meta.tokenScope}` });
      return next({ ctx: { actor } });
    }
    if (actor.mustChangePassword) throw new TRPCError({ code: "FORBIDDEN", message: "Change your password before continuing" });
    if (!hasRole(actor.role, role)) throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role} role or higher` });
    return next({ ctx: { actor } });
  });
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, without credentials: published data only, cacheable, read from a replica when there is one. */
export const publicProcedure = baseProcedure.meta({ access: "public" }).use(({ ctx, next }) => next({ ctx: { db: ctx.publicDb } }));
/** Anyone, not cacheable: e.g. accepting an invitation. */
export const anonymousProcedure = baseProcedure;
/** Any signed-in person or API token, even one who must still change their password. */
export const authenticatedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind === "anonymous") throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in, or send an API token as `Authorization: Bearer`" });
  return next({ ctx: { actor: ctx.actor } });
});
/** A signed-in person of any role, even one who must still change their password; no tokens. */
export const userProcedure = baseProcedure.use(({ ctx, next }) => {
  const { actor } = ctx;
  if (actor.kind === "anonymous") throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  if (actor.kind === "token") throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot call this procedure" });
  return next({ ctx: { actor } });
});
export const contributorProcedure = baseProcedure.use(requireRole("CONTRIBUTOR"));
export const editorProcedure = baseProcedure.use(requireRole("EDITOR"));
export const adminProcedure = baseProcedure.use(requireRole("ADMIN"));

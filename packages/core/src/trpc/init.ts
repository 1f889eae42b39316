import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { ConflictError, InvalidInputError, NotFoundError } from "../domain/errors";

/** Who is calling. Anonymous until accounts arrive. */
export type Actor = { kind: "anonymous" };

export interface Context {
  db: Db;
  actor: Actor;
}

export interface Meta {
  /** Public procedures are cacheable by anyone and served with CORS `*`. */
  access: "public" | "private";
}

/** A context without a request, for tests and server-side callers. */
export function createContextInner(options: { db: Db; actor?: Actor }): Context {
  return { db: options.db, actor: options.actor ?? { kind: "anonymous" } };
}

export interface FieldIssue {
  path: string;
  message: string;
}

function fieldIssues(error: unknown): FieldIssue[] | null {
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
      return {
        ...shape,
        // One readable line naming each field, instead of the raw issue dump.
        message: issues ? issues.map((issue) => `${issue.path || "input"}: ${issue.message}`).join("; ") : shape.message,
        data: { ...data, issues },
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
  if (isDatabaseUnavailable(cause)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable; try again shortly.", cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, without credentials: published data only. */
export const publicProcedure = t.procedure.use(mapErrors).meta({ access: "public" });

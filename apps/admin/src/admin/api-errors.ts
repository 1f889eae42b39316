import { TRPCClientError } from "@trpc/client";

export interface FieldIssue {
  path: string;
  message: string;
}

/** What the API says went wrong: code, one readable message, per-field issues and conflict details. */
export interface ApiFailure {
  code: string | null;
  message: string;
  issues: FieldIssue[];
  conflict: Record<string, unknown> | null;
}

interface ErrorData {
  code?: string;
  issues?: FieldIssue[] | null;
  conflict?: Record<string, unknown> | null;
}

export function apiFailure(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    return { code: data.code ?? null, message: error.message, issues: data.issues ?? [], conflict: data.conflict ?? null };
  }
  return { code: null, message: error instanceof Error ? error.message : "Something went wrong", issues: [], conflict: null };
}

/** Field errors keyed by form path, with a prefix such as `data.` removed. */
export function fieldErrors(issues: FieldIssue[], prefix = ""): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path, issue.message]));
}

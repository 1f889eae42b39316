import { ZodError } from "zod";
import { InvalidInputError } from "../domain/errors";

export interface ParameterIssue {
  parameter: string;
  message: string;
}

/** What is wrong with the input, per query parameter, or null when the error is not about input. */
export function parameterIssues(error: unknown): ParameterIssue[] | null {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? "input"), message: issue.message }));
  }
  if (error instanceof InvalidInputError) return [{ parameter: String(error.path[0] ?? "input"), message: error.reason }];
  return null;
}

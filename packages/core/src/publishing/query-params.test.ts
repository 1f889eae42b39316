import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { InvalidInputError } from "../domain/errors";
import { ZFeedLatestInput } from "../validators/agreement";
import { parameterIssues } from "./query-params";

describe("parameterIssues", () => {
  it("names the parameter of each schema issue", () => {
    const result = ZFeedLatestInput.safeParse({ country: ["ZWE"], limit: "abc" });
    expect(result.error).toBeInstanceOf(ZodError);
    expect(
      parameterIssues(result.error)
        ?.map((issue) => issue.parameter)
        .sort(),
    ).toEqual(["country", "limit"]);
  });

  it("names the parameter of a domain refusal, and ignores other errors", () => {
    expect(parameterIssues(new InvalidInputError(["sector", 0], 'unknown sector "x"'))).toEqual([{ parameter: "sector", message: 'unknown sector "x"' }]);
    expect(parameterIssues(new Error("boom"))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { InvalidInputError } from "../domain/errors";
import { ZFeedLatestInput } from "../validators/agreement";
import { LIST_FILTER_PARAMS, parameterIssues, readQueryParams, WIDGET_PARAMS } from "./query-params";

describe("readQueryParams", () => {
  it("reads lists repeated or comma-separated, numbers as numbers, and drops empty form fields", () => {
    const params = new URLSearchParams("country=ZW,CG&country=KE&partner=&sector=%20cybersecurity%20&limit=7&lang=fr&q=");
    expect(readQueryParams(params, WIDGET_PARAMS)).toEqual({ country: ["ZW", "CG", "KE"], sector: ["cybersecurity"], limit: 7, lang: "fr" });
  });

  it("leaves a limit that is not a number for the validator to refuse", () => {
    expect(readQueryParams(new URLSearchParams("limit=abc"), WIDGET_PARAMS)).toEqual({ limit: "abc" });
  });

  it("reads only the parameters asked for", () => {
    expect(readQueryParams(new URLSearchParams("q=mou&limit=5&utm_source=x"), LIST_FILTER_PARAMS)).toEqual({ q: "mou" });
  });
});

describe("parameterIssues", () => {
  it("names the parameter of each schema issue", () => {
    const result = ZFeedLatestInput.safeParse({ country: ["ZWE"], limit: "abc" });
    expect(result.error).toBeInstanceOf(ZodError);
    expect(parameterIssues(result.error)?.map((issue) => issue.parameter).sort()).toEqual(["country", "limit"]);
  });

  it("names the parameter of a domain refusal, and ignores other errors", () => {
    expect(parameterIssues(new InvalidInputError(["sector", 0], 'unknown sector "x"'))).toEqual([{ parameter: "sector", message: 'unknown sector "x"' }]);
    expect(parameterIssues(new Error("boom"))).toBeNull();
  });
});

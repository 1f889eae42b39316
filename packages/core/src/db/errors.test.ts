import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    [
      "a server shutting down, wrapped by Prisma",
      {
        message: "query failed",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01", message: "terminating connection due to administrator command" } } },
      },
    ],
    ["a closed connection kind", { cause: { cause: { kind: "ConnectionClosed" } } }],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("does not mistake a query error for an outage", () => {
    expect(isDatabaseUnavailable({ message: "duplicate key", cause: { kind: "UniqueConstraintViolation", originalCode: "23505" } })).toBe(false);
  });
});

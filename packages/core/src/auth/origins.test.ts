import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./origins";

describe("trustedOrigins", () => {
  it("is the public origin alone on a real host", () => {
    expect(trustedOrigins("https://coop.example.org/some/path")).toEqual(["https://coop.example.org"]);
  });

  it("accepts every spelling of loopback with the same port", () => {
    expect(trustedOrigins("http://127.0.0.1:3000")).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
  });
});

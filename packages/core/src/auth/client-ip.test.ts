import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  it("uses the socket when no proxy is trusted, whatever the client claims", () => {
    expect(clientIpFrom("198.51.100.9", "203.0.113.1", 0)).toBe("198.51.100.9");
  });

  it("takes the entry the trusted proxy appended", () => {
    expect(clientIpFrom("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFrom("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
  });

  it("falls back to the socket without a forwarded header", () => {
    expect(clientIpFrom("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });
});

import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIpFrom, proxyTrust } from "./client-ip";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage;

describe("clientIpFrom", () => {
  it("uses the socket when no proxy is trusted, whatever the client claims", () => {
    expect(clientIpFrom(request("198.51.100.9", "203.0.113.1"), proxyTrust({ hops: 0 }))).toBe("198.51.100.9");
  });

  it("takes the entry the trusted proxy appended", () => {
    expect(clientIpFrom(request("10.0.0.2", "6.6.6.6, 203.0.113.7"), proxyTrust({ hops: 1 }))).toBe("203.0.113.7");
    expect(clientIpFrom(request("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), proxyTrust({ hops: 2 }))).toBe("203.0.113.7");
  });

  it("falls back to the socket without a forwarded header", () => {
    expect(clientIpFrom(request("10.0.0.2"), proxyTrust({ hops: 1 }))).toBe("10.0.0.2");
  });

  it("never takes a client-written entry from a chain shorter than the trusted hops", () => {
    expect(clientIpFrom(request("10.0.0.2", "6.6.6.6"), proxyTrust({ hops: 2 }))).toBe("10.0.0.2");
    expect(clientIpFrom(request("10.0.0.2", "6.6.6.6, 7.7.7.7"), proxyTrust({ hops: 3 }))).toBe("10.0.0.2");
  });

  it("trusts proxies by address: a client reaching the app directly cannot claim another address", () => {
    const trust = proxyTrust({ proxies: ["10.0.0.0/8"] });
    expect(clientIpFrom(request("10.0.0.2", "6.6.6.6, 203.0.113.7"), trust)).toBe("203.0.113.7");
    expect(clientIpFrom(request("10.0.0.2", "203.0.113.7, 10.0.0.9"), trust)).toBe("203.0.113.7");
    expect(clientIpFrom(request("198.51.100.9", "6.6.6.6"), trust)).toBe("198.51.100.9");
  });
});

import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { publicCacheKeyOf, refuseUnaffordablePublicWork } from "./public-requests";
import { ClientRateLimiter } from "../http/rate-limit";

const request = (path: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url: `http://coop.test${path}`,
  headers: new Headers({ [CLIENT_IP_HEADER]: "198.51.100.7", ...headers }),
});
const list = (input: unknown) => `/api/trpc/agreement.list?input=${encodeURIComponent(JSON.stringify(input))}`;

describe("publicCacheKeyOf", () => {
  it("gives one key to one question however it is spelled", () => {
    const key = publicCacheKeyOf(request(list({ country: ["ZW"], limit: 5 })));
    expect(key).not.toBeNull();
    expect(publicCacheKeyOf(request(`${list({ limit: 5, country: ["ZW"] })}&x=1`))).toBe(key);
    expect(publicCacheKeyOf(request(list({ country: ["ZW"], limit: 6 })))).not.toBe(key);
    expect(publicCacheKeyOf(request("/feed.json?country=ZW&utm_source=x"))).toBe(publicCacheKeyOf(request("/feed.json?country=ZW")));
  });

  it("keeps nothing for credentials, private procedures or invalid input", () => {
    expect(publicCacheKeyOf(request(list({}), { authorization: "Bearer x" }))).toBeNull();
    expect(publicCacheKeyOf(request("/api/trpc/account.me"))).toBeNull();
    expect(publicCacheKeyOf(request(list({ limit: 1000 })))).toBeNull();
  });
});

describe("refuseUnaffordablePublicWork", () => {
  it("refuses, without spending, public work a client's bucket cannot pay for", async () => {
    const limiter = new ClientRateLimiter({ burst: 20, perMinute: 1 });
    expect(refuseUnaffordablePublicWork(limiter, request(list({ q: "a" })))).toBeNull();
    for (let i = 0; i < 10; i += 1) limiter.take("198.51.100.7", 2);
    const refusal = refuseUnaffordablePublicWork(limiter, request(list({ q: "b" })));
    expect(refusal?.status).toBe(429);
    expect(refusal?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refusal!.json()) as { error: { data: { code: string } } }).error.data.code).toBe("TOO_MANY_REQUESTS");
    expect(refuseUnaffordablePublicWork(limiter, request("/export.csv"))?.status).toBe(429);
    // Not public work, or not this client's: let through.
    expect(refuseUnaffordablePublicWork(limiter, request(list({ q: "c" }), { authorization: "Bearer token" }))).toBeNull();
    expect(refuseUnaffordablePublicWork(limiter, request("/api/trpc/agreement.create", {}, "POST"))).toBeNull();
    expect(refuseUnaffordablePublicWork(limiter, request(list({ q: "d" }), { [CLIENT_IP_HEADER]: "203.0.113.1" }))).toBeNull();
  });
});

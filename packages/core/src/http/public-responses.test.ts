import { describe, expect, it } from "vitest";
import { etagOf, matchesIfNoneMatch, publicResponse } from "./public-responses";

describe("ETags", () => {
  it("are strong, quoted and depend on the bytes", () => {
    expect(etagOf("a")).toMatch(/^"[\w-]{32}"$/);
    expect(etagOf("a")).not.toBe(etagOf("b"));
  });

  it.each([
    ['"x", TAG', true],
    ["W/TAG", true],
    ["*", true],
    ['"other"', false],
  ])("If-None-Match %s", (header, matches) => {
    const etag = etagOf("body");
    const request = new Request("http://x/", { headers: { "If-None-Match": header.replace("TAG", etag) } });
    expect(matchesIfNoneMatch(request, etag)).toBe(matches);
  });

  it("answers 304 without a body on a match", async () => {
    const etag = etagOf("body");
    const response = publicResponse(new Request("http://x/", { headers: { "If-None-Match": etag } }), "body", {});
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
  });
});

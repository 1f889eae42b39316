import { describe, expect, it } from "vitest";
import { testServer } from "../support/auth";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
const handle = (path: string, init?: RequestInit) => testServer(database.db).trpc(new Request(`http://coop.test/api/trpc/${path}`, init));
const query = (procedure: string, input?: unknown) => `${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

interface ErrorBody {
  error: { message: string; data: { code: string; httpStatus: number; issues: { path: string; message: string }[] | null; stack?: string } };
}

describe("public GET caching", () => {
  it("sends a strong ETag, public Cache-Control and CORS *", async () => {
    const response = await handle(query("agreement.list", { country: ["ZW"] }));
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=86400");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as { result: { data: { items: unknown[] } } };
    expect(body.result.data.items).toHaveLength(3);
  });

  it("answers 304 without a body when If-None-Match matches, and 200 when data changed", async () => {
    const first = await handle(query("feed.latest"));
    const etag = first.headers.get("etag")!;
    const again = await handle(query("feed.latest"), { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    await database.db.agreement.update({
      where: { slug: "congo-russia-digital-ai-cybersecurity-talks-2025" },
      data: { title: "Congo and Russia: digital talks" },
    });
    const changed = await handle(query("feed.latest"), { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("answers CORS preflight for GET only", async () => {
    const response = await handle("agreement.list", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET");
  });

  it("does not cache errors", async () => {
    const response = await handle(query("agreement.bySlug", { slug: "no-such-record" }));
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("etag")).toBeNull();
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data.code).toBe("NOT_FOUND");
    expect(body.error.message).toContain("no-such-record");
  });

  it("refuses queries sent as POST", async () => {
    const response = await handle("agreement.list", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(405);
  });

  it("answers 404 for an unknown procedure", async () => {
    expect((await handle(query("agreement.nope"))).status).toBe(404);
  });
});

describe("bad input is a 400 naming the field, never a 500", () => {
  const badListInputs: [string, unknown, string][] = [
    ["malformed country code", { country: ["ZWE"] }, "country.0"],
    ["unknown country code", { country: ["ZZ"] }, "country.0"],
    ["unknown partner", { partner: ["XX"] }, "partner.0"],
    ["unknown sector", { sector: ["quantum-cooking"] }, "sector.0"],
    ["badly formed sector", { sector: ["Not A Slug!"] }, "sector.0"],
    ["limit 0", { limit: 0 }, "limit"],
    ["limit 1000", { limit: 1000 }, "limit"],
    ["limit as text", { limit: "ten" }, "limit"],
    ["malformed cursor", { cursor: "not-a-cursor" }, "cursor"],
    [
      "tampered cursor",
      { cursor: Buffer.from(JSON.stringify({ k: "recent", v: "yesterday", id: "0199e0f4-0000-7000-8000-000000000000" })).toString("base64url") },
      "cursor",
    ],
    [
      "cursor of another sort",
      {
        sort: "signed",
        cursor: Buffer.from(JSON.stringify({ k: "recent", v: "2025-01-01T00:00:00.000Z", id: "0199e0f4-0000-7000-8000-000000000000" })).toString("base64url"),
      },
      "cursor",
    ],
    ["impossible date", { from: "2025-02-30" }, "from"],
    ["date in the wrong format", { to: "19/10/2025" }, "to"],
    ["range backwards", { from: "2025-05-01", to: "2025-01-01" }, "to"],
    ["unknown status", { status: ["MAYBE"] }, "status"],
    ["relevance without q", { sort: "relevance" }, "sort"],
    ["unknown sort", { sort: "random" }, "sort"],
    ["huge query", { q: "x".repeat(5000) }, "q"],
  ];

  it.each(badListInputs)("agreement.list with %s", async (_name, input, field) => {
    const response = await handle(query("agreement.list", input));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.issues?.map((issue) => issue.path)).toContain(field);
    expect(body.error.message).toContain(field);
    expect(body.error.data.stack).toBeUndefined();
  });

  it.each([
    ["agreement.changes", { since: "yesterday" }, "since"],
    ["agreement.changes", {}, "since"],
    ["agreement.bySlug", { slug: "" }, "slug"],
    ["agreement.bySlug", { slug: "<script>" }, "slug"],
    ["feed.latest", { limit: 21 }, "limit"],
    ["feed.latest", { country: "ZZ" }, "country.0"],
    ["agreement.facets", { sector: ["nope"] }, "sector.0"],
    ["taxonomy.countries", { lang: "xx" }, "lang"],
  ])("%s with %j", async (procedure, input, field) => {
    const response = await handle(query(procedure, input));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data.issues?.map((issue) => issue.path)).toContain(field);
  });

  it("rejects input that is not JSON", async () => {
    const response = await handle("agreement.list?input=%7Bnot-json");
    expect(response.status).toBe(400);
  });
});

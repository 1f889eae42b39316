import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@coop/core/auth";
import { createApiToken } from "@coop/core/domain";
import { publicCacheKeyOf } from "@coop/core/gateway";
import { CLIENT_IP_HEADER, ClientRateLimiter, PublicResponseCache } from "@coop/core/http";
import { buildOpenApiDocument, createRestFetchHandler, REST_OPERATIONS } from "@coop/core/rest";
import { useTestDatabase } from "../support/database";
import { openApiContract } from "../support/openapi-contract";
import { sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
const BASE = "http://coop.test";
const contract = openApiContract();
let cache: PublicResponseCache;
let handler: (request: Request) => Promise<Response>;
let writeToken: string;
let readOnlyToken: string;

/** Every answer goes through the contract check before the test looks at it. */
async function rest(path: string, init: RequestInit = {}) {
  const request = new Request(`${BASE}/api/v1${path}`, init);
  const response = await handler(request.clone());
  await contract.check(request, response);
  return response;
}
const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", ...extra });

beforeAll(async () => {
  cache = new PublicResponseCache(database.url);
  await cache.start();
  const auth = createAuth({ db: database.db, baseUrl: BASE, secret: "x".repeat(40) });
  handler = createRestFetchHandler({
    getDb: () => database.db,
    getAuth: () => auth,
    baseUrl: BASE,
    publicCache: cache,
    rateLimiter: new ClientRateLimiter({ burst: 20, perMinute: 1 }),
    bodyLimit: 64 * 1024,
  });
  const editor = await userActor(database.db, "EDITOR");
  writeToken = (await createApiToken(database.db, editor, { name: "mirror", scopes: ["records:write", "records:read-drafts"] })).secret;
  readOnlyToken = (await createApiToken(database.db, editor, { name: "reader", scopes: ["records:read-drafts"] })).secret;
});
afterAll(() => cache.stop());

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(buildOpenApiDocument(BASE));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every public procedure and every one an API token may call", async () => {
    const { appRouter } = await import("@coop/core/trpc");
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access: string; tokenScope?: string } } }>;
    const exposed = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.meta?.access === "public" || procedure._def.meta?.tokenScope)
      .map(([path]) => path)
      .sort();
    expect(REST_OPERATIONS.map((operation) => operation.procedure).sort()).toEqual(exposed);
  });
});

describe("public REST reads", () => {
  it("lists records with the list filters, with ETag, 304, CORS and public caching", async () => {
    const first = await rest("/records?country=ZW&limit=10");
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=86400");
    const page = await json<{ items: { slug: string; countries: string[] }[]; nextCursor: string | null }>(first);
    expect(page.items).toHaveLength(3);
    expect(page.items.every((item) => item.countries.includes("ZW"))).toBe(true);
    const again = await rest("/records?limit=10&country=ZW&utm=x", { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("keeps one cache entry per question, shared by reordered or padded URLs, apart from tRPC's", () => {
    const key = (path: string) => publicCacheKeyOf(new Request(`${BASE}${path}`));
    expect(key("/api/v1/records?country=ZW&sector=cybersecurity")).not.toBeNull();
    expect(key("/api/v1/records?sector=cybersecurity&country=zw&x=1")).toBe(key("/api/v1/records?country=ZW&sector=cybersecurity"));
    expect(key("/api/v1/records?country=ZW,CG")).toBe(key("/api/v1/records?country=ZW&country=CG"));
    expect(key("/api/v1/records?country=CG")).not.toBe(key("/api/v1/records?country=ZW"));
    expect(key("/api/v1/records?limit=ten")).toBeNull();
    expect(key("/api/v1/editorial/records")).toBeNull();
    expect(key(`/api/trpc/agreement.list?input=${encodeURIComponent('{"country":["ZW"]}')}`)).not.toBe(key("/api/v1/records?country=ZW"));
  });

  it("serves a record, its changes, facets, the feed and the taxonomy", async () => {
    const record = await json<{ slug: string; timeline: unknown[] }>(await rest("/records/congo-russia-digital-ai-cybersecurity-talks-2025?lang=fr"));
    expect(record.slug).toBe("congo-russia-digital-ai-cybersecurity-talks-2025");
    const changes = await json<{ items: { change: string }[] }>(await rest("/changes?since=2000-01-01T00:00:00Z&limit=2"));
    expect(changes.items).toHaveLength(2);
    expect((await json<{ total: number }>(await rest("/facets?partner=RU"))).total).toBeGreaterThan(0);
    expect((await json<{ items: unknown[] }>(await rest("/feed?limit=2"))).items).toHaveLength(2);
    expect(await json<unknown[]>(await rest("/taxonomy/countries?lang=pt"))).toHaveLength(56);
    expect((await json<unknown[]>(await rest("/taxonomy/sectors"))).length).toBeGreaterThan(5);
    // Another reader, so the other tests' client keeps its tokens.
    const reader = { headers: { [CLIENT_IP_HEADER]: "198.51.100.8" } };
    const related = await json<{ items: { slug: string }[] }>(await rest("/records/zimbabwe-belarus-defence-and-security-cooperation/related", reader));
    expect(related.items.map((item) => item.slug)).toContain("zimbabwe-belarus-mous-defence-minister-visit-to-belarus");
    expect((await json<{ name: string }>(await rest("/organizations/komib", reader))).name).toBe("KOMIB");
  });

  it("answers bad input with a 400 naming the parameter, in the error shape of the feeds", async () => {
    const response = await rest("/records?country=ZZ");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad_request",
      message: 'country.0: unknown country code "ZZ"',
      issues: [{ parameter: "country.0", message: 'unknown country code "ZZ"' }],
    });
    expect((await rest("/records?limit=1000")).status).toBe(400);
    expect((await rest("/changes")).status).toBe(400);
  });

  it("answers 404 for an unknown record or path, and 405 naming the allowed method", async () => {
    const missing = await rest("/records/no-such-record");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found", message: 'No published record has the slug "no-such-record"' });
    expect((await rest("/nothing-here")).status).toBe(404);
    const wrongMethod = await rest("/records/some-slug", { method: "POST", body: "{}" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("limits uncached work per client with 429 and Retry-After; cached answers stay free", async () => {
    const from = { [CLIENT_IP_HEADER]: "198.51.100.77" };
    await rest("/facets", { headers: from });
    const statuses: number[] = [];
    for (const year of ["2020", "2021", "2022", "2023", "2024", "2025"]) {
      statuses.push((await rest(`/facets?from=${year}-01-01`, { headers: from })).status);
    }
    expect(statuses).toContain(429);
    const refused = await rest("/facets?from=2019-01-01", { headers: from });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: "too_many_requests" });
    expect((await rest("/facets", { headers: from })).status).toBe(200);
  });
});

describe("editorial REST with an API token", () => {
  it("reads a report into a cited draft, and previews it as a new source of a record", async () => {
    const report = { text: "Kenya and Belarus signed an agreement on tractor assembly on Monday in Nairobi.", publishedOn: "2025-03-12" };
    const analyzed = await rest("/editorial/intake", { method: "POST", headers: bearer(writeToken), body: JSON.stringify(report) });
    expect(analyzed.status).toBe(200);
    const { proposal } = await json<{ proposal: { draft: object } }>(analyzed);
    const created = await rest("/editorial/records", {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ data: proposal.draft, confirmNotDuplicate: true }),
    });
    const draft = await json<{ id: string; version: number }>(created);
    const preview = await rest(`/editorial/records/${draft.id}/reports`, {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ expectedVersion: draft.version, report: { ...report, text: `${report.text} Belarus will train 300 Kenyan mechanics.` } }),
    });
    expect(preview.status).toBe(200);
    expect(await json<{ applied: boolean; changes: { field: string }[] }>(preview)).toMatchObject({ applied: false, changes: [{ field: "commitments" }] });
  });

  it("creates a draft (201), reads it, and refuses a stale save with 409 and what to recover", async () => {
    const created = await rest("/editorial/records", {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ data: sampleAgreementInput(), confirmNotDuplicate: true }),
    });
    expect(created.status).toBe(201);
    const draft = await json<{ id: string; version: number; state: string }>(created);
    expect(draft).toMatchObject({ version: 1, state: "DRAFT" });
    expect((await rest(`/editorial/records/${draft.id}`, { headers: bearer(writeToken) })).status).toBe(200);
    expect((await rest(`/editorial/records?state=DRAFT&mine=true`, { headers: bearer(writeToken) })).status).toBe(200);
    expect((await rest(`/editorial/records/${draft.id}/revisions`, { headers: bearer(writeToken) })).status).toBe(200);

    const saved = await rest(`/editorial/records/${draft.id}`, {
      method: "PUT",
      headers: bearer(writeToken),
      body: JSON.stringify({ expectedVersion: 1, data: sampleAgreementInput({ title: "Retitled by the mirror", statusChange: undefined }) }),
    });
    expect(saved.status).toBe(200);
    expect((await rest(`/editorial/records/${draft.id}/diff?from=1&to=2`, { headers: bearer(writeToken) })).status).toBe(200);
    const stale = await rest(`/editorial/records/${draft.id}`, {
      method: "PUT",
      headers: bearer(writeToken),
      body: JSON.stringify({ expectedVersion: 1, data: sampleAgreementInput({ statusChange: undefined }) }),
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "conflict", conflict: { currentVersion: 2 } });

    const submitted = await rest(`/editorial/records/${draft.id}/transitions`, {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ expectedVersion: 2, action: "submit" }),
    });
    expect(await json(submitted)).toMatchObject({ state: "IN_REVIEW", version: 3 });
  });

  it("searches and creates organisations, and checks for duplicates", async () => {
    const created = await rest("/editorial/organizations", {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ name: "Rostelecom Test Branch", kind: "STATE_COMPANY", countryCode: "RU" }),
    });
    expect(created.status).toBe(201);
    const found = await json<{ name: string }[]>(await rest("/editorial/organizations?q=Rostelecom", { headers: bearer(writeToken) }));
    expect(found.map((organization) => organization.name)).toContain("Rostelecom Test Branch");
    expect((await rest("/editorial/duplicates?title=Zimbabwe%20CyberZim%20cybersecurity%20MOU&countries=ZW", { headers: bearer(writeToken) })).status).toBe(
      200,
    );
  });

  it("answers 401 without a token, 403 for a missing scope, 400 naming the body field, 413 past the body limit", async () => {
    const body = JSON.stringify({ data: sampleAgreementInput() });
    expect((await rest("/editorial/records", { method: "POST", headers: { "content-type": "application/json" }, body })).status).toBe(401);
    const noScope = await rest("/editorial/records", { method: "POST", headers: bearer(readOnlyToken), body });
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({ error: "forbidden", message: "This API token lacks the scope records:write" });
    const bad = await rest("/editorial/records", {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ data: { ...sampleAgreementInput(), title: "" } }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad_request", issues: [{ parameter: "data.title", message: "must not be empty" }] });
    expect((await rest("/editorial/records", { method: "POST", headers: bearer(writeToken), body: "{not json" })).status).toBe(400);
    const huge = await rest("/editorial/records", {
      method: "POST",
      headers: bearer(writeToken),
      body: JSON.stringify({ data: { ...sampleAgreementInput(), summary: "x".repeat(100_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: "payload_too_large", message: "The request body must be at most 64 KiB (65536 bytes)." });
  });
});

describe("the contract", () => {
  it("held for every answer above, and every operation was called", () => {
    expect(contract.problems).toEqual([]);
    expect(REST_OPERATIONS.filter((operation) => !contract.checked.has(operation.operationId)).map((operation) => operation.operationId)).toEqual([]);
  });
});

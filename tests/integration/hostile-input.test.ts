import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@coop/core/trpc";
import { callProcedure, createTestUser, signIn, testServer, type TestServer } from "../support/auth";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
let server: TestServer;
let cookie: string;

const SCRIPT_PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
];
const SQL_PAYLOADS = ["' OR 1=1 --", '\'; DROP TABLE "Agreement"; --', "\\'; SELECT pg_sleep(5); --", '1) UNION SELECT password FROM "Account" --'];
const UNICODE_PAYLOADS = ["\u0000", "\uD800", "\u202Etxt.exe", "Z\u0351\u0352\u0353\u0354", "🦜".repeat(300), "\uFEFF", "ﷺ".repeat(50)];
const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, true, [], {}, [[[]]], "", " ", "x".repeat(100_000), 1e308, Number.MAX_SAFE_INTEGER + 2];

function deepJson(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) value = { nested: value };
  return value;
}

/** Hostile values for one field: wrong types, huge or odd strings, injection attempts. */
const hostileValues: unknown[] = [...WRONG_TYPES, ...SCRIPT_PAYLOADS, ...SQL_PAYLOADS, ...UNICODE_PAYLOADS, deepJson(200)];

const FIELDS_OF: Record<string, string[]> = {
  "agreement.list": ["q", "country", "sector", "status", "limit", "cursor", "from", "sort", "lang"],
  "agreement.bySlug": ["slug", "lang"],
  "agreement.changes": ["since", "cursor", "limit"],
  "agreement.facets": ["q", "partner", "kind", "to"],
  "feed.latest": ["country", "limit", "lang"],
  "agreement.create": ["data"],
  "agreement.update": ["id", "expectedVersion", "data"],
  "agreement.transition": ["id", "action", "comment"],
  "organization.search": ["q", "limit"],
  "organization.create": ["name", "kind", "countryCode", "website", "memberIds"],
  "import.run": ["format", "content", "dryRun"],
  "audit.list": ["cursor", "from", "action"],
  "user.invite": ["email", "role"],
  "apiToken.create": ["name", "scopes", "expiresInDays"],
};

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>;
const cases = Object.entries(FIELDS_OF).flatMap(([path, fields]) =>
  fields.flatMap((field) => hostileValues.map((value, index) => ({ path, field, index, value, type: procedures[path]!._def.type }))),
);

beforeAll(async () => {
  server = testServer(database.db);
  const admin = await createTestUser(database.db, "ADMIN");
  cookie = await signIn(server, admin.email, admin.password);
});

describe(`a corpus of ${cases.length} hostile inputs`, () => {
  it("has at least 300 cases over public and editor procedures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it("never gets a 5xx, and every refusal names a field", async () => {
    const failures: string[] = [];
    for (const { path, field, index, value, type } of cases) {
      const input =
        path === "agreement.bySlug" || path === "agreement.changes" ? { slug: "x", since: "2025-01-01T00:00:00Z", [field]: value } : { [field]: value };
      const result = await callProcedure(server, path, type, input, { cookie }).catch((error: Error) => ({
        status: 599,
        code: "THROWN",
        message: error.message,
        data: null,
      }));
      if (result.status >= 500) failures.push(`${path}.${field}[${index}]: ${result.status} ${result.message}`);
      else if (result.status === 400 && !/^[\w.]+: /.test(result.message ?? ""))
        failures.push(`${path}.${field}[${index}]: message names no field: ${result.message}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

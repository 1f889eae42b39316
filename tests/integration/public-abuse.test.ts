import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, createAuthRouteHandler } from "@coop/core/auth";
import { createDb, type Db } from "@coop/core/db";
import { CLIENT_IP_HEADER, ClientRateLimiter, createPublishingHandlers, PublicResponseCache } from "@coop/core/http";
import { createTrpcFetchHandler } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";

const database = useTestDatabase();
const BASE = "http://coop.test";
const MiB = 1024 * 1024;
let cache: PublicResponseCache;
const auth = () => createAuth({ db: database.db, baseUrl: BASE, secret: "x".repeat(40) });
/** Where public procedures read; a test swaps in an unreachable database to prove an answer came from memory. */
let publicReads: Db;
const unreachable = createDb("postgresql://nobody@127.0.0.1:1/none");

function trpcHandler(options: { rateLimiter?: ClientRateLimiter; publicCache?: PublicResponseCache } = {}) {
  const authInstance = auth();
  return createTrpcFetchHandler({ getDb: () => database.db, getPublicDb: () => publicReads, getAuth: () => authInstance, baseUrl: BASE, ...options });
}

const get = (handler: (request: Request) => Promise<Response>, path: string, ip = "198.51.100.1", headers: Record<string, string> = {}) =>
  handler(new Request(`${BASE}${path}`, { headers: { [CLIENT_IP_HEADER]: ip, ...headers } }));
const procedureUrl = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** A chunked upload of `totalBytes` that counts how much of it the server pulled. */
function countedUpload(totalBytes: number) {
  const chunk = new Uint8Array(MiB).fill(0x20);
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, counter };
}

beforeAll(async () => {
  publicReads = database.db;
  cache = new PublicResponseCache(database.url);
  await cache.start();
});
afterAll(async () => {
  await cache.stop();
  await unreachable.$disconnect();
});

describe("request bodies are cut at their limit while they arrive", () => {
  it("answers a 50 MiB chunked tRPC body with 413 naming the limit, having read no more than the limit", async () => {
    const { body, counter } = countedUpload(50 * MiB);
    const response = await trpcHandler()(
      new Request(`${BASE}/api/trpc/agreement.create`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    // The limit plus what the stream had queued ahead: a few chunks of the 50.
    expect(counter.pulled).toBeLessThanOrEqual(3 * MiB);
    const error = ((await response.json()) as { error: { message: string; data: { code: string } } }).error;
    expect(error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toContain("1 MiB");
  });

  it("answers a 50 MiB chunked sign-in with 413 naming the limit, having read no more than the limit", async () => {
    const { body, counter } = countedUpload(50 * MiB);
    const response = await createAuthRouteHandler({ db: database.db, auth: auth() })(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, [CLIENT_IP_HEADER]: "198.51.100.2" },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(3 * MiB);
    expect(((await response.json()) as { message: string }).message).toContain("16 KiB");
  });

  it("lets an import carry a larger file than other calls", async () => {
    const handler = trpcHandler();
    const post = (path: string) =>
      handler(
        new Request(`${BASE}/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: BASE },
          body: JSON.stringify({ format: "csv", content: "x".repeat(2 * MiB) }),
        }),
      );
    expect((await post("agreement.create")).status).toBe(413);
    // Past the body limit, the import is refused for who is calling, not for its size.
    expect((await post("import.run")).status).toBe(401);
  });
});

describe("batches are bounded in size and cost", () => {
  it("refuses a batch of 50 calls with a 400 naming the limit, before running any", async () => {
    const paths = Array.from({ length: 50 }, () => "agreement.facets").join(",");
    const input = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [index, { q: `word${index}` }]));
    const response = await get(trpcHandler(), `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("at most 10 calls");
  });

  it("refuses a small batch whose cost is over the ceiling", async () => {
    const input = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [index, { q: `word${index}` }]));
    const response = await get(
      trpcHandler(),
      `/api/trpc/${Array(5).fill("agreement.facets").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("costs 25, over the limit of 20");
  });

  it("still answers a batch within both limits", async () => {
    const response = await get(
      trpcHandler(),
      `/api/trpc/agreement.facets,feed.latest?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: {}, 1: { limit: 2 } }))}`,
    );
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown[]).toHaveLength(2);
  });
});

describe("the response cache", () => {
  it("answers a repeated question from memory whatever parameters are added or reordered", async () => {
    const handler = trpcHandler({ publicCache: cache });
    const first = await get(handler, procedureUrl("feed.latest", { limit: 3, country: ["ZW"] }));
    expect(first.status).toBe(200);
    publicReads = unreachable;
    try {
      for (const path of [
        `${procedureUrl("feed.latest", { limit: 3, country: ["ZW"] })}&x=${Math.random()}`,
        procedureUrl("feed.latest", { country: ["ZW"], limit: 3 }),
        `${procedureUrl("feed.latest", { country: ["ZW"], limit: 3, unknown: "cache-buster" })}&_=1`,
      ]) {
        const again = await get(handler, path);
        expect(again.status).toBe(200);
        expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      }
    } finally {
      publicReads = database.db;
    }
  });

  it("stays within its byte budget under many distinct large answers, keeping the newest", async () => {
    for (let i = 0; i < 8; i += 1)
      await insertAgreement(database.db, { africa: "ZM", title: `Long Zambian record ${i}`, summary: "Long summary. ".repeat(1400) });
    const budget = MiB;
    const small = new PublicResponseCache(database.url, { maxBytes: budget });
    await small.start();
    try {
      const handler = trpcHandler({ publicCache: small });
      let last: Response | undefined;
      let lastPath = "";
      // 28 different questions with the same eight long records in each answer.
      for (let limit = 8; limit < 36; limit += 1) {
        lastPath = procedureUrl("agreement.list", { country: ["ZM"], limit });
        last = await get(handler, lastPath);
        expect(last.status).toBe(200);
        expect(Number((await last.clone().arrayBuffer()).byteLength)).toBeGreaterThan(100_000);
        expect(small.usage().bytes).toBeLessThanOrEqual(budget);
      }
      expect(small.usage().entries).toBeGreaterThan(0);
      publicReads = unreachable;
      const fromMemory = await get(handler, lastPath);
      expect(fromMemory.status).toBe(200);
      expect(fromMemory.headers.get("etag")).toBe(last!.headers.get("etag"));
    } finally {
      publicReads = database.db;
      await small.stop();
    }
  });
});

describe("per-client rate limits on uncached public work", () => {
  it("refuses a flood of uncached searches from one address with 429 and Retry-After, while cached answers keep coming", async () => {
    const limiter = new ClientRateLimiter({ burst: 20, perMinute: 1 });
    const handler = trpcHandler({ publicCache: cache, rateLimiter: limiter });
    const reader = "203.0.113.50";
    const flooder = "198.51.100.66";
    const feed = procedureUrl("feed.latest", { limit: 5 });
    expect((await get(handler, feed, reader)).status).toBe(200);

    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 30; i += 1) {
      const response = await get(handler, procedureUrl("agreement.list", { q: `flood ${i}` }), flooder);
      statuses.push(response.status);
      if (response.status === 429) refusal ??= response;
      expect((await get(handler, feed, reader)).status).toBe(200);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(Number(refusal!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const error = ((await refusal!.json()) as { error: { message: string; data: { code: string } } }).error;
    expect(error.data.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toContain("try again in");

    // The flooder's own cached reads are never limited; another address's searches are not either.
    expect((await get(handler, feed, flooder)).status).toBe(200);
    expect((await get(handler, procedureUrl("agreement.list", { q: "another reader" }), reader)).status).toBe(200);
  });

  it("limits exports per address too", async () => {
    const limiter = new ClientRateLimiter({ burst: 40, perMinute: 1 });
    const publishing = createPublishingHandlers({ getDb: () => database.db, getPublicCache: () => cache, getRateLimiter: () => limiter });
    const flooder = "198.51.100.77";
    const download = async (ip: string) => {
      const response = await get(publishing.csvExport, "/export.csv", ip);
      await response.text();
      return response.status;
    };
    expect(await download(flooder)).toBe(200);
    expect(await download(flooder)).toBe(200);
    const refused = await get(publishing.csvExport, "/export.csv", flooder);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: string }).error).toBe("too_many_requests");
    expect(await download("203.0.113.51")).toBe(200);
  });
});

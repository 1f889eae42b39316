import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@coop/core/auth";
import { createDb } from "@coop/core/db";
import { publicCacheKeyOf } from "@coop/core/gateway";
import { createPublishingHandlers, PublicResponseCache } from "@coop/core/http";
import { createTrpcFetchHandler } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";

const database = useTestDatabase();
let cache: PublicResponseCache;
let handle: (request: Request) => Promise<Response>;
let publishing: ReturnType<typeof createPublishingHandlers>;
const PATH = `/api/trpc/feed.latest?input=${encodeURIComponent(JSON.stringify({ limit: 1 }))}`;

/** The entry a public GET of this path is kept under. */
const keyOf = (path: string) => publicCacheKeyOf(new Request(`http://coop.test${path}`))!;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  cache = new PublicResponseCache(database.url);
  await cache.start();
  const auth = createAuth({ db: database.db, baseUrl: "http://coop.test", secret: "x".repeat(40) });
  handle = createTrpcFetchHandler({ getDb: () => database.db, getAuth: () => auth, baseUrl: "http://coop.test", publicCache: cache });
  publishing = createPublishingHandlers({ getDb: () => database.db, siteOrigin: () => "https://coop.test", getPublicCache: () => cache });
});
afterAll(() => cache.stop());

describe("the public response cache", () => {
  it("keeps a public response until the data changes, then serves the new data", async () => {
    const first = await handle(new Request(`http://coop.test${PATH}`));
    expect(first.status).toBe(200);
    expect(cache.get(keyOf(PATH))).toBeDefined();
    const again = await handle(new Request(`http://coop.test${PATH}`, { headers: { "If-None-Match": first.headers.get("etag")! } }));
    expect(again.status).toBe(304);

    const [latest] = ((await first.json()) as { result: { data: { items: { slug: string }[] } } }).result.data.items;
    await database.db.agreement.update({ where: { slug: latest!.slug }, data: { title: "A title changed after caching" } });
    // PostgreSQL announces the change at commit; every instance drops its cache.
    await until(() => cache.get(keyOf(PATH)) === undefined, "the change notice");
    const fresh = await handle(new Request(`http://coop.test${PATH}`));
    expect(await fresh.text()).toContain("A title changed after caching");
  });

  it("never answers a request with credentials from memory", async () => {
    await handle(new Request(`http://coop.test${PATH}`));
    const withBadToken = await handle(new Request(`http://coop.test${PATH}`, { headers: { authorization: "Bearer not-a-real-token-at-all" } }));
    expect(withBadToken.status).toBe(401);
  });

  it("keeps nothing while no listener confirms the data version", async () => {
    const deaf = new PublicResponseCache(database.url);
    expect(deaf.currentVersion()).toBeNull();
    deaf.set("/x", null, { body: new TextEncoder().encode("{}"), etag: '"x"', headers: [] });
    expect(deaf.get("/x")).toBeUndefined();
  });

  it("keeps a response read from a replica only briefly, as the replica may not have replayed the last change yet", async () => {
    const briefCache = new PublicResponseCache(database.url, { maxAgeMs: 100 });
    await briefCache.start();
    try {
      briefCache.set("/x", briefCache.currentVersion(), { body: new TextEncoder().encode("{}"), etag: '"x"', headers: [] });
      expect(briefCache.get("/x")).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(briefCache.get("/x")).toBeUndefined();
    } finally {
      await briefCache.stop();
    }
  });
});

describe("feeds and oEmbed from the public response cache", () => {
  // Zambia (ZM) holds only this test's records; the seed has none there.
  const FEED = "/feed.json?country=ZM";
  const ATOM = "/feed.atom?country=ZM";
  const request = (path: string, headers?: Record<string, string>) => new Request(`http://coop.test${path}`, { headers });

  it("serves a feed from memory with its ETag until a publish, then the new record", async () => {
    const before = cache.currentVersion();
    const first = await insertAgreement(database.db, { africa: "ZM", title: "Zambia first record" });
    // A response computed while a change is still being announced is not kept: wait for the announcements.
    await until(() => cache.currentVersion() !== before, "the insert's change notice");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cold = await publishing.jsonFeed(request(FEED));
    expect(cold.status).toBe(200);
    const etag = cold.headers.get("etag")!;
    expect(await cold.text()).toContain(first.slug);
    expect(cache.get(keyOf(FEED))?.etag).toBe(etag);
    expect((await publishing.jsonFeed(request(FEED, { "If-None-Match": etag }))).status).toBe(304);
    const atom = await publishing.atomFeed(request(ATOM));
    expect(cache.get(keyOf(ATOM))?.etag).toBe(atom.headers.get("etag"));

    // A hit never reaches the database: handlers over an unreachable one still answer it.
    const unreachable = createDb("postgresql://nobody@127.0.0.1:1/none");
    const offline = createPublishingHandlers({ getDb: () => unreachable, siteOrigin: () => "https://coop.test", getPublicCache: () => cache });
    const warm = await offline.jsonFeed(request(FEED));
    expect(warm.status).toBe(200);
    expect(warm.headers.get("etag")).toBe(etag);
    expect(warm.headers.get("content-type")).toContain("application/feed+json");
    expect((await offline.jsonFeed(request("/feed.json?country=ZM&limit=3"))).status).toBe(503);

    const published = await insertAgreement(database.db, { africa: "ZM", title: "Zambia record published after caching" });
    await until(() => cache.get(keyOf(FEED)) === undefined && cache.get(keyOf(ATOM)) === undefined, "the change notice");
    const fresh = await publishing.jsonFeed(request(FEED, { "If-None-Match": etag }));
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).not.toBe(etag);
    expect(await fresh.text()).toContain(published.slug);
    expect(await (await publishing.atomFeed(request(ATOM))).text()).toContain("Zambia record published after caching");
  });

  it("keeps no error answer", async () => {
    const refused = await publishing.jsonFeed(request("/feed.json?country=XX"));
    expect(refused.status).toBe(400);
    expect(cache.get(keyOf("/feed.json?country=XX"))).toBeUndefined();
    const unsupported = await publishing.oembed(request(`/oembed?url=${encodeURIComponent("https://coop.test/records")}&format=xml`));
    expect(unsupported.status).toBe(501);
    const snippet = await publishing.oembed(request(`/oembed?url=${encodeURIComponent("https://coop.test/records?country=ZM")}`));
    expect(snippet.status).toBe(200);
    expect(cache.get(keyOf(`/oembed?url=${encodeURIComponent("https://coop.test/records?country=ZM")}`))).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@coop/core/auth";
import { createTrpcFetchHandler, PublicResponseCache } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
let cache: PublicResponseCache;
let handle: (request: Request) => Promise<Response>;
const PATH = `/api/trpc/feed.latest?input=${encodeURIComponent(JSON.stringify({ limit: 1 }))}`;

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
});
afterAll(() => cache.stop());

describe("the public response cache", () => {
  it("keeps a public response until the data changes, then serves the new data", async () => {
    const first = await handle(new Request(`http://coop.test${PATH}`));
    expect(first.status).toBe(200);
    expect(cache.get(PATH)).toBeDefined();
    const again = await handle(new Request(`http://coop.test${PATH}`, { headers: { "If-None-Match": first.headers.get("etag")! } }));
    expect(again.status).toBe(304);

    const [latest] = ((await first.json()) as { result: { data: { items: { slug: string }[] } } }).result.data.items;
    await database.db.agreement.update({ where: { slug: latest!.slug }, data: { title: "A title changed after caching" } });
    // PostgreSQL announces the change at commit; every instance drops its cache.
    await until(() => cache.get(PATH) === undefined, "the change notice");
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
    deaf.set("/x", null, { body: "{}", etag: '"x"', headers: [] });
    expect(deaf.get("/x")).toBeUndefined();
  });
});

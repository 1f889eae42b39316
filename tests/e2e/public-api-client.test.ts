import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { createCoopClient, TRPCClientError } from "@coop/core/client";
import { LaunchError, launchServer, type RunningServer } from "@coop/admin/launcher";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
let server: RunningServer;

beforeAll(async () => {
  server = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl });
});
afterAll(async () => {
  await server?.stop();
});

describe("another app reading the public API with createCoopClient", () => {
  it("lists the seeded records over HTTP", async () => {
    const client = createCoopClient(server.url);
    const page = await client.agreement.list.query({ country: ["ZW"], limit: 10 });
    expect(page.items.map((i) => i.slug).sort()).toEqual([
      "zimbabwe-belarus-defence-and-security-cooperation",
      "zimbabwe-belarus-mous-defence-minister-visit-to-belarus",
      "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025",
    ]);
  });

  it("reads one record, the feed, facets and taxonomy", async () => {
    const client = createCoopClient(server.url);
    const record = await client.agreement.bySlug.query({ slug: "congo-russia-digital-ai-cybersecurity-talks-2025" });
    expect(record.timeline[0]?.status).toBe("UNDER_NEGOTIATION");
    expect((await client.feed.latest.query({ limit: 2 })).items).toHaveLength(2);
    expect((await client.agreement.facets.query({})).total).toBe(4);
    expect(await client.taxonomy.countries.query({ lang: "pt" })).toHaveLength(56);
  });

  it("gets typed errors with the HTTP status", async () => {
    const client = createCoopClient(server.url);
    const error = await client.agreement.bySlug.query({ slug: "missing-record" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
  });
});

describe("HTTP as curl sees it", () => {
  it("serves /api/trpc/agreement.list with ETag revalidation and CORS", async () => {
    const url = `${server.url}/api/trpc/agreement.list`;
    const first = await fetch(url, { headers: { Origin: "https://news.example" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=86400");
    const body = (await first.json()) as { result: { data: { items: unknown[] } } };
    expect(body.result.data.items).toHaveLength(4);
    const revalidated = await fetch(url, { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
  });

  it("answers bad input with 400, never 500", async () => {
    const response = await fetch(`${server.url}/api/trpc/agreement.list?input=${encodeURIComponent('{"limit":0}')}`);
    expect(response.status).toBe(400);
  });

  it("serves the home page with the latest records", async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain("Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU");
  });
});

describe("start-up failures", () => {
  it("refuses a port that is already in use with one clear line", async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const attempt = launchServer({ port, databaseUrl: database.url, migrationUrl: database.ownerUrl });
      await expect(attempt).rejects.toBeInstanceOf(LaunchError);
      await expect(attempt).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { createTestUser } from "../support/auth";
import { useTestDatabase } from "../support/database";
import { sampleAgreementInput } from "../support/records";

const database = useTestDatabase();
let secretDir: string;
let instanceA: RunningServer;
let instanceB: RunningServer;

beforeAll(async () => {
  // Both instances read one AUTH_SECRET, as every instance behind a load balancer must.
  secretDir = await fs.mkdtemp(path.join(os.tmpdir(), "coop-two-instances-"));
  instanceA = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl, dataDir: secretDir });
  instanceB = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl, dataDir: secretDir, seed: false });
});
afterAll(async () => {
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
  await fs.rm(secretDir, { recursive: true, force: true });
});

function signInOn(server: RunningServer, email: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email, password }),
  });
}

const sessionCookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

async function query(server: RunningServer, procedure: string, input: unknown, cookie?: string) {
  const response = await fetch(`${server.url}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: cookie ? { cookie } : {},
  });
  return { status: response.status, body: (await response.json()) as { result?: { data: unknown } } };
}

async function mutate<T>(server: RunningServer, procedure: string, input: unknown, cookie: string): Promise<T> {
  const response = await fetch(`${server.url}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, cookie },
    body: JSON.stringify(input),
  });
  if (response.status !== 200) throw new Error(`${procedure} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

describe("two app instances on one database", () => {
  it("accepts on B a session created through A, and a sign-out on B ends it on A too", async () => {
    const editor = await createTestUser(database.db, "EDITOR");
    const signedIn = await signInOn(instanceA, editor.email, editor.password);
    expect(signedIn.status).toBe(200);
    const cookie = sessionCookieOf(signedIn);

    const me = await query(instanceB, "account.me", undefined, cookie);
    expect(me.status).toBe(200);
    expect(me.body.result?.data).toMatchObject({ email: editor.email, role: "EDITOR" });

    const signedOut = await fetch(`${instanceB.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: instanceB.url, cookie },
      body: "{}",
    });
    expect(signedOut.status).toBe(200);
    expect((await query(instanceA, "account.me", undefined, cookie)).status).toBe(401);
  });

  it("refuses on B an account locked by five failures on A", async () => {
    const contributor = await createTestUser(database.db, "CONTRIBUTOR");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await signInOn(instanceA, contributor.email, `wrong-password-${attempt}`)).status).toBe(401);
    }
    const refused = await signInOn(instanceB, contributor.email, contributor.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("drops B's cached public answers when A publishes, so B serves the new record", async () => {
    // Tanzania (TZ) has no seeded record: the feed starts empty.
    const feedInput = { country: ["TZ"], limit: 5 };
    const feedPath = "/feed.json?country=TZ";
    const before = await query(instanceB, "feed.latest", feedInput);
    expect(before.body.result?.data).toEqual({ items: [] });
    const feedBefore = await fetch(`${instanceB.url}${feedPath}`);
    const feedEtag = feedBefore.headers.get("etag")!;
    expect((await fetch(`${instanceB.url}${feedPath}`, { headers: { "if-none-match": feedEtag } })).status).toBe(304);

    const editor = await createTestUser(database.db, "EDITOR");
    const cookie = sessionCookieOf(await signInOn(instanceA, editor.email, editor.password));
    const input = sampleAgreementInput({
      title: "Tanzania and Russia sign a data centre agreement",
      parties: [
        { countryCode: "TZ", side: "AFRICA", role: "SIGNATORY" },
        { countryCode: "RU", side: "PARTNER", role: "SIGNATORY" },
      ],
    });
    const created = await mutate<{ id: string; slug: string }>(instanceA, "agreement.create", { confirmNotDuplicate: true, data: input }, cookie);
    await mutate(instanceA, "agreement.transition", { id: created.id, expectedVersion: 1, action: "submit" }, cookie);
    await mutate(instanceA, "agreement.transition", { id: created.id, expectedVersion: 2, action: "approve" }, cookie);

    // B hears PostgreSQL's change notice and recomputes; allow the notice a moment to arrive.
    let items: { slug: string }[] = [];
    for (let waited = 0; waited < 5000 && !items.length; waited += 100) {
      items = ((await query(instanceB, "feed.latest", feedInput)).body.result?.data as { items: { slug: string }[] }).items;
      if (!items.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(items.map((item) => item.slug)).toEqual([created.slug]);
    const feedAfter = await fetch(`${instanceB.url}${feedPath}`, { headers: { "if-none-match": feedEtag } });
    expect(feedAfter.status).toBe(200);
    expect(await feedAfter.text()).toContain(created.slug);
  });
});

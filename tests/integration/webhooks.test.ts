import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@coop/core/domain";
import { createDb, type Db } from "@coop/core/db";
import { deliverNextWebhook, type DeliveryOptions, targetPolicy, WebhookDeliveryWorker } from "@coop/core/webhooks";
import { useTestDatabase } from "../support/database";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const database = useTestDatabase();
let admin: Actor;
let editor: Actor;
let receiver: WebhookReceiver;
/** The test receiver listens on loopback, which only this list lets through. */
const allowLoopback: DeliveryOptions = { policy: targetPolicy(["127.0.0.1"]), retry: { firstDelayMs: 20, maxDelayMs: 40, giveUpAfterMs: 60_000 } };

beforeAll(async () => {
  vi.stubEnv("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
  admin = await userActor(database.db, "ADMIN");
  editor = await userActor(database.db, "EDITOR");
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await receiver.close();
});
afterEach(async () => {
  receiver.setResponder(() => ({ status: 204 }));
  receiver.received.length = 0;
  // Each test registers its own endpoints; earlier ones (and their queues) must not answer for it.
  await database.db.webhookEndpoint.deleteMany();
});

/** Runs deliveries until nothing is due, waiting out short retry pauses, as the worker would. */
async function deliverAll(db: Db, options: DeliveryOptions = allowLoopback, untilMs = 5_000) {
  const deadline = Date.now() + untilMs;
  while (Date.now() < deadline) {
    if (await deliverNextWebhook(db, options)) continue;
    const pending = await db.webhookDelivery.count({ where: { state: "PENDING", endpoint: { enabled: true } } });
    if (!pending) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A published record, made through the editorial API as an editor would. */
async function publishRecord(overrides: Parameters<typeof sampleAgreementInput>[0] = {}) {
  const api = apiAs(database.db, editor);
  const draft = await api.agreement.create({ data: sampleAgreementInput(overrides), confirmNotDuplicate: true });
  const submitted = await api.agreement.transition({ id: draft.id, expectedVersion: draft.version, action: "submit" });
  return api.agreement.transition({ id: draft.id, expectedVersion: submitted.version, action: "approve" });
}

async function registerEndpoint(input: { events?: string[]; filters?: Record<string, string[]>; url?: string } = {}) {
  return apiAs(database.db, admin).webhook.create({
    url: input.url ?? receiver.url,
    events: (input.events ?? ["record.published", "record.updated", "record.unpublished", "record.deleted"]) as ["record.published"],
    filters: input.filters,
    description: "Newsroom mirror",
  });
}

describe("registering endpoints (admins only)", () => {
  it("returns the signing secret once and never lists it", async () => {
    const created = await registerEndpoint();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await apiAs(database.db, admin).webhook.list();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed[0]).toMatchObject({ id: created.id, url: receiver.url, enabled: true, pending: 0, failed: 0 });
  });

  it("is refused to editors, contributors and anonymous callers", async () => {
    await expect(apiAs(database.db, editor).webhook.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      apiAs(database.db, await userActor(database.db, "CONTRIBUTOR")).webhook.create({ url: receiver.url, events: ["record.published"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(apiAs(database.db).webhook.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it.each([
    ["a loopback", "http://127.0.0.2:8080/hook", "127.0.0.2 is a loopback address"],
    ["a link-local (cloud metadata)", "http://169.254.169.254/latest/meta-data", "169.254.169.254 is a linkLocal address"],
    ["a private", "http://10.1.2.3/hook", "10.1.2.3 is a private address"],
    ["a name resolving to loopback", "http://localhost:9/hook", "localhost resolves to 127.0.0.1, which is a loopback address"],
    ["an IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1 resolves to 127.0.0.1, which is a loopback address"],
  ])("refuses %s target, naming the url field", async (_label, url, message) => {
    vi.stubEnv("WEBHOOK_ALLOWED_HOSTS", "");
    try {
      const attempt = apiAs(database.db, admin).webhook.create({ url, events: ["record.published"] });
      await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(attempt).rejects.toThrow(`url: ${message}`);
    } finally {
      vi.stubEnv("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
    }
  });

  it("refuses unknown events, filters and non-http URLs, naming the field", async () => {
    const api = apiAs(database.db, admin);
    const failedField = (attempt: Promise<unknown>) =>
      attempt.then(
        () => null,
        (error: { code: string; cause: { issues?: { path: (string | number)[]; message: string }[]; path?: (string | number)[]; reason?: string } }) => {
          const issue = error.cause.issues?.[0] ?? { path: error.cause.path ?? [], message: error.cause.reason ?? "" };
          return { code: error.code, field: issue.path.join("."), message: issue.message };
        },
      );
    expect(await failedField(api.webhook.create({ url: receiver.url, events: ["record.renamed" as "record.published"] }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "events.0",
    });
    expect(await failedField(api.webhook.create({ url: receiver.url, events: ["record.published"], filters: { country: ["ZZ"] } }))).toEqual({
      code: "BAD_REQUEST",
      field: "filters.country.0",
      message: 'unknown country code "ZZ"',
    });
    expect(await failedField(api.webhook.create({ url: "file:///etc/passwd", events: ["record.published"] }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "url",
      message: "must be an http:// or https:// URL",
    });
  });
});

describe("delivering record changes", () => {
  it("signs each delivery so that it verifies with the endpoint's secret (Standard Webhooks)", async () => {
    const { secret } = await registerEndpoint();
    const record = await publishRecord();
    await deliverAll(database.db);
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    const verified = new Webhook(secret).verify(webhook!.body, webhook!.headers) as { type: string; data: { slug: string; agreement: { title: string } } };
    expect(verified.type).toBe("record.published");
    expect(verified.data.slug).toBe(record.slug);
    expect(verified.data.agreement.title).toBe(record.title);
    // A wrong secret or a changed body does not verify.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(webhook!.body, webhook!.headers)).toThrow();
    expect(() => new Webhook(secret).verify(webhook!.body.replace(record.title, "Forged"), webhook!.headers)).toThrow();
  });

  it("retries a 500 and delivers later, with the same webhook-id, and logs each attempt's outcome", async () => {
    const { id } = await registerEndpoint();
    receiver.setResponder(({ count }) => (count === 1 ? { status: 500, body: "database busy" } : { status: 200, body: "ok" }));
    await publishRecord();
    await deliverAll(database.db);
    expect(receiver.received.map((entry) => entry.status)).toEqual([500, 200]);
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(receiver.received[1]!.headers["webhook-id"]);
    const log = await apiAs(database.db, admin).webhook.deliveries({ id });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      state: "DELIVERED",
      attempts: 2,
      lastStatus: 200,
      lastError: null,
      lastResponse: "ok",
      event: { type: "record.published" },
    });
    expect(log.items[0]!.lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it("delivers one record's changes in the order they were made, even when the first needs retries", async () => {
    await registerEndpoint();
    let refusedFirst = false;
    receiver.setResponder(({ body }) => {
      if (!refusedFirst && body.includes('"record.published"')) {
        refusedFirst = true;
        return { status: 503 };
      }
      return { status: 204 };
    });
    const api = apiAs(database.db, editor);
    const published = await publishRecord();
    const retitled = await api.agreement.update({
      id: published.id,
      expectedVersion: published.version,
      data: sampleAgreementInput({ title: "Retitled once", statusChange: undefined }),
    });
    const again = await api.agreement.update({
      id: published.id,
      expectedVersion: retitled.version,
      data: sampleAgreementInput({ title: "Retitled twice", statusChange: undefined }),
    });
    await api.agreement.transition({ id: published.id, expectedVersion: again.version, action: "unpublish" });

    const workers = [new WebhookDeliveryWorker(database.db, { ...allowLoopback, concurrency: 4, pollMs: 10 })];
    workers.forEach((worker) => worker.start());
    await vi.waitFor(() => expect(receiver.delivered()).toHaveLength(4), { timeout: 10_000, interval: 50 });
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(receiver.delivered().map((webhook) => webhook.type)).toEqual(["record.published", "record.updated", "record.updated", "record.unpublished"]);
    expect((receiver.delivered()[2]!.data as unknown as { agreement: { title: string } }).agreement.title).toBe("Retitled twice");
  });

  it("sends a deletion, and nothing for a record that was never public", async () => {
    await registerEndpoint();
    const api = apiAs(database.db, editor);
    const published = await publishRecord();
    await api.agreement.delete({ id: published.id, expectedVersion: published.version });
    const draft = await api.agreement.create({ data: sampleAgreementInput(), confirmNotDuplicate: true });
    await api.agreement.update({ id: draft.id, expectedVersion: draft.version, data: sampleAgreementInput({ statusChange: undefined }) });
    await deliverAll(database.db);
    expect(receiver.delivered().map((webhook) => [webhook.type, webhook.data.id])).toEqual([
      ["record.published", published.id],
      ["record.deleted", published.id],
    ]);
  });

  it("writes nothing to the outbox when the change is rolled back", async () => {
    await registerEndpoint();
    const api = apiAs(database.db, editor);
    const published = await publishRecord();
    await deliverAll(database.db);
    // A stale version: the save is refused and rolled back, so no update event.
    await expect(
      api.agreement.update({ id: published.id, expectedVersion: published.version - 1, data: sampleAgreementInput({ statusChange: undefined }) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Publishing without a source fails inside the transition: no published event either.
    const draft = await api.agreement.create({
      data: sampleAgreementInput({ sources: [], commitments: [], statusChange: undefined }),
      confirmNotDuplicate: true,
    });
    const submitted = await api.agreement.transition({ id: draft.id, expectedVersion: draft.version, action: "submit" });
    await expect(api.agreement.transition({ id: draft.id, expectedVersion: submitted.version, action: "approve" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await database.db.webhookEvent.count({ where: { agreementId: { in: [draft.id] } } })).toBe(0);
    expect(await database.db.webhookDelivery.count({ where: { state: "PENDING" } })).toBe(0);
  });

  it("sends only the events and records an endpoint's filters ask for", async () => {
    await registerEndpoint({ events: ["record.published"], filters: { country: ["ZW"] } });
    await publishRecord();
    await publishRecord({
      parties: [
        { countryCode: "ZW", side: "AFRICA", role: "SIGNATORY" },
        { countryCode: "BY", side: "PARTNER", role: "SIGNATORY" },
      ],
    });
    await deliverAll(database.db);
    expect(receiver.delivered().map((webhook) => (webhook.data as unknown as { agreement: { countries: string[] } }).agreement.countries)).toEqual([["ZW"]]);
  });

  it("never lets two workers (two app instances) send the same delivery", async () => {
    await registerEndpoint({ events: ["record.published"] });
    for (let index = 0; index < 12; index += 1) await publishRecord();
    receiver.setResponder(async () => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return { status: 204 };
    });
    const secondInstance = createDb(database.url, { max: 4 });
    const workers = [database.db, secondInstance].map((db) => new WebhookDeliveryWorker(db, { ...allowLoopback, concurrency: 3, pollMs: 10 }));
    try {
      workers.forEach((worker) => worker.start());
      await vi.waitFor(() => expect(receiver.received).toHaveLength(12), { timeout: 10_000, interval: 50 });
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await secondInstance.$disconnect();
    }
    const ids = receiver.received.map((entry) => entry.headers["webhook-id"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });
});

describe("safe by default", () => {
  it("refuses a private target at delivery time, without connecting", async () => {
    const { id } = await registerEndpoint();
    await publishRecord();
    // The allow-list no longer names loopback: the resolved address is checked at each attempt.
    await deliverNextWebhook(database.db, { ...allowLoopback, policy: targetPolicy([]) });
    expect(receiver.received).toHaveLength(0);
    const [delivery] = (await apiAs(database.db, admin).webhook.deliveries({ id })).items;
    expect(delivery).toMatchObject({ state: "PENDING", attempts: 1, lastStatus: null });
    expect(delivery!.lastError).toContain("127.0.0.1 is a loopback address");
  });

  it("follows no redirect and keeps only the start of a long answer", async () => {
    const { id } = await registerEndpoint();
    receiver.setResponder(() => ({ status: 302, headers: { location: "http://169.254.169.254/" }, body: "x".repeat(100_000) }));
    await publishRecord();
    await deliverNextWebhook(database.db, allowLoopback);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = (await apiAs(database.db, admin).webhook.deliveries({ id })).items;
    expect(delivery).toMatchObject({ state: "PENDING", lastStatus: 302 });
    expect(delivery!.lastError).toContain("redirects are not followed");
    expect(delivery!.lastResponse).toHaveLength(2048);
  });

  it("disables an endpoint whose deliveries keep failing, says why, and resumes after it is enabled again", async () => {
    const { id } = await registerEndpoint();
    receiver.setResponder(() => ({ status: 500 }));
    await publishRecord();
    const giveUpQuickly = { ...allowLoopback, retry: { firstDelayMs: 10, maxDelayMs: 10, giveUpAfterMs: 100 } };
    await deliverAll(database.db, giveUpQuickly);
    const api = apiAs(database.db, admin);
    const [endpoint] = await api.webhook.list();
    expect(endpoint).toMatchObject({ enabled: false, failed: 1 });
    expect(endpoint!.disabledReason).toContain("Disabled after deliveries failed");
    expect(endpoint!.disabledReason).toContain("HTTP 500");

    // While disabled, changes are not queued for it and replays are refused.
    await publishRecord();
    const [failed] = (await api.webhook.deliveries({ id })).items;
    await expect(api.webhook.replay({ deliveryId: failed!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api.webhook.deliveries({ id })).items).toHaveLength(1);

    receiver.setResponder(() => ({ status: 204 }));
    await api.webhook.update({ id, enabled: true });
    const replay = await api.webhook.replay({ deliveryId: failed!.id });
    await deliverAll(database.db);
    const log = (await api.webhook.deliveries({ id })).items;
    expect(log.map((delivery) => [delivery.id, delivery.state])).toEqual([
      [replay.id, "DELIVERED"],
      [failed!.id, "FAILED"],
    ]);
    expect(receiver.delivered()[0]!.id).toBe(failed!.event.id);
  });
});

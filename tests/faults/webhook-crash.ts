import http from "node:http";
import type { AddressInfo } from "node:net";
import { findFreePort } from "@coop/core/lifecycle";
import { createAgreement, createUserWithPassword, createWebhookEndpoint, transitionAgreement } from "@coop/core/domain";
import { ZAgreementCreateInput } from "@coop/core/validators";
import { launchServer } from "@coop/admin/launcher";
import { failed, faultDatabase, faultRecordData, proved } from "./harness";

const RECORDS = 40;
/** The receiver holds each answer this long, so deliveries are in flight when the kill comes. */
const ANSWER_AFTER_MS = 400;
const KILL_AFTER_RECEIVED = 8;

interface Arrival {
  id: string;
  answered: boolean;
}

/** A receiver on 127.0.0.1 that answers 204 slowly and remembers which requests it answered. */
async function slowReceiver() {
  const arrivals: Arrival[] = [];
  const server = http.createServer((request, response) => {
    const arrival = { id: String(request.headers["webhook-id"]), answered: false };
    arrivals.push(arrival);
    request.resume();
    setTimeout(() => {
      if (response.socket?.destroyed) return;
      arrival.answered = true;
      response.writeHead(204).end();
    }, ANSWER_AFTER_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, arrivals, close: () => server.close() };
}

/**
 * kill -9 of one of two app instances while it is delivering webhooks: every event
 * still reaches the receiver, and the only events sent twice are those sent but not
 * yet recorded as delivered when the kill came (at least once, same webhook-id); the
 * two instances never both send one event.
 */
export async function crashDuringWebhookDelivery(): Promise<void> {
  const database = await faultDatabase();
  const receiver = await slowReceiver();
  const env = { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" };
  process.env.WEBHOOK_ALLOWED_HOSTS = env.WEBHOOK_ALLOWED_HOSTS;
  const servers = await Promise.all([0, 1].map(async () => launchServer({ port: await findFreePort(), databaseUrl: database.url, seed: false, env })));
  try {
    const user = await database.db.$transaction((tx) =>
      createUserWithPassword(tx, { email: `webhooks-${Date.now()}@example.org`, name: "Faults", role: "ADMIN", password: "fault-injection-pass" }),
    );
    const actor = {
      kind: "user" as const,
      userId: user.id,
      email: user.email,
      name: user.name,
      role: "ADMIN" as const,
      mustChangePassword: false,
      sessionId: "faults",
      ip: null,
    };
    await createWebhookEndpoint(database.db, actor, { url: receiver.url, events: ["record.published"] });
    for (let n = 0; n < RECORDS; n += 1) {
      const input = ZAgreementCreateInput.parse({ confirmNotDuplicate: true, data: faultRecordData(`Webhook crash record ${n} ${crypto.randomUUID()}`) });
      const draft = await createAgreement(database.db, actor, input);
      const submitted = await transitionAgreement(
        database.db,
        actor,
        { id: draft.id, expectedVersion: draft.version, action: "submit" },
        { requireSecondReviewer: false },
      );
      await transitionAgreement(database.db, actor, { id: draft.id, expectedVersion: submitted.version, action: "approve" }, { requireSecondReviewer: false });
    }
    const events = (await database.db.webhookEvent.findMany({ select: { id: true } })).map((event) => event.id);

    const deadline = Date.now() + 60_000;
    while (receiver.arrivals.length < KILL_AFTER_RECEIVED && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(servers[0]!.pid, "SIGKILL");
    const inFlightAtKill = receiver.arrivals.filter((arrival) => !arrival.answered).length;
    // Sent before the kill but not recorded as delivered: these may rightly be sent again.
    const unrecorded = new Set(
      (await database.db.webhookDelivery.findMany({ where: { state: { not: "DELIVERED" } }, select: { eventId: true } })).map((row) => row.eventId),
    );
    const interrupted = new Set(receiver.arrivals.map((arrival) => arrival.id).filter((id) => unrecorded.has(id)));

    const answered = () => new Set(receiver.arrivals.filter((arrival) => arrival.answered).map((arrival) => arrival.id));
    while (answered().size < events.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // anything sent twice would arrive by now

    const sends = new Map<string, number>();
    for (const arrival of receiver.arrivals) sends.set(arrival.id, (sends.get(arrival.id) ?? 0) + 1);
    const lost = events.filter((id) => !answered().has(id));
    const repeated = [...sends].filter(([, count]) => count > 1).map(([id]) => id);
    const repeatedWithoutCrash = repeated.filter((id) => !interrupted.has(id));
    const undelivered = await database.db.webhookDelivery.count({ where: { state: { not: "DELIVERED" } } });
    const details = {
      events: events.length,
      requests: receiver.arrivals.length,
      inFlightAtKill,
      interrupted: interrupted.size,
      lost: lost.length,
      repeated: repeated.length,
      repeatedWithoutCrash: repeatedWithoutCrash.length,
      undelivered,
    };
    if (lost.length || repeatedWithoutCrash.length || undelivered || inFlightAtKill === 0) failed("crash during webhook delivery", details);
    proved(
      "crash during webhook delivery",
      `all ${events.length} events reached the receiver after kill -9 of one of two instances mid-delivery; only events sent but not recorded before the kill were sent again (${repeated.length}) (same webhook-id), none twice by the two instances`,
      details,
    );
  } finally {
    delete process.env.WEBHOOK_ALLOWED_HOSTS;
    await Promise.all(servers.map((server) => server.stop().catch(() => {})));
    receiver.close();
    await database.dispose();
  }
}

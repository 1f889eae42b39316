import { findFreePort } from "@coop/core/lifecycle";
import { launchServer } from "@coop/admin/launcher";
import { failed, faultDatabase, proved } from "./harness";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL stops under load and comes back: meanwhile the app answers clear
 * 503s (never 500s), and afterwards serves again without a restart.
 */
export async function databaseOutage(): Promise<void> {
  const database = await faultDatabase();
  try {
    const server = await launchServer({ port: await findFreePort(), databaseUrl: database.url, seed: false });
    const statuses = { before: new Map<number, number>(), during: new Map<number, number>(), after: new Map<number, number>() };
    let phase: keyof typeof statuses = "before";
    let running = true;
    const loader = (async () => {
      while (running) {
        const response = await fetch(`${server.url}/api/trpc/agreement.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`).catch(() => null);
        const status = response?.status ?? 0;
        await response?.arrayBuffer();
        statuses[phase].set(status, (statuses[phase].get(status) ?? 0) + 1);
        await sleep(10);
      }
    })();
    await sleep(1500);
    phase = "during";
    await database.stop();
    await sleep(3000);
    await database.start();
    phase = "after";
    // The pool replaces dead connections as requests come: allow a moment.
    await sleep(4000);
    running = false;
    await loader;
    await server.stop();
    const summary = Object.fromEntries(Object.entries(statuses).map(([name, counts]) => [name, Object.fromEntries(counts)]));
    const during = statuses.during;
    const lastAfter = [...statuses.after.keys()];
    const ok =
      (statuses.before.get(200) ?? 0) > 0 &&
      (during.get(503) ?? 0) > 0 &&
      !during.has(500) &&
      !statuses.after.has(500) &&
      (statuses.after.get(200) ?? 0) > 0 &&
      lastAfter.length > 0;
    if (!ok) failed("database outage", summary);
    const count = (counts: Map<number, number>, status: number) => counts.get(status) ?? 0;
    proved(
      "database outage",
      `${count(statuses.before, 200)} × 200 before the stop, ${count(during, 503)} × 503 and no 500 while PostgreSQL was down, ${count(statuses.after, 200)} × 200 after it came back, without restarting the app`,
      summary,
    );
  } finally {
    await database.dispose();
  }
}

import fs from "node:fs/promises";
import autocannon from "autocannon";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer } from "@coop/admin/launcher";
import { report } from "./measure";

const SECONDS = Number(process.env.BENCH_ABUSE_SECONDS ?? 10);
/** The flood stops at this many requests even if time is left. */
const FLOOD_MAX_REQUESTS = Number(process.env.BENCH_ABUSE_MAX_REQUESTS ?? 200_000);
const FLOOD_CONNECTIONS = 10;
const READER_CONNECTIONS = 2;
/** The reader is paced, as real readers are, so its latency is the server's and not its own queue. */
const READER_RATE = Number(process.env.BENCH_ABUSE_READER_RATE ?? 200);
const FLOODER = "198.51.100.66";
const READER = "203.0.113.50";
const WORDS = ["cyber", "nuclear", "satellite", "drone", "fibre", "university", "identity", "wheat", "energy", "training"];

async function residentKiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

/** Samples the server's resident memory until stopped; the peak seen is the answer. */
function watchMemory(pid: number) {
  let peakKiB = 0;
  const timer = setInterval(
    () =>
      void residentKiB(pid).then(
        (kib) => (peakKiB = Math.max(peakKiB, kib)),
        () => {},
      ),
    100,
  );
  return {
    async stop() {
      clearInterval(timer);
      peakKiB = Math.max(peakKiB, await residentKiB(pid));
      return Math.round(peakKiB / 1024);
    },
  };
}

/** The second client: cached `feed.latest`, as a widget on a busy page would read it. */
function readFeed(url: string) {
  return autocannon({
    url: `${url}/api/trpc/feed.latest?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`,
    connections: READER_CONNECTIONS,
    overallRate: READER_RATE,
    duration: SECONDS,
    headers: { "x-forwarded-for": READER },
  });
}

/** One client searching and faceting with ever-new words, so nothing it asks is cached. */
function flood(url: string) {
  let counter = 0;
  const uncached = (procedure: string): autocannon.Request => ({
    method: "GET",
    setupRequest: (request: autocannon.Request) => {
      counter += 1;
      const q = `${WORDS[counter % WORDS.length]} ${counter}`;
      return { ...request, path: `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ q }))}` };
    },
  });
  return autocannon({
    url,
    connections: FLOOD_CONNECTIONS,
    duration: SECONDS,
    maxOverallRequests: FLOOD_MAX_REQUESTS,
    headers: { "x-forwarded-for": FLOODER },
    requests: [uncached("agreement.list"), uncached("agreement.facets")],
  });
}

const statusCount = (result: autocannon.Result, status: number) =>
  (result.statusCodeStats as Record<string, { count: number } | undefined>)[String(status)]?.count ?? 0;

/**
 * One client floods uncached searches and facets over loopback while another reads the
 * cached `feed.latest`: the flood's share of 429s, the reader's latency with and without
 * the flood, and the server's peak memory. Production defaults for every limit.
 */
export async function benchAbuse(databaseUrl: string, records: number): Promise<void> {
  const server = await launchServer({ port: await findFreePort(), databaseUrl, seed: false, env: { TRUSTED_PROXY_HOPS: "1" } });
  try {
    const memory = watchMemory(server.pid);
    const startKiB = await residentKiB(server.pid);
    await fetch(`${server.url}/api/trpc/feed.latest?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
    const quiet = await readFeed(server.url);
    const [flooded, flooder] = await Promise.all([readFeed(server.url), flood(server.url)]);
    const peakMiB = await memory.stop();
    const context = { records, seconds: SECONDS, readerRate: READER_RATE, floodConnections: FLOOD_CONNECTIONS };
    report({
      bench: "abuse reader quiet (cached feed.latest)",
      ...context,
      unit: "ms",
      p50: quiet.latency.p50,
      p99: quiet.latency.p99,
      reqPerSec: Math.round(quiet.requests.average),
      non2xx: quiet.non2xx,
    });
    report({
      bench: "abuse reader under flood (cached feed.latest)",
      ...context,
      unit: "ms",
      p50: flooded.latency.p50,
      p99: flooded.latency.p99,
      reqPerSec: Math.round(flooded.requests.average),
      non2xx: flooded.non2xx,
      p99RatioToQuiet: Math.round((flooded.latency.p99 / Math.max(quiet.latency.p99, 1)) * 100) / 100,
    });
    const sent = flooder.requests.total;
    report({
      bench: "abuse flood (uncached list and facets, one address)",
      ...context,
      requests: sent,
      ok: statusCount(flooder, 200),
      tooMany: statusCount(flooder, 429),
      ratio429: Math.round((statusCount(flooder, 429) / Math.max(sent, 1)) * 1000) / 1000,
      errors: flooder.errors,
    });
    report({ bench: "abuse server memory", ...context, unit: "MiB", startRss: Math.round(startKiB / 1024), peakRss: peakMiB });
  } finally {
    await server.stop();
  }
}

import fs from "node:fs";
import os from "node:os";
import { PerformanceObserver, performance } from "node:perf_hooks";

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** One figure, one JSON line on stdout. */
export function report(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

/** The load average over 1, 5 and 15 minutes: the machine is shared, so every figure carries it. */
export const machineLoad = () => os.loadavg().map((value) => Math.round(value * 10) / 10);

/** Milliseconds the thread or process behind a schedstat file spent runnable but waiting for a CPU (Linux), or null. */
function cpuWaitMs(schedstatFile: string): number | null {
  try {
    return Number(fs.readFileSync(schedstatFile, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return null;
  }
}

/** Summed over the processes readable both times (a pooled connection may close in between). */
function cpuWaitBetween(before: (number | null)[], after: (number | null)[]): number | null {
  let total: number | null = null;
  before.forEach((wait, index) => {
    const waitAfter = after[index];
    if (wait !== null && waitAfter !== null && waitAfter !== undefined) total = (total ?? 0) + waitAfter - wait;
  });
  return total;
}

/** Where the slowest calls' time went, to tell a slow query from a stalled process. */
export interface TailProbe {
  /** The database server processes serving the benchmark, whose CPU wait counts too. */
  processIds: () => Promise<number[]>;
}

interface Sample {
  ms: number;
  start: number;
  end: number;
  cpuWaitMs: number | null;
  dbCpuWaitMs: number | null;
}

/**
 * Times `run` after a warm-up and reports p50/p95/p99 in milliseconds; for the slowest 1 % of
 * calls also the time spent in garbage collection and waiting for a CPU (this process's main
 * thread, and with `probe` the database backends), and the machine's load.
 */
export async function measureLatency(
  name: string,
  context: Record<string, unknown>,
  runs: number,
  run: (i: number) => Promise<unknown>,
  probe?: TailProbe,
): Promise<void> {
  for (let i = 0; i < Math.min(20, runs); i += 1) await run(i);
  const backendFiles = ((await probe?.processIds()) ?? []).map((pid) => `/proc/${pid}/schedstat`);
  const gcs: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  const samples: Sample[] = [];
  const waits = () => ["/proc/thread-self/schedstat", ...backendFiles].map(cpuWaitMs);
  for (let i = 0; i < runs; i += 1) {
    const [wait, ...dbWaits] = waits();
    const start = performance.now();
    await run(i);
    const end = performance.now();
    const [waitAfter, ...dbWaitsAfter] = waits();
    samples.push({
      ms: end - start,
      start,
      end,
      cpuWaitMs: cpuWaitBetween([wait ?? null], [waitAfter ?? null]),
      dbCpuWaitMs: cpuWaitBetween(dbWaits, dbWaitsAfter),
    });
  }
  // Garbage collection entries arrive asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.round(runs / 100)));
  const gcMs = (sample: Sample) => gcs.reduce((sum, gc) => sum + Math.max(0, Math.min(gc.end, sample.end) - Math.max(gc.start, sample.start)), 0);
  const mean = (values: (number | null)[]) =>
    values.some((value) => value === null) ? null : round(values.reduce<number>((sum, value) => sum + value!, 0) / values.length);
  report({
    bench: name,
    ...context,
    runs,
    unit: "ms",
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    slowest1pct: {
      ms: mean(slowest.map((sample) => sample.ms)),
      gcMs: mean(slowest.map(gcMs)),
      cpuWaitMs: mean(slowest.map((sample) => sample.cpuWaitMs)),
      ...(backendFiles.length ? { dbCpuWaitMs: mean(slowest.map((sample) => sample.dbCpuWaitMs)) } : {}),
    },
    gcPauses: gcs.length,
    load: machineLoad(),
  });
}

/** Runs `step` repeatedly for `seconds` and reports operations per second. */
export async function measureThroughput(
  name: string,
  context: Record<string, unknown>,
  seconds: number,
  step: (i: number, worker: number) => Promise<unknown>,
  concurrency = 1,
): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  let done = 0;
  // `concurrency` steps in flight, each worker starting its next when its last ends.
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) await step(done++, worker);
    }),
  );
  report({
    bench: name,
    ...context,
    operations: done,
    seconds: round((performance.now() - start) / 1000),
    perSecond: round(done / ((performance.now() - start) / 1000)),
    load: machineLoad(),
  });
}

import { performance } from "node:perf_hooks";

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** One figure, one JSON line on stdout. */
export function report(figure: Record<string, unknown>): void {
  console.log(JSON.stringify(figure));
}

/** Times `run` after a warm-up and reports p50/p95/p99 in milliseconds. */
export async function measureLatency(name: string, context: Record<string, unknown>, runs: number, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(20, runs); i += 1) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  report({ bench: name, ...context, runs, unit: "ms", p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)) });
}

/** Runs `step` repeatedly for `seconds` and reports operations per second. */
export async function measureThroughput(name: string, context: Record<string, unknown>, seconds: number, step: (i: number) => Promise<unknown>): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  let done = 0;
  while (performance.now() < deadline) await step(done++);
  report({ bench: name, ...context, operations: done, seconds: round((performance.now() - start) / 1000), perSecond: round(done / ((performance.now() - start) / 1000)) });
}

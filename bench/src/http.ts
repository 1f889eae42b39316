import http from "node:http";
import autocannon from "autocannon";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer } from "@coop/admin/launcher";
import { report } from "./measure";

const DURATION_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: DURATION_SECONDS, headers });
  return { reqPerSec: Math.round(result.requests.average), p99Ms: result.latency.p99, non2xx: result.non2xx };
}

/** A plain node:http server answering every request with the same bytes: the ceiling. */
async function startCeiling(body: string, headers: Record<string, string>): Promise<{ url: string; close: () => void }> {
  const port = await findFreePort();
  const server = http.createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** The production server under load: cold (full body), warm (ETag hit, 304), feeds; beside the node:http ceiling. */
export async function benchHttp(databaseUrl: string, records: number): Promise<void> {
  const server = await launchServer({ port: await findFreePort(), databaseUrl, seed: false });
  try {
    for (const path of ["/api/trpc/feed.latest", "/feed.json"]) {
      const url = `${server.url}${path}`;
      const first = await fetch(url);
      const body = await first.text();
      const etag = first.headers.get("etag") ?? "";
      const ceiling = await startCeiling(body, { "content-type": first.headers.get("content-type") ?? "application/json", etag });
      try {
        const plain = await load(ceiling.url);
        const cold = await load(url);
        const warm = await load(url, { "if-none-match": etag });
        const context = { records, path, connections: 10, seconds: DURATION_SECONDS };
        report({ bench: "http ceiling (node:http, same bytes)", ...context, ...plain });
        report({ bench: "http cold (no ETag)", ...context, ...cold, ratioToCeiling: Math.round((cold.reqPerSec / plain.reqPerSec) * 100) / 100 });
        report({ bench: "http warm (ETag hit, 304)", ...context, ...warm, ratioToCeiling: Math.round((warm.reqPerSec / plain.reqPerSec) * 100) / 100 });
      } finally {
        ceiling.close();
      }
    }
  } finally {
    await server.stop();
  }
}

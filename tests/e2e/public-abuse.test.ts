import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();
const MiB = 1024 * 1024;
const CYBERZIM = "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025";
let server: RunningServer;
/** Where the server listens; its PUBLIC_URL is https, as in production. */
let base: string;
let metricsPort: number;

beforeAll(async () => {
  const port = await findFreePort();
  metricsPort = await findFreePort();
  server = await launchServer({
    port,
    databaseUrl: database.url,
    migrationUrl: database.ownerUrl,
    publicUrl: "https://coop.example",
    // One proxy in front: each test speaks for its own client address through X-Forwarded-For.
    env: { TRUSTED_PROXY_HOPS: "1", PUBLIC_RATE_LIMIT_BURST: "30", PUBLIC_RATE_LIMIT_PER_MINUTE: "1", METRICS_PORT: String(metricsPort) },
  });
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => server?.stop());

const from = (client: string, headers: Record<string, string> = {}) => ({ headers: { "x-forwarded-for": client, ...headers } });
const query = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function residentMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

/** Sends `totalBytes` with `Transfer-Encoding: chunked`, stopping once the server has answered. */
function chunkedPost(path: string, totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    // A connection of its own: a pooled one may be one the server has since closed.
    const request = http.request(url, {
      agent: false,
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://coop.example", "x-forwarded-for": "192.0.2.200" },
    });
    const chunk = Buffer.alloc(MiB, 0x20);
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.byteLength;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("request bodies under abuse", () => {
  it("answers 50 MiB chunked bodies to tRPC and sign-in with 413, the server's memory growing by no more than a few MiB", async () => {
    // Both routes loaded and warm before measuring.
    await chunkedPost("/api/trpc/agreement.create", MiB / 2);
    await chunkedPost("/api/auth/sign-in/email", MiB / 2);
    const before = await residentMiB(server.pid);
    const api = await chunkedPost("/api/trpc/agreement.create", 50 * MiB);
    const signIn = await chunkedPost("/api/auth/sign-in/email", 50 * MiB);
    const after = await residentMiB(server.pid);
    expect(after - before).toBeLessThan(8);
    expect(api.status).toBe(413);
    expect(api.body).toContain("1 MiB");
    expect(signIn.status).toBe(413);
    expect(signIn.body).toContain("16 KiB");
  });
});

describe("security headers", () => {
  const paths = ["/", "/records", "/records?country=ZW", `/records/${CYBERZIM}`, query("feed.latest", { limit: 2 }), "/feed.json", "/export.csv"];

  // Each from its own address, so the rate limit of one never shows in another.
  it.each(paths.map((path, index) => [path, `192.0.2.${20 + index}`]))("%s carries nosniff, a Referrer-Policy, HSTS and a CSP", async (path, client) => {
    const response = await fetch(`${base}${path}`, from(client));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it.each(["/", "/records", `/records/${CYBERZIM}`])("%s allows exactly its own inline scripts, by hash, fresh or from memory", async (path) => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(`${base}${path}`, from("192.0.2.11"));
      const html = await response.text();
      const policy = response.headers.get("content-security-policy")!;
      const scriptSources = /script-src ([^;]+)/.exec(policy)![1]!;
      expect(scriptSources).not.toContain("unsafe-inline");
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        ([, attributes]) => !attributes!.includes("application/ld+json"),
      );
      expect(inline.length).toBeGreaterThan(0);
      for (const [, , code] of inline) expect(scriptSources).toContain(`'sha256-${createHash("sha256").update(code!).digest("base64")}'`);
    }
  });
});

describe("rate limits and the response cache", () => {
  it("refuses one address's flood of uncached searches and pages with 429, while cached answers keep coming to everyone", async () => {
    const flooder = "198.51.100.99";
    const reader = "203.0.113.99";
    const feed = query("feed.latest", { limit: 4 });
    expect((await fetch(`${base}${feed}`, from(reader))).status).toBe(200);
    expect((await fetch(`${base}/records?country=CG`, from(reader))).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await fetch(`${base}${query("agreement.list", { q: `flood ${i}` })}`, from(flooder))).status);
      statuses.push((await fetch(`${base}/records?q=flood${i}`, from(flooder))).status);
      expect((await fetch(`${base}${feed}`, from(reader))).status).toBe(200);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
    const refused = await fetch(`${base}/records?q=one-more`, from(flooder));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    // Kept answers cost nothing, even to the flooder, and cache-busting parameters do not make them new.
    expect((await fetch(`${base}${feed}&nocache=${Date.now()}`, from(flooder))).status).toBe(200);
    const page = await fetch(`${base}/records?country=CG&utm_source=${Date.now()}`, from(flooder));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("congo-russia-digital-ai-cybersecurity-talks-2025");
  });

  it("publishes cache and refusal counts as Prometheus metrics on their own listener only", async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^coop_public_cache_hits_total \d+/m);
    expect(metrics).toMatch(/^coop_public_cache_bytes \d+/m);
    expect(metrics).toMatch(/^coop_rate_limited_total\{surface="page"\} [1-9]/m);
    expect(metrics).toMatch(/^coop_payload_too_large_total\{route="api"\} [1-9]/m);
    expect((await fetch(`${base}/metrics`, from("192.0.2.12"))).status).toBe(404);
  });
});

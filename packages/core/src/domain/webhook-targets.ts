import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { readCoreEnv } from "../env";

/** The start of a response body kept in the delivery log; the rest is never read. */
export const KEPT_RESPONSE_BYTES = 2048;
/** Receivers should answer at once and do their work later (the Standard Webhooks advice). */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Targets allowed although their address is not public: `WEBHOOK_ALLOWED_HOSTS`. */
export interface TargetPolicy {
  hosts: Set<string>;
  ranges: [Address, number][];
}

/** Reads host names, addresses and CIDRs (`localhost,127.0.0.1,10.0.0.0/8`). */
export function targetPolicy(entries: string[] = readCoreEnv().WEBHOOK_ALLOWED_HOSTS): TargetPolicy {
  const policy: TargetPolicy = { hosts: new Set(), ranges: [] };
  for (const entry of entries) {
    if (ipaddr.isValidCIDR(entry)) policy.ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      policy.ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else policy.hosts.add(entry.toLowerCase());
  }
  return policy;
}

/** A target the policy forbids; the message says why and how to allow it. */
export class TargetRefusedError extends Error {}

function unmapped(address: string): Address {
  const parsed = ipaddr.parse(address);
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
}

/** URL host names keep IPv6 literals in brackets. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

/**
 * Why `hostname`, resolved to `address`, may not receive webhooks, or null when it may:
 * only public unicast addresses, unless WEBHOOK_ALLOWED_HOSTS names the host or the address.
 */
export function addressRefusal(hostname: string, address: string, policy: TargetPolicy): string | null {
  const host = bareHost(hostname);
  if (policy.hosts.has(host)) return null;
  const ip = unmapped(address);
  if (policy.ranges.some(([range, bits]) => range.kind() === ip.kind() && (ip as ipaddr.IPv4).match(range, bits))) return null;
  const range = ip.range();
  if (range === "unicast") return null;
  const resolved = host === ip.toString() ? host : `${host} resolves to ${ip.toString()}, which`;
  return `${resolved} is a ${range} address: webhooks go to public addresses only (WEBHOOK_ALLOWED_HOSTS lists exceptions)`;
}

/** A DNS lookup for outgoing requests that fails on any address the policy forbids: the check is on the address connected to. */
function guardedLookup(policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const refusal = addresses.map((entry) => addressRefusal(hostname, entry.address, policy)).find(Boolean);
      if (refusal) return callback(new TargetRefusedError(refusal), "", 4);
      if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Refuses a URL whose host is, or resolves to, an address the policy forbids (checked again at every delivery). */
export async function assertAllowedTarget(url: string, policy: TargetPolicy = targetPolicy()): Promise<void> {
  const host = bareHost(new URL(url).hostname);
  const addresses = ipaddr.isValid(host)
    ? [host]
    : await dns.promises.lookup(host, { all: true }).then(
        (found) => found.map((entry) => entry.address),
        () => {
          throw new TargetRefusedError(`${host} does not resolve to an address`);
        },
      );
  const refusal = addresses.map((address) => addressRefusal(host, address, policy)).find(Boolean);
  if (refusal) throw new TargetRefusedError(refusal);
}

export interface SendOutcome {
  /** HTTP status, or null when no answer came (refused target, network error, timeout). */
  status: number | null;
  durationMs: number;
  error: string | null;
  /** The first KEPT_RESPONSE_BYTES of the answer. */
  response: string | null;
}

/**
 * POSTs one webhook: the target checked on its resolved address, no redirects followed
 * (a 3xx is a failure), a short overall timeout, and only the start of the answer read.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { policy: TargetPolicy; timeoutMs?: number },
): Promise<SendOutcome> {
  const target = new URL(url);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const host = bareHost(target.hostname);
  // Literal addresses are connected to without a lookup, so they are checked here.
  const literalRefusal = ipaddr.isValid(host) ? addressRefusal(host, host, options.policy) : null;
  if (literalRefusal) return Promise.resolve({ status: null, durationMs: 0, error: literalRefusal, response: null });
  const timeoutMs = options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup(options.policy), agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < KEPT_RESPONSE_BYTES) {
            const part = chunk.subarray(0, KEPT_RESPONSE_BYTES - kept);
            chunks.push(part);
            kept += part.byteLength;
          }
          if (kept >= KEPT_RESPONSE_BYTES) response.destroy();
        });
        response.on("close", () => {
          const status = response.statusCode ?? null;
          const redirect = status !== null && status >= 300 && status < 400;
          finish({
            status,
            error: redirect ? `redirects are not followed (Location: ${response.headers.location ?? "none"})` : null,
            response: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on("error", (error) => finish({ status: null, error: error.message, response: null }));
    request.end(body);
  });
}
